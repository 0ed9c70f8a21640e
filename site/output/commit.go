package output

import (
	"os"
	"path/filepath"
)

// Commit writes the files into dir. (Atomic swap to come.)
func Commit(files Files, dir string, force bool) error {
	for _, p := range files.Paths() {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}
