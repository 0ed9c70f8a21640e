package site

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/series"
)

// Cache keeps, from one build to the next (`factsheet serve`), each
// factsheet's parsed document and built files, keyed by its source text and
// by everything else its files depend on (templates, assets, options), so
// that the build after an edit parses and builds only the factsheet that
// changed. The site-wide pages are always built again. Give the same Cache
// to successive builds with Config.Cache.
type Cache struct {
	mu     sync.Mutex
	parsed map[string]parsedEntry // by file name
	built  map[string]builtEntry  // by slug
}

type parsedEntry struct {
	src      [sha256.Size]byte
	doc      *factsheet.Document
	problems factsheet.Problems
}

type builtEntry struct {
	key   [sha256.Size]byte
	files output.Files
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{parsed: map[string]parsedEntry{}, built: map[string]builtEntry{}}
}

// parse parses src, or returns the document parsed from the same text before.
func (c *Cache) parse(file string, src []byte) (*factsheet.Document, factsheet.Problems) {
	if c == nil {
		return factsheet.Parse(file, src)
	}
	sum := sha256.Sum256(src)
	c.mu.Lock()
	e, ok := c.parsed[file]
	c.mu.Unlock()
	if ok && e.src == sum {
		return e.doc, e.problems
	}
	doc, problems := factsheet.Parse(file, src)
	c.mu.Lock()
	c.parsed[file] = parsedEntry{src: sum, doc: doc, problems: problems}
	c.mu.Unlock()
	return doc, problems
}

// files returns the files built before for doc under the same key, if any.
func (c *Cache) files(doc *factsheet.Document, key [sha256.Size]byte) (output.Files, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.built[doc.Meta.Slug]
	return e.files, ok && e.key == key
}

// keep remembers the files built for doc under key.
func (c *Cache) keep(doc *factsheet.Document, key [sha256.Size]byte, files output.Files) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.built[doc.Meta.Slug] = builtEntry{key: key, files: files}
}

// depsKey sums up what a factsheet's files depend on besides its own text:
// every file of the templates and assets folders, the options, and what its
// pages show of the other factsheets (their folder, Party, language, report
// and identifiers, which the report links and "search all" depend on).
func depsKey(cfg Config, sums []series.Summary) ([sha256.Size]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "minify=%v base=%q\x00", cfg.Minify, cfg.BaseURL)
	for _, m := range sums {
		fmt.Fprintf(h, "%q %q %q %q", m.Slug, m.Party, m.Language, m.Round)
		for _, r := range m.Recs {
			fmt.Fprintf(h, " %q", r.ID)
		}
		h.Write([]byte{0})
	}
	for _, fsys := range []fs.FS{cfg.Templates, cfg.Assets} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
			h.Write(b)
			return err
		})
		if err != nil {
			return [sha256.Size]byte{}, err
		}
	}
	h.Write([]byte{1})
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k, nil
}

// docKey is the cache key of a factsheet's files: its text, its status
// file's (nil when it has none) and deps.
func docKey(doc *factsheet.Document, statusSrc []byte, deps [sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write(deps[:])
	h.Write([]byte(doc.File + "\x00"))
	h.Write(doc.Source)
	fmt.Fprintf(h, "\x00status %d\x00", len(statusSrc))
	h.Write(statusSrc)
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}
