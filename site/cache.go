package site

import (
	"crypto/sha256"
	"debug/elf"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"sync"
	"time"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/series"
	"factsheet/site/status"
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
	src      output.Key
	doc      *factsheet.Document
	problems factsheet.Problems
}

type builtEntry struct {
	key   output.Key
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
func (c *Cache) files(doc *factsheet.Document, key output.Key) (output.Files, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.built[doc.Meta.Slug]
	return e.files, ok && e.key == key
}

// keep remembers the files built for doc under key.
func (c *Cache) keep(doc *factsheet.Document, key output.Key, files output.Files) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.built[doc.Meta.Slug] = builtEntry{key: key, files: files}
}

// depsKey sums up what a factsheet's files depend on besides its own text:
// the program (see ProgramID), every file of the templates and assets
// folders, the options, and what its pages show of the other factsheets:
// their folder, Party, language, report and identifiers, which the report
// links and "search all" depend on, and the whole text of each factsheet
// that is an edition of another in another language, since the language
// switch links to the pages the edition has.
func depsKey(cfg Config, sums []series.Summary, docs []*factsheet.Document) (output.Key, error) {
	h := sha256.New()
	fmt.Fprintf(h, "program=%q minify=%v base=%q allow-no-urgency=%v\x00", cfg.program(), cfg.Minify, cfg.BaseURL, cfg.AllowNoUrgency)
	langs := map[string]map[string]bool{} // by edition group
	for i, d := range docs {
		g := editionGroup(d)
		if langs[g] == nil {
			langs[g] = map[string]bool{}
		}
		langs[g][sums[i].Language] = true
	}
	for i, m := range sums {
		g := editionGroup(docs[i])
		fmt.Fprintf(h, "%q %q %q %q %q", m.Slug, m.Party, m.Language, m.Round, g)
		for _, r := range m.Recs {
			fmt.Fprintf(h, " %q", r.ID)
		}
		if len(langs[g]) > 1 {
			fmt.Fprintf(h, " edition %d\x00", len(docs[i].Source))
			h.Write(docs[i].Source)
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
			return output.Key{}, err
		}
		h.Write([]byte{1})
	}
	var k output.Key
	h.Sum(k[:0])
	return k, nil
}

// editionGroup is what the factsheets that are editions of one factsheet
// in different languages share, as render pairs them: their translation
// key, or else their Party and report.
func editionGroup(d *factsheet.Document) string {
	if d.Meta.TranslationKey != "" {
		return "key\x00" + d.Meta.TranslationKey
	}
	return "party\x00" + d.Meta.Party + "\x00" + d.Meta.Report
}

// docKey is the key of a factsheet's files: its text, its status file's
// (nil when it has none) with the entries kept of it (those dated up to
// today), and deps.
func docKey(doc *factsheet.Document, statusSrc []byte, rec *status.Record, deps output.Key) output.Key {
	h := sha256.New()
	h.Write(deps[:])
	h.Write([]byte(doc.File + "\x00"))
	h.Write(doc.Source)
	fmt.Fprintf(h, "\x00status %d\x00", len(statusSrc))
	h.Write(statusSrc)
	if rec != nil {
		ids := make([]string, 0, len(rec.Entries))
		for id := range rec.Entries {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			for _, e := range rec.Entries[id] {
				fmt.Fprintf(h, "%s %v\x00", id, e.Pos)
			}
		}
	}
	var k output.Key
	h.Sum(k[:0])
	return k
}

// siteKey is the key of the site-wide files (root, 404, report pages, the
// series' search index, sitemap): deps and every factsheet's key, which
// cover the paths of their files and their search documents.
func siteKey(deps output.Key, docs []*factsheet.Document, keys []output.Key) output.Key {
	h := sha256.New()
	h.Write(deps[:])
	for i, d := range docs {
		fmt.Fprintf(h, "%q %x\x00", d.Meta.Slug, keys[i])
	}
	var k output.Key
	h.Sum(k[:0])
	return k
}

