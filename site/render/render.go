// Package render turns factsheet documents into the HTML pages and data files of the site.
//
// Every page is an html/template: templates/layout.html defines "layout" (the
// document shell: head, header with the search form, breadcrumb, main, footer)
// and templates/partials.html the small pieces ("badge", "recmark", ...),
// with more in templates/partials-*.html, one file per feature; each page
// file (home.html, chapter.html, ...) defines "main". The text of the
// factsheet is rendered by goldmark's HTML renderer with a node renderer of
// our own for footnote references, then handed to the templates as HTML.
//
// All links are relative: a page at lithuania/chapters/ii.html reaches the
// root of the site through "../../", which it also carries in <body data-root>.
// Absolute addresses appear only when Options.BaseURL is set.
package render

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"factsheet/site/factsheet"
	"factsheet/site/i18n"
	"factsheet/site/output"
	"factsheet/site/series"
	"factsheet/site/status"
)

// Options are the inputs of rendering besides the documents.
type Options struct {
	Templates fs.FS  // the templates/ folder: embedded, or on disk while editing
	Assets    fs.FS  // the assets/ folder, copied to assets/
	BaseURL   string // absolute address of public/ when published ("https://x.github.io/repo/"), or ""
	// Status holds the status file of each factsheet that has one, by slug.
	Status map[string]*status.Record
}

// slugPattern is what a factsheet's slug must look like to become a folder name.
var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Site renders every page, data file and asset of the site.
func Site(docs []*factsheet.Document, opts Options) (output.Files, error) {
	r, err := New(opts)
	if err != nil {
		return nil, err
	}
	return r.site(docs)
}

// site renders every page, data file and asset of the site with r.
func (r *Renderer) site(docs []*factsheet.Document) (output.Files, error) {
	opts := r.opts
	files, err := r.Assets()
	if err != nil {
		return nil, err
	}
	sums := make([]series.Summary, len(docs))
	for i, doc := range docs {
		sums[i] = Summarize(doc)
	}
	r.Series(sums)
	r.Editions(docs)
	if err := renderDocs(files, docs, r); err != nil {
		return nil, err
	}
	shared, err := r.SummaryPages()
	if err != nil {
		return nil, err
	}
	files.Merge(shared)
	notFound, err := r.NotFound(files.Paths())
	if err != nil {
		return nil, err
	}
	files.Merge(notFound)
	if opts.BaseURL != "" {
		files.Merge(r.Sitemap(files.Paths()))
	}
	return files, nil
}

// Renderer renders the pages of a site with one set of templates per
// language: given the summaries of every factsheet (Series) and their
// editions (Editions), each factsheet's files (Factsheet), then the
// site-wide ones (SummaryPages, which needs none of those, then NotFound
// and Sitemap, which need the paths of every file), so that a build can write each
// factsheet as soon as it is done.
type Renderer struct {
	t    languages
	opts Options
	sums []series.Summary // every factsheet's summary (Summarize), in content order
	ser  *series.Site     // the reports grouping them
	// eds are the other editions of each factsheet, by slug (see editions);
	// selves each factsheet as its other editions see it
	eds    map[string][]edition
	selves map[string]edition
}

// Series gives the renderer the summaries of every factsheet of the site, in
// content order (see Summarize): a factsheet's pages link to its report and
// offer to search all factsheets, and the site-wide pages list them. Call it
// before Factsheet and SummaryPages.
func (r *Renderer) Series(sums []series.Summary) {
	r.sums, r.ser = sums, series.New(sums)
}

// Editions gives the renderer every factsheet of the site, to pair the
// editions of one factsheet in different languages (hreflang alternates,
// language switch, sitemap): each factsheet's pages link to the others'.
// Call it before Factsheet and Sitemap.
func (r *Renderer) Editions(docs []*factsheet.Document) {
	r.eds, r.selves = editions(docs), map[string]edition{}
	for _, doc := range docs {
		r.selves[doc.Meta.Slug] = newEdition(doc)
	}
}

// New checks the options and parses the templates.
func New(opts Options) (*Renderer, error) {
	if err := checkBaseURL(opts.BaseURL); err != nil {
		return nil, err
	}
	t, err := cachedTemplates(opts.Templates)
	if err != nil {
		return nil, err
	}
	return &Renderer{t: t, opts: opts}, nil
}

