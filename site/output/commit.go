package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"factsheet/site/internal/workers"
)

// Marker is the file that Commit writes at the root of every output folder
// it creates; a folder holding it may be replaced by the next build.
const Marker = ".factsheet-build"

// markerText is the content of the marker file; it is fixed so that two builds
// are byte-identical.
const markerText = "This folder is written by `factsheet build` and replaced as a whole by the next build.\n"

// File and folder modes of the written site: fixed, whatever the umask says
// about defaults, so that two builds look the same.
const (
	fileMode = 0o644
	dirMode  = 0o755
)

// Commit writes the files into dir atomically: it writes them into a
// temporary folder beside dir, then swaps it in place of dir. If anything
// fails, dir is left as it was and the temporary folder is removed.
//
// Commit refuses to replace a non-empty dir that lacks the Marker file (a
// folder the build did not create) unless force is set.
func Commit(files Files, dir string, force bool) error {
	s, err := NewStage(dir, force)
	if err != nil {
		return err
	}
	if err := s.Put(files); err != nil {
		s.Abort()
		return err
	}
	return s.Commit()
}

// Stage is an output folder being written: files are put into a temporary
// folder beside it, piece by piece, and Commit swaps that folder in place of
// the output folder, or Abort removes it, leaving the output folder as it was.
// Put may be called from several goroutines at once.
type Stage struct {
	dir, tmp string
	mu       sync.Mutex
	dirs     map[string]bool // folders created so far
	n        int             // files written
	prev     *previous       // the previous output, whose unchanged files are linked
	sums     map[string]sum  // of every file put, for the Sums file
	parts    map[string]part // recorded for the Keys file
}

// NewStage checks that dir may be replaced (see Commit) and creates the
// temporary folder beside it, holding the Marker.
func NewStage(dir string, force bool) (*Stage, error) {
	if dir == "" {
		return nil, errors.New("output folder is empty; pass -out DIR")
	}
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir, force); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), dirMode); err != nil {
		return nil, fmt.Errorf("create the parent of %s: %w", dir, err)
	}
	removeStale(dir)
	s := &Stage{dir: dir, tmp: dir + ".tmp-" + strconv.Itoa(os.Getpid()), prev: readPrevious(dir), sums: map[string]sum{}}
	if err := os.RemoveAll(s.tmp); err != nil {
		return nil, fmt.Errorf("remove the stale temporary folder %s: %w", s.tmp, err)
	}
	if err := os.Mkdir(s.tmp, dirMode); err != nil {
		return nil, fmt.Errorf("create the temporary folder: %w", err)
	}
	s.dirs = map[string]bool{s.tmp: true}
	if err := os.Chmod(s.tmp, dirMode); err != nil { // whatever the umask: once is cheap
		s.Abort()
		return nil, err
	}
	if err := writeFile(filepath.Join(s.tmp, Marker), []byte(markerText)); err != nil {
		s.Abort()
		return nil, err
	}
	return s, nil
}