// ProgramID identifies the running program: the Go build ID of its
// executable, which changes with its code and with the templates, assets and
// content embedded in it; where it cannot be read, the executable's path,
// size and modification time. Every key under which files are reused from
// the previous output includes it, so that a new version of the program
// never reuses the files of an older one; when the executable cannot be
// found, it is unique to the process, and nothing is reused. It reads a few
// kilobytes once.
var ProgramID = sync.OnceValue(readProgramID)

// readProgramID reads what ProgramID returns.
func readProgramID() string {
	unknown := fmt.Sprintf("unknown, process %d at %d", os.Getpid(), time.Now().UnixNano())
	exe, err := os.Executable()
	if err != nil {
		return unknown
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if id := goBuildID(f); id != "" {
			return "go build ID " + id
		}
	}
	st, err := os.Stat(exe)
	if err != nil {
		return unknown
	}
	return fmt.Sprintf("%s %d %d", exe, st.Size(), st.ModTime().UnixNano())
}

// goBuildID reads the Go build ID from its ELF note ("" if there is none):
// a name "Go\x00\x00", type 4, and the ID as description.
func goBuildID(f *elf.File) string {
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	b, err := sec.Data()
	if err != nil || len(b) < 16 {
		return ""
	}
	bo := f.ByteOrder
	nameSize, descSize, kind := bo.Uint32(b), bo.Uint32(b[4:]), bo.Uint32(b[8:])
	if nameSize != 4 || kind != 4 || string(b[12:16]) != "Go\x00\x00" || uint64(len(b)) < 16+uint64(descSize) {
		return ""
	}
	return string(b[16 : 16+descSize])
}

// reuser is a sink that can take the files of a part of the site from the
// previous output (output.Stage).
type reuser interface {
	Reuse(part string, key output.Key) ([]string, bool)
	Record(part string, key output.Key, paths []string)
}

// The names of the parts of the site in the previous output's Keys file
// (output.Keys), besides each factsheet's (factsheetPart).
const (
	assetsPart = "assets"
	sitePart   = "site"
)

// factsheetPart is the name of the part holding the files of the factsheet slug.
func factsheetPart(slug string) string { return "factsheet:" + slug }

// program is Config.Program, or ProgramID.
func (cfg Config) program() string {
	if cfg.Program != "" {
		return cfg.Program
	}
	return ProgramID()
}

// key computes the keys of the parts of the site, when a Cache or the sink
// can use them, and links the shared assets and the site-wide files from the
// previous output when their keys did not change.
func (b *builder) key() error {
	docs := b.res.Docs
	b.keys = make([]output.Key, len(docs)) // zero when unused
	if b.cfg.Cache == nil && b.store == nil {
		return nil
	}
	var err error
	if b.deps, err = depsKey(b.cfg, b.sums, docs); err != nil {
		return err
	}
	for i, doc := range docs {
		src, _ := fs.ReadFile(b.cfg.Content, status.FileName(doc.Meta.Slug)) // none: nil
		b.keys[i] = docKey(doc, src, b.res.Status[doc.Meta.Slug], b.deps)
	}
	b.siteKey = siteKey(b.deps, docs, b.keys)
	_, b.assetsReused = b.reuse(assetsPart, b.deps)
	_, b.siteReused = b.reuse(sitePart, b.siteKey)
	return nil
}

// reuse links the files of a part of the site from the previous output
// when it was built under the same key, unless the build is fresh, and
// notes their paths.
func (b *builder) reuse(part string, key output.Key) (paths []string, ok bool) {
	if b.store == nil || b.cfg.Fresh {
		return nil, false
	}
	b.timed("write", func() error {
		paths, ok = b.store.Reuse(part, key)
		return nil
	})
	if ok {
		b.mu.Lock()
		b.res.Count += len(paths)
		b.paths = append(b.paths, paths...)
		b.mu.Unlock()
	}
	return paths, ok
}
