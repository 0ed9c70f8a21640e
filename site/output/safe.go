package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Source is a folder the build reads, named by its flag ("-content").
type Source struct {
	Flag string
	Dir  string
}

// CheckSafeTarget refuses an output folder whose replacement would delete
// what the build reads or does not own: a folder that is, contains or lies
// inside one of the sources; the root of a project (a folder holding .git or
// go.mod), or a folder containing the project the command runs in; the home
// folder or a folder containing it; the root of the file system. -force does
// not lift these refusals: nothing of value is lost by choosing another -out.
func CheckSafeTarget(out string, sources ...Source) error {
	if strings.TrimSpace(out) == "" {
		return errors.New("output folder is empty; pass -out DIR")
	}
	target, err := resolve(out)
	if err != nil {
		return fmt.Errorf("-out %s: %w", out, err)
	}
	why := func(format string, args ...any) error {
		return fmt.Errorf("-out %s: refused, "+format+"; the output folder is deleted and replaced by each build: choose another -out, e.g. public", append([]any{out}, args...)...)
	}
	if target == filepath.Dir(target) {
		return why("it is the root of the file system")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := resolve(home); err == nil && within(h, target) {
			return why("it is or contains your home folder %s", home)
		}
	}
	for _, s := range sources {
		if s.Dir == "" {
			continue
		}
		if _, err := os.Stat(s.Dir); err != nil {
			continue // not on disk (the embedded default): nothing to lose
		}
		dir, err := resolve(s.Dir)
		if err != nil {
			continue
		}
		switch {
		case dir == target:
			return why("it is the %s folder, which the build reads", s.Flag)
		case within(dir, target):
			return why("it contains the %s folder %s, which the build reads", s.Flag, s.Dir)
		case within(target, dir):
			return why("it lies inside the %s folder %s, which the build reads", s.Flag, s.Dir)
		}
	}
	for _, marker := range []string{".git", "go.mod"} {
		if _, err := os.Lstat(filepath.Join(target, marker)); err == nil {
			return why("it is the root of a project (it holds %s)", marker)
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if root := projectRoot(wd); root != "" && within(root, target) {
			return why("it contains the project %s (the folder holding its .git or go.mod)", root)
		}
	}
	return nil
}

// resolve makes a path absolute and clean with symbolic links resolved, as
// far as it exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within tells whether path is dir or lies inside it; both are resolved.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// projectRoot is the nearest folder from dir upwards holding .git or go.mod, or "".
func projectRoot(dir string) string {
	dir, err := resolve(dir)
	if err != nil {
		return ""
	}
	for ; ; dir = filepath.Dir(dir) {
		for _, marker := range []string{".git", "go.mod"} {
			if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
				return dir
			}
		}
		if dir == filepath.Dir(dir) {
			return ""
		}
	}
}
