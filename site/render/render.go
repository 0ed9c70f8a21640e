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
	"path"
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
	if err := checkBaseURL(opts.BaseURL); err != nil {
		return nil, err
	}
	t, err := loadTemplates(opts.Templates)
	if err != nil {
		return nil, err
	}
	files := output.Files{}
	if err := copyAssets(files, opts.Assets); err != nil {
		return nil, err
	}
	for lang, tl := range t {
		files[i18n.ScriptFile(lang)] = tl.cat.Script()
	}
	for _, doc := range docs {
		if !slugPattern.MatchString(doc.Meta.Slug) {
			return nil, fmt.Errorf("%s:1: slug %q is not usable as a folder name; use lower-case letters, digits and hyphens", doc.File, doc.Meta.Slug)
		}
	}
	sums := make([]series.Summary, len(docs))
	for i, doc := range docs {
		sums[i] = Summarize(doc)
	}
	ser := series.New(sums)
	if err := renderDocs(files, docs, ser, t, opts); err != nil {
		return nil, err
	}
	if err := renderReports(files, ser, t, opts); err != nil {
		return nil, err
	}
	// the root last: its 404 page lists the site's top folders
	if err := renderRoot(files, ser, sums, t, opts); err != nil {
		return nil, err
	}
	files[".nojekyll"] = []byte{}
	if opts.BaseURL != "" {
		files["sitemap.xml"] = sitemap(files, opts.BaseURL, siteAlternates(docs, t, opts))
		files["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + opts.BaseURL + "sitemap.xml\n")
	}
	return files, nil
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

// copyAssets copies every file of the assets folder to assets/.
func copyAssets(files output.Files, assets fs.FS) error {
	if assets == nil {
		return fmt.Errorf("no assets folder given; pass the embedded assets or -assets DIR")
	}
	return fs.WalkDir(assets, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets, p)
		if err != nil {
			return err
		}
		files[path.Join("assets", p)] = b
		return nil
	})
}

// rootOf is the relative path from a file to the root of the site: "" for
// index.html, "../../" for lithuania/chapters/ii.html.
func rootOf(rel string) string {
	return strings.Repeat("../", strings.Count(rel, "/"))
}

// renderDocs renders the sub-site of every document, several at a time: each
// has its own inliner and its own files, merged in document order at the end.
func renderDocs(files output.Files, docs []*factsheet.Document, ser *series.Site, t languages, opts Options) error {
	eds := editions(docs)
	parts := make([]output.Files, len(docs))
	errs := make([]error, len(docs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, doc := range docs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			parts[i] = output.Files{}
			d := newDocSite(doc, t, opts)
			d.report, d.multi = ser.ReportOf(doc.Meta.Slug), len(docs) > 1
			d.others = eds[doc.Meta.Slug]
			if err := d.render(parts[i]); err != nil {
				errs[i] = fmt.Errorf("%s: %w", doc.File, err)
			}
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
