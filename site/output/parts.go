package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"factsheet/site/internal/workers"
)

// Keys is the file, at the root of an output folder, that lists each part
// of the build (a factsheet, the shared assets, the site-wide pages) with
// the key it was built under, a hash of everything its files depend on, and
// the paths of its files. When the next build computes the same key for a
// part, Stage.Reuse links the part's files from the previous output instead
// of the build making them again.
const Keys = ".factsheet-keys"

// Key is the hash of everything the files of a part of the build depend on.
type Key = [sha256.Size]byte

// part is one part of a build: its key and the paths of its files.
type part struct {
	key   Key
	paths []string
}

// readParts reads the Keys file of the output folder dir; nil when there is
// none, it cannot be read, or it was modified after the Sums file (which is
// written after it), since.
func readParts(dir string, since time.Time) map[string]part {
	f, err := os.Open(filepath.Join(dir, Keys))
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.ModTime().After(since) {
		return nil
	}
	parts := map[string]part{}
	sc := bufio.NewScanner(f)
	for sc.Scan() { // "<hex key> <part> <path>"
		fields := strings.SplitN(sc.Text(), " ", 3)
		if len(fields) != 3 {
			return nil
		}
		var key Key
		h, err := hex.DecodeString(fields[0])
		if err != nil || len(h) != len(key) {
			return nil
		}
		copy(key[:], h)
		p, seen := parts[fields[1]]
		if seen && p.key != key {
			return nil
		}
		p.key, p.paths = key, append(p.paths, fields[2])
		parts[fields[1]] = p
	}
	if sc.Err() != nil {
		return nil
	}
	return parts
}

// Reuse links into the staging folder the files of the part name of the
// previous build, when it was built under key and none of its files changed
// or went missing since (see Sums), records the part for the next build and
// returns the paths of its files. Otherwise it links nothing and reports
// false: the caller builds the part, Puts its files and Records it.
func (s *Stage) Reuse(name string, key Key) ([]string, bool) {
	if s.prev == nil {
		return nil, false
	}
	p, ok := s.prev.parts[name]
	if !ok || p.key != key {
		return nil, false
	}
	from := make([]string, len(p.paths))
	for i, path := range p.paths {
		if from[i], ok = s.prev.unchanged(path); !ok {
			return nil, false
		}
	}
	linked := make([]bool, len(p.paths))
	workers.Each(len(p.paths), func(i int) {
		to := filepath.Join(s.tmp, filepath.FromSlash(p.paths[i]))
		linked[i] = s.mkdirs(filepath.Dir(to)) == nil && os.Link(from[i], to) == nil
	})
	for i := range linked {
		if !linked[i] { // undo: the caller builds the part instead
			for j, path := range p.paths {
				if linked[j] {
					os.Remove(filepath.Join(s.tmp, filepath.FromSlash(path)))
				}
			}
			return nil, false
		}
	}
	s.mu.Lock()
	for _, path := range p.paths {
		s.sums[path] = s.prev.files[path]
	}
	s.n += len(p.paths)
	s.mu.Unlock()
	s.Record(name, key, p.paths)
	return append([]string(nil), p.paths...), true
}

// Record notes, for the next build's Reuse, that the part name was built
// under key and holds the files at paths, which must have been put.
func (s *Stage) Record(name string, key Key, paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.parts == nil {
		s.parts = map[string]part{}
	}
	s.parts[name] = part{key: key, paths: append([]string(nil), paths...)}
}

// keysFile is the content of the Keys file for the parts recorded whose
// files were all put: one line per file, sorted by part, then path.
func keysFile(parts map[string]part, sums map[string]sum) []byte {
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, name := range names {
		p := parts[name]
		paths := append([]string(nil), p.paths...)
		sort.Strings(paths)
		complete := len(paths) > 0 && !strings.ContainsAny(name, " \n")
		for _, path := range paths {
			_, put := sums[path]
			complete = complete && put && !strings.Contains(path, "\n")
		}
		if !complete {
			continue
		}
		for _, path := range paths {
			fmt.Fprintf(&b, "%x %s %s\n", p.key, name, path)
		}
	}
	return b.Bytes()
}