// Put writes files into the temporary folder.
func (s *Stage) Put(files Files) error {
	paths := files.Paths()
	for _, p := range paths {
		if !fs.ValidPath(p) || p == "." || p == Marker || p == Sums || p == Keys {
			return fmt.Errorf("invalid output path %q: use a clean relative slash path", p)
		}
	}
	errs := make([]error, len(paths))
	workers.Each(len(paths), func(i int) {
		p, b := paths[i], files[paths[i]]
		full := filepath.Join(s.tmp, filepath.FromSlash(p))
		sum := sumOf(b)
		s.mu.Lock()
		_, again := s.sums[p]
		s.sums[p] = sum
		s.mu.Unlock()
		if again { // never write through a link into the previous output
			os.Remove(full)
		}
		if errs[i] = s.mkdirs(filepath.Dir(full)); errs[i] == nil && !s.prev.reuse(p, sum, full) {
			errs[i] = writeFile(full, b)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err // the first, in path order
		}
	}
	s.mu.Lock()
	s.n += len(files)
	s.mu.Unlock()
	return nil
}

// Written is the number of files put so far.
func (s *Stage) Written() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// mkdirs creates the folder d and its parents inside the temporary folder,
// with the fixed folder mode whatever the umask.
func (s *Stage) mkdirs(d string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dirs[d] {
		return nil
	}
	if err := os.MkdirAll(d, dirMode); err != nil {
		return err
	}
	for ; d != s.tmp && !s.dirs[d]; d = filepath.Dir(d) {
		if !umaskKeepsModes() { // the umask narrowed the mode given to MkdirAll
			if err := os.Chmod(d, dirMode); err != nil {
				return err
			}
		}
		s.dirs[d] = true
	}
	return nil
}

// Commit swaps the temporary folder in place of the output folder; on
// failure the output folder is left as it was and the temporary folder removed.
func (s *Stage) Commit() error {
	s.mu.Lock()
	keys, sums := keysFile(s.parts, s.sums), sumsFile(s.sums)
	s.mu.Unlock()
	var err error
	if len(keys) > 0 {
		err = writeFile(filepath.Join(s.tmp, Keys), keys)
	}
	if err == nil { // Sums last: its time dates the files listed
		err = writeFile(filepath.Join(s.tmp, Sums), sums)
	}
	if err != nil {
		s.Abort()
		return err
	}
	if err := swap(s.tmp, s.dir); err != nil {
		s.Abort()
		return err
	}
	return nil
}

// Abort removes the temporary folder, leaving the output folder as it was.
func (s *Stage) Abort() { os.RemoveAll(s.tmp) }

// checkReplaceable tells whether dir may be replaced: it does not exist, is
// empty, carries the marker, or force is set.
func checkReplaceable(dir string, force bool) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is a file, not a folder; remove it or choose another -out", dir)
	}
	if force {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty and was not created by factsheet build (no %s file); "+
			"its content would be deleted: choose another -out, or pass -force to replace it", dir, Marker)
	}
	return nil
}

// writeFile writes b to name with the fixed file mode, whatever the umask.
func writeFile(name string, b []byte) error {
	if err := createFile(name, b, fileMode); err != nil {
		return err
	}
	if umaskKeepsModes() {
		return nil
	}
	return os.Chmod(name, fileMode)
}

// umaskKeepsModes tells whether the process's umask leaves the fixed file
// and folder modes as they are, so that no chmod is needed after creating
// them; where the umask cannot be read, it answers no.
var umaskKeepsModes = sync.OnceValue(func() bool {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			mask, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32)
			return err == nil && (fileMode|dirMode)&^mask == fileMode|dirMode
		}
	}
	return false
})

// swap puts the folder tmp in place of dir, keeping dir intact if it cannot.
func swap(tmp, dir string) error {
	old := dir + ".old-" + strconv.Itoa(os.Getpid())
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	hadOld := true
	if err := os.Rename(dir, old); errors.Is(err, fs.ErrNotExist) {
		hadOld = false
	} else if err != nil {
		return fmt.Errorf("move the previous %s aside: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			os.Rename(old, dir)
		}
		return fmt.Errorf("move the new site into %s: %w", dir, err)
	}
	if hadOld {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove the previous site %s: %w", old, err)
		}
	}
	return nil
}

// removeStale removes the temporary folders that interrupted builds left
// beside dir ("public.tmp-<pid>", "public.old-<pid>"): those marked as ours
// whose process is gone. Folders of a build still running are left alone.
func removeStale(dir string) {
	for _, pattern := range []string{".tmp-*", ".old-*"} {
		matches, _ := filepath.Glob(dir + pattern)
		for _, m := range matches {
			pid, err := strconv.Atoi(m[strings.LastIndexByte(m, '-')+1:])
			if err != nil || pid == os.Getpid() || running(pid) {
				continue
			}
			if _, err := os.Stat(filepath.Join(m, Marker)); err == nil {
				os.RemoveAll(m)
			}
		}
	}
}

// running tells whether the process pid exists; where that cannot be known,
// it answers yes.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission) || !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}