// Assets returns the files of the assets folder, under assets/, and the
// browser's messages of each language (assets/i18n/<lang>.js).
func (r *Renderer) Assets() (output.Files, error) {
	files := output.Files{}
	if err := copyAssets(files, r.opts.Assets); err != nil {
		return nil, err
	}
	for lang, tl := range r.t {
		files[i18n.ScriptFile(lang)] = tl.cat.Script()
	}
	return files, nil
}

// Factsheet renders the pages and data files of one factsheet, all under its
// folder but the single-file edition (downloads/<slug>.html). It is safe to
// call for several factsheets at once.
func (r *Renderer) Factsheet(doc *factsheet.Document) (output.Files, error) {
	if !slugPattern.MatchString(doc.Meta.Slug) {
		return nil, fmt.Errorf("%s:1: slug %q is not usable as a folder name; use lower-case letters, digits and hyphens", doc.File, doc.Meta.Slug)
	}
	files := output.Files{}
	d := newDocSite(doc, r.t, r.opts, newAbbrevs(doc))
	if r.ser != nil {
		d.report, d.multi = r.ser.ReportOf(doc.Meta.Slug), len(r.sums) > 1
	}
	d.others = r.eds[doc.Meta.Slug]
	if err := d.render(files); err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	return files, nil
}

// SummaryPages renders the site-wide files made from the summaries given to
// Series alone: the report pages and their data, the list of factsheets
// (index.html), the search page and .nojekyll. It needs no factsheet's
// files, so it can run beside them; NotFound comes after.
func (r *Renderer) SummaryPages() (output.Files, error) {
	files := output.Files{".nojekyll": []byte{}}
	ser := r.series()
	if err := renderReports(files, ser, r.t, r.opts); err != nil {
		return nil, err
	}
	if err := renderRoot(files, ser, r.sums, r.t, r.opts); err != nil {
		return nil, err
	}
	return files, nil
}

// NotFound renders 404.html for a site whose other files have the given
// paths: without a base URL, the page lists the site's top-level folders.
func (r *Renderer) NotFound(paths []string) (output.Files, error) {
	b, err := renderNotFound(paths, r.series(), r.sums, r.t, r.opts)
	if err != nil {
		return nil, err
	}
	return output.Files{"404.html": b}, nil
}

// series is the reports grouping the factsheets given to Series, or none.
func (r *Renderer) series() *series.Site {
	if r.ser == nil {
		return series.New(nil)
	}
	return r.ser
}

// Sitemap returns sitemap.xml and robots.txt for the site whose files have
// the given paths, or nothing when no base URL is set.
func (r *Renderer) Sitemap(paths []string) output.Files {
	base := r.opts.BaseURL
	if base == "" {
		return nil
	}
	return output.Files{
		"sitemap.xml": sitemap(paths, base, r.alternates),
		"robots.txt":  []byte("User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml\n"),
	}
}

// checkBaseURL accepts "" or an absolute http(s) address ending with "/".
func checkBaseURL(base string) error {
	if base == "" {
		return nil
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || !strings.HasSuffix(base, "/") {
		return fmt.Errorf("base URL %q: give an absolute http(s) address ending with /, e.g. https://example.github.io/repo/", base)
	}
	return nil
}

// rootOf is the relative path from a file to the root of the site: "" for
// index.html, "../../" for lithuania/chapters/ii.html.
func rootOf(rel string) string {
	return strings.Repeat("../", strings.Count(rel, "/"))
}

// renderDocs renders the sub-site of every document, several at a time: each
// has its own inliner and its own files, merged in document order at the end.
func renderDocs(files output.Files, docs []*factsheet.Document, r *Renderer) error {
	parts := make([]output.Files, len(docs))
	errs := make([]error, len(docs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, doc := range docs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			parts[i], errs[i] = r.Factsheet(doc)
		}()
	}
	wg.Wait()
	for i := range docs {
		if errs[i] != nil {
			return errs[i]
		}
		files.Merge(parts[i])
	}
	return nil
}

// pageURL is the absolute address of a page under base; an index.html page
// is addressed by its folder, as web servers serve it.
func pageURL(base, rel string) string {
	if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
		rel = strings.TrimSuffix(rel, "index.html")
	}
	return base + rel
}
