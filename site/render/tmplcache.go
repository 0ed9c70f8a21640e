package render

import (
	"crypto/sha256"
	"io/fs"
	"sync"
)

// parsedTemplates remembers the templates last parsed, by the sum of their
// folder's files: `factsheet serve` makes a Renderer for every rebuild, and
// parsing the templates in every language is about 10 ms of it. Parsed
// templates are only executed afterwards, which is safe from several
// Renderers at once.
var parsedTemplates struct {
	mu  sync.Mutex
	sum [sha256.Size]byte
	ls  languages
}

// cachedTemplates is loadTemplates, reusing the last result when no file of
// fsys changed (names and contents).
func cachedTemplates(fsys fs.FS) (languages, error) {
	sum, ok := folderSum(fsys)
	if !ok {
		return loadTemplates(fsys)
	}
	parsedTemplates.mu.Lock()
	defer parsedTemplates.mu.Unlock()
	if parsedTemplates.ls != nil && parsedTemplates.sum == sum {
		return parsedTemplates.ls, nil
	}
	ls, err := loadTemplates(fsys)
	if err == nil {
		parsedTemplates.sum, parsedTemplates.ls = sum, ls
	}
	return ls, err
}

// folderSum returns the sha256 of the names and contents of every file of
// fsys; ok is false when the folder cannot be read whole.
func folderSum(fsys fs.FS) (sum [sha256.Size]byte, ok bool) {
	if fsys == nil {
		return sum, false
	}
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		var n [8]byte
		for i, l := 0, uint64(len(b)); i < 8; i, l = i+1, l>>8 {
			n[i] = byte(l)
		}
		h.Write([]byte(p + "\x00"))
		h.Write(n[:])
		h.Write(b)
		return nil
	})
	if err != nil {
		return sum, false
	}
	copy(sum[:], h.Sum(nil))
	return sum, true
}
