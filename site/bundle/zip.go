package bundle

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"html/template"
	"path"
	"strings"
	"sync"
	"time"

	"factsheet/site/factsheet"
	"factsheet/site/internal/rawzip"
	"factsheet/site/internal/workers"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// ZipRoot is the one top folder of a factsheet's offline zip ("lithuania-offline/").
func ZipRoot(slug string) string { return slug + "-offline/" }

// zipEpoch is the modification time of every zip entry when the factsheet has
// no valid last_update: the earliest time a zip can hold.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// files returns the files of the offline zip of doc, keyed by their path
// below the top folder. The layout mirrors public/, so that every relative
// link keeps working:
//
//	index.html            opens the factsheet (a link, and an immediate redirect)
//	<slug>/...            the factsheet's whole sub-site
//	assets/...            the shared stylesheets and scripts
//	downloads/<slug>.html the single-file edition
//
// Links to files the zip does not carry (other factsheets, the zip itself)
// point to the published site when the page's canonical link gives its
// address, and lose their href, staying as plain text, when not.
func (z *zipper) files(files output.Files, doc *factsheet.Document) (output.Files, error) {
	slug := doc.Meta.Slug
	zf := output.Files{}
	for _, p := range files.Paths() {
		if urls.Factsheet(slug).Owns(p) || strings.HasPrefix(p, "assets/") || p == urls.Factsheet(slug).SingleFile() {
			zf[p] = files[p]
		}
	}
	index, err := z.index(files, doc)
	if err != nil {
		return nil, err
	}
	zf["index.html"] = index
	for _, p := range zf.Paths() {
		if path.Ext(p) == ".html" {
			zf[p] = z.dropMissingLinks(zf, p)
		}
	}
	return zf, nil
}

// dropMissingLinks relinks (see relink) every <a> of the page p that points
// to a file missing from files. The result depends on the page and on the
// set of paths, which is the same in every round: it is remembered by page.
func (z *zipper) dropMissingLinks(files output.Files, p string) []byte {
	if c, ok := z.cleaned[p]; ok && sameBytes(c.src, files[p]) {
		return c.out
	}
	b := files[p]
	if out, ok := relinkFast(files, p, b, z.targets); ok {
		b = out
	} else {
		b = dropMissingLinksOf(files, p)
	}
	z.cleaned[p] = cleanedPage{src: files[p], out: b}
	return b
}

// cleanBySingleFile notes that the single-file edition page p needs no
// relinking: SingleFile already made every link of an <a> or <area> an
// anchor of the page, an address outside the site or plain text. It is
// neither scanned nor tokenized again (it holds about as many bytes as the
// rest of the zip's pages together, and the byte scan would send it to the
// tokenizer for the hrefs its inline scripts hold). Should the page change
// later, it is relinked as any other.
func (z *zipper) cleanBySingleFile(files output.Files, p string) {
	z.cleaned[p] = cleanedPage{src: files[p], out: files[p]}
}

// dropMissingLinksOf tokenizes the page p and relinks its links to files
// that files lacks (see relink); the reference the byte scan must agree with.
func dropMissingLinksOf(files output.Files, p string) []byte {
	toks := tokenize(files[p])
	base := publishedBase(toks, p)
	changed := false
	for i, t := range toks {
		if href, ok := missingLink(files, p, t.tag); ok {
			relink(t.tag, base, p, href)
			toks[i].dirty = true
			changed = true
		}
	}
	if !changed {
		return files[p]
	}
	return render(toks)
}

// missingLink returns the href of t when t is a link (<a>, <area>) of the
// page p to a file of the site that files lacks.
func missingLink(files output.Files, p string, t *tag) (href string, ok bool) {
	if t == nil || (t.name != "a" && t.name != "area") {
		return "", false
	}
	href, ok = t.get("href")
	if !ok || isOutside(href) || strings.HasPrefix(href, "#") {
		return "", false
	}
	_, found := files[resolve(p, href)]
	return href, !found
}

var zipIndexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
{{if .CSP}}<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
{{end}}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={{.Home}}">
<title>{{.Title}}: offline edition</title>
<link rel="stylesheet" href="assets/style.css">
</head>
<body data-root="">
<main id="main">
<h1>{{.Title}}</h1>
<p><a href="{{.Home}}">Open the factsheet</a>, or the <a href="{{.Single}}">single-file edition</a>.</p>
</main>
</body>
</html>
`))

// index returns zipIndex for doc, made once: the index depends on the home
// page only through its security policy, which filling in the sizes leaves alone.
func (z *zipper) index(files output.Files, doc *factsheet.Document) ([]byte, error) {
	if b, ok := z.indexes[doc.Meta.Slug]; ok {
		return b, nil
	}
	b, err := zipIndex(files, doc)
	if err == nil {
		z.indexes[doc.Meta.Slug] = b
	}
	return b, err
}

// zipIndex renders the index.html at the root of the zip: it sends the
// reader to the factsheet's home page, with the home page's own security policy.
func zipIndex(files output.Files, doc *factsheet.Document) ([]byte, error) {
	slug := doc.Meta.Slug
	csp := ""
	for _, t := range tokenize(files[urls.Factsheet(slug).Home()]) {
		if v, _ := tagAttr(t, "http-equiv"); t.tag != nil && t.tag.name == "meta" && strings.EqualFold(v, "content-security-policy") {
			csp, _ = t.tag.get("content")
		}
	}
	lang := doc.Meta.Language
	if lang == "" {
		lang = "en"
	}
	title := doc.Meta.Title
	if title == "" {
		title = doc.Meta.Party
	}
	var buf bytes.Buffer
	err := zipIndexPage.Execute(&buf, map[string]string{
		"Lang": lang, "CSP": csp, "Title": title,
		"Home": urls.Factsheet(slug).Home(), "Single": urls.Factsheet(slug).SingleFile(),
	})
	return buf.Bytes(), err
}

// entry is one compressed zip entry, kept to be written again unchanged.
type entry struct {
	src []byte // the content it was compressed from
	rawzip.Entry
}

// cleanedPage is a page before and after dropMissingLinks.
type cleanedPage struct{ src, out []byte }

// deflater deflates the zip entries: klauspost/compress at level 6 is about
// four times as fast as the standard library's best compression, for a zip
// about 2 % larger.
var deflater = rawzip.NewDeflater(6)

// zipper packs zips; it remembers every entry it compressed (by path, with
// its content), so that the zips written again after the sizes are filled in
// only compress the pages that changed, every cleaned page (dropMissingLinks),
// the targets of the links it met and the index page of each zip, by slug.
type zipper struct {
	entries map[string]entry
	cleaned map[string]cleanedPage
	targets targets
	indexes map[string][]byte
}

func newZipper() *zipper {
	return &zipper{entries: map[string]entry{}, cleaned: map[string]cleanedPage{}, targets: targets{}, indexes: map[string][]byte{}}
}

// sameBytes tells whether a and b hold the same bytes, quickly when they are
// the same slice.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || bytes.Equal(a, b)
}

// deflate returns the deflated entry of b, the file p; a shared asset is
// compressed once (see sharedEntries).
func deflate(p string, b []byte) (entry, error) {
	if !strings.HasPrefix(p, "assets/") {
		return compress(b)
	}
	if e, ok := sharedEntries.get(b); ok {
		return e, nil
	}
	e, err := compress(b)
	if err == nil {
		sharedEntries.put(e)
	}
	return e, err
}

// compress returns the deflated entry of b.
func compress(b []byte) (entry, error) {
	e, err := deflater.Deflate(b)
	return entry{src: b, Entry: e}, err
}

// sharedEntries are the compressed shared assets, which every factsheet's zip
// carries with the same bytes: the same bytes always compress the same, so
// each is compressed once for all the zips of the process.
var sharedEntries = entryCache{max: 64}

// entryCache holds compressed entries by content, safe for concurrent use.
// It holds at most max entries: a full cache is emptied before it takes one
// more (the shared assets are a few dozen files at most).
type entryCache struct {
	mu      sync.Mutex
	max     int
	entries map[entryKey]entry
}

// entryKey is what finds an entry by its content: length and CRC-32 (the
// bytes are compared as well).
type entryKey struct {
	size uint64
	crc  uint32
}

// get returns the entry compressed from the bytes b, with b as its source.
func (c *entryCache) get(b []byte) (entry, bool) {
	c.mu.Lock()
	e, ok := c.entries[entryKey{uint64(len(b)), crc32.ChecksumIEEE(b)}]
	c.mu.Unlock()
	if !ok || !bytes.Equal(e.src, b) {
		return entry{}, false
	}
	e.src = b
	return e, true
}

// put keeps the entry e.
func (c *entryCache) put(e entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max || c.entries == nil {
		c.entries = map[entryKey]entry{}
	}
	c.entries[entryKey{e.Size, e.CRC}] = e
}

// compressAll compresses, several at a time, the files not compressed yet
// with their current content.
func (z *zipper) compressAll(files output.Files, paths []string) error {
	var todo []string
	for _, p := range paths {
		if e, ok := z.entries[p]; !ok || !sameBytes(e.src, files[p]) {
			todo = append(todo, p)
		}
	}
	done := make([]entry, len(todo))
	errs := make([]error, len(todo))
	workers.Each(len(todo), func(i int) { done[i], errs[i] = deflate(todo[i], files[todo[i]]) })
	for i, p := range todo {
		if errs[i] != nil {
			return errs[i]
		}
		z.entries[p] = done[i]
	}
	return nil
}

// write packs files under the top folder root into a deterministic zip:
// sorted entries, one fixed time, fixed permissions.
func (z *zipper) write(files output.Files, root string, modified time.Time) ([]byte, error) {
	paths := files.Paths()
	if err := z.compressAll(files, paths); err != nil {
		return nil, err
	}
	entries := make([]rawzip.File, len(paths))
	for i, p := range paths {
		entries[i] = rawzip.File{Name: root + p, Entry: z.entries[p].Entry}
	}
	date, clock := msDosTime(modified)
	return rawzip.Write(entries, func(h *zip.FileHeader) {
		h.ModifiedDate, h.ModifiedTime = date, clock
		h.SetMode(0o644)
	})
}

// msDosTime encodes t in the MS-DOS date and time fields of a zip header
// (CreateRaw, unlike CreateHeader, does not fill them from FileHeader.Modified).
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// zipTime is the time stamped on the entries of doc's zip: its last update
// (midnight UTC), or zipEpoch.
func zipTime(doc *factsheet.Document) time.Time {
	t, err := time.Parse("2006-01-02", doc.Meta.LastUpdate)
	if err != nil || t.Before(zipEpoch) {
		return zipEpoch
	}
	return t
}
