package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"factsheet/site/factsheet"
	"factsheet/site/i18n"
	"factsheet/site/internal/tmplexec"
)

// pageKinds are the page templates; each defines "main" for the layout.
var pageKinds = []string{"home", "chapter", "recommendation", "recommendations", "search", "root", "notfound", "single", "plan", "glossary", "report", "report-id", "changes"}

// templates holds one template set per page kind, each a clone of the layout
// and the partials with the page's own "main", speaking one language.
type templates struct {
	base  *template.Template
	pages map[string]*template.Template
	cat   *i18n.Catalogue // the messages of the pages
	// fast puts fastEscapers in place of html/template's own
	fast bool
	// compiled executes each entry, once html/template has escaped it at its
	// first execution, with a tmplexec program (see execute)
	compiled bool
	funcs    map[string]any // those of the templates, for tmplexec
	// mu guards executed, the entries executed once, with their programs
	// (nil when tmplexec does not execute the entry), and the first
	// executions themselves: html/template escapes the trees then, while
	// tmplexec reads them
	mu       sync.RWMutex
	executed map[setEntry]*tmplexec.Program
	// fallbacks counts the executions that a program left to html/template
	fallbacks atomic.Int64
}

// languages holds the templates in every language that has a catalogue.
type languages map[string]*templates

// loadTemplates parses the templates once per message catalogue.
func loadTemplates(fsys fs.FS) (languages, error) {
	if fsys == nil {
		return nil, fmt.Errorf("no templates folder given; pass the embedded templates or -templates DIR")
	}
	for _, name := range append([]string{"layout", "partials"}, pageKinds...) {
		if _, err := fs.Stat(fsys, name+".html"); err != nil {
			return nil, fmt.Errorf("templates: %s.html is missing; every template of the project's templates/ folder is needed", name)
		}
	}
	cats, err := i18n.Load(fsys)
	if err != nil {
		return nil, err
	}
	ls := languages{}
	for lang, cat := range cats {
		if ls[lang], err = loadLanguage(fsys, cat); err != nil {
			return nil, err
		}
	}
	return ls, nil
}

// loadLanguage parses the templates with the messages of one catalogue.
func loadLanguage(fsys fs.FS, cat *i18n.Catalogue) (*templates, error) {
	// partials-*.html are further partials, one file per feature
	more, err := fs.Glob(fsys, "partials-*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	fm := funcs(cat)
	base, err := template.New("layout.html").Funcs(fm).ParseFS(fsys, append([]string{"layout.html", "partials.html"}, more...)...)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	foldMessages(base, cat)
	all := map[string]any{}
	for _, m := range []template.FuncMap{fm, fastEscapers} {
		for n, f := range m {
			all[n] = f
		}
	}
	t := &templates{base: base, pages: map[string]*template.Template{}, cat: cat, fast: true, compiled: true, funcs: all, executed: map[setEntry]*tmplexec.Program{}}
	for _, kind := range pageKinds {
		c, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t.pages[kind], err = c.ParseFS(fsys, kind+".html"); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		foldMessages(t.pages[kind], cat)
	}
	return t, nil
}

// of returns the templates of a language tag ("fr", "fr-BE" → "fr"); a
// language without a catalogue gets the reference one.
func (ls languages) of(lang string) *templates {
	if t, ok := ls[lang]; ok {
		return t
	}
	if base, _, ok := strings.Cut(lang, "-"); ok && ls[base] != nil {
		return ls[base]
	}
	return ls[i18n.Reference]
}

// page renders a whole page of the given kind.
func (t *templates) page(kind string, p *page) ([]byte, error) {
	return t.pageThen(kind, p, nil, nil)
}

// pageThen renders a whole page of the given kind, its header and footer
// taken from fs when they are there (see frame), and returns then(page), or
// the page when then is nil. The page is rendered into a buffer that is
// used again afterwards: then may return it, which is then copied, or
// bytes of its own.
func (t *templates) pageThen(kind string, p *page, fs *frames, then func([]byte) []byte) ([]byte, error) {
	if err := t.frame(p, fs); err != nil {
		return nil, fmt.Errorf("template %s.html: %w", kind, err)
	}
	if err := t.trail(p, fs); err != nil {
		return nil, fmt.Errorf("template %s.html: %w", kind, err)
	}
	b := buffers.Get().(*bytes.Buffer)
	defer putBuffer(b)
	if err := t.execute(t.pages[kind], "layout", b, p); err != nil {
		return nil, fmt.Errorf("template %s.html: %w", kind, err)
	}
	out := b.Bytes()
	if then != nil {
		out = then(out)
	}
	if len(out) > 0 && b.Len() > 0 && &out[0] == &b.Bytes()[0] {
		out = bytes.Clone(out)
	}
	return out, nil
}

// partial renders one of the partials (e.g. "recmark") into HTML.
func (t *templates) partial(name string, data any) (template.HTML, error) {
	b := buffers.Get().(*bytes.Buffer)
	defer putBuffer(b)
	if err := t.execute(t.base, name, b, data); err != nil {
		return "", fmt.Errorf("template partials.html %s: %w", name, err)
	}
	return template.HTML(b.String()), nil
}

// execute writes the template name of set for data into b. The first
// execution of each entry is html/template's, which escapes the templates;
// the entry is then compiled with tmplexec, which executes the escaped trees
// two to three times as fast, and gives back to html/template any execution it
// cannot finish (an error, a form it does not execute) for the exact output
// or error.
func (t *templates) execute(set *template.Template, name string, b *bytes.Buffer, data any) error {
	e := setEntry{set, name}
	t.mu.RLock()
	p, done := t.executed[e]
	t.mu.RUnlock()
	if !done {
		return t.executeFirst(e, b, data)
	}
	if p != nil {
		n := b.Len()
		if p.Execute(b, data) == nil {
			return nil
		}
		b.Truncate(n)
		t.fallbacks.Add(1)
	}
	return set.ExecuteTemplate(b, name, data)
}

// executeFirst is the first execution of an entry, by html/template, and
// its compilation.
func (t *templates) executeFirst(e setEntry, b *bytes.Buffer, data any) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := e.set.ExecuteTemplate(b, e.name, data); err != nil {
		return err
	}
	if _, done := t.executed[e]; done {
		return nil
	}
	if t.fast {
		e.set.Funcs(fastEscapers)
	}
	var p *tmplexec.Program
	if t.compiled {
		lookup := func(name string) *parse.Tree {
			if tm := e.set.Lookup(name); tm != nil {
				return tm.Tree
			}
			return nil
		}
		funcs, runs := t.funcs, escaperRuns()
		if t.fast {
			runs = append(slices.Clip(runs), fastRuns...)
		} else {
			funcs = withoutEscapers(funcs)
		}
		p, _ = tmplexec.Compile(lookup, e.name, funcs, runs)
	}
	t.executed[e] = p
	return nil
}

// withoutEscapers is funcs less fastEscapers.
func withoutEscapers(funcs map[string]any) map[string]any {
	out := map[string]any{}
	for n, f := range funcs {
		if _, ok := fastEscapers[n]; !ok {
			out[n] = f
		}
	}
	return out
}

// buffers are the buffers pages and partials are rendered into, used
// again: growing a new one to the size of each page cost more than
// rendering some pages.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putBuffer empties b and gives it back to buffers.
func putBuffer(b *bytes.Buffer) {
	b.Reset()
	buffers.Put(b)
}

// csp is the Content-Security-Policy of every page: scripts, styles and
// images only from the site itself, nothing inline.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'"

// link is a labelled address.
type link struct {
	Label string
	Href  string
}

// page is what the layout needs to know about any page.
type page struct {
	Lang        string // <html lang>
	Title       string // <title>, og:title
	Description string // <meta name="description">, og:description
	Root        string // relative path to the root of the site ("../../")
	Slug        string // the factsheet's slug; "" on pages outside a factsheet
	SiteTitle   string // the header's title
	Home        string // the header title's link
	Canonical   string // absolute address of the page, when a base URL is set
	OGType      string // "website" or "article"
	SiteName    string // og:site_name
	Base        string // <base href> (the 404 page, when a base URL is set)
	CSP         string
	Crumbs      []link // breadcrumb; the last one is the page itself
	// Trail is the breadcrumb's items, rendered from Crumbs (see trail)
	Trail       template.HTML
	Levels      []factsheet.Level
	Single      bool        // the single-file edition
	Messages    string      // the language of the browser's messages, assets/i18n/<Messages>.js
	LangScripts []string    // the language's own scripts under assets/, e.g. the stemmer of its search
	Alternates  []alternate // the page in every edition of the factsheet, when it has several
	Feed        string      // the page's Atom feed, for <link rel="alternate">
	Body        any         // the page kind's own data

	// HeadScript is an inline script run before the stylesheets (the 404
	// page without a base URL), nil on other pages.
	HeadScript *headScript

	// Scripts and Styles are the page's own scripts and stylesheets besides
	// the shared ones, in assets/ ("explorer.js", "views.css").
	Scripts []string
	Styles  []string
	Facts   *pageFacts // the factsheet's title, Party, date and source, and the page's address; nil outside a factsheet
	JSONLD  any        // schema.org description of the page, written as JSON-LD when not nil
	// SeriesSearch makes the search box search every factsheet of the site
	// (root and report pages); otherwise it searches the factsheet Slug.
	SeriesSearch bool
	// AllSearch offers, on a factsheet's pages, to search every factsheet.
	AllSearch bool

	// Top and Bottom are the header and the footer, rendered from the
	// fields above (see chrome) before the page.
	Top, Bottom template.HTML
}

// badge is an urgency badge: the word, with its meaning on hover and focus.
type badge struct {
	Urgency factsheet.Urgency
	Word    string
	Meaning string
	Href    string        // the urgency legend
	HTML    template.HTML // the badge's markup, from the "badge-markup" template
	// Undescribed leaves out aria-describedby: the page describes the
	// levels of another language's factsheet
	Undescribed bool
}

// recmark is the marker of a recommendation in the chapter text.
type recmark struct {
	IDs   []markID // each identifier of the text, linked to its page
	Badge badge
	Share share // copy link and cite, for the first identifier
}

// markID is an identifier in a recmark, with its state's badge when the
// factsheet has a status file.
type markID struct {
	link
	State template.HTML
}
