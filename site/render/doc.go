package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"factsheet/site/factsheet"
	"factsheet/site/i18n"
	"factsheet/site/output"
	"factsheet/site/series"
	"factsheet/site/status"
	"factsheet/site/urls"
)

// docSite renders the sub-site of one factsheet.
type docSite struct {
	doc *factsheet.Document
	t   *templates
	cat *i18n.Catalogue // the messages of the factsheet's language
	// langs are the templates of every language; others the editions of
	// the factsheet in other languages (see editions)
	langs  languages
	others []edition
	self   *edition // this factsheet as its other editions see it, made on first use
	// scripts are the language's own scripts under assets/ (see languageScripts)
	scripts []string
	opts    Options
	in      *inliner
	es      []entry        // every identifier, in navigation order
	byID    map[string]int // identifier → index in es
	slug    string
	nt      *notes                               // the footnotes, rendered once
	sums    map[string]string                    // identifier → first sentence, computed once
	plains  map[*factsheet.Recommendation]string // plain texts, made once (see recPlain)
	// badges holds the markup of each badge (urgency and legend address),
	// rendered once: a page may show a hundred of them.
	badges map[string]template.HTML
	shares map[share]template.HTML  // the markup of each share's buttons, rendered once
	lists  map[listKey]*chapterList // the chapters' lists of identifiers, rendered once
	frames *frames                  // the pages' headers and footers, rendered once
	// lastUpdate is the date of the last update, spelt out; citeHead the
	// start of every citation (see citation), made on first use
	lastUpdate, citeHead string
	printLine            template.HTML  // the facts printed at the top of every page (see factsLine)
	st                   *status.Record // the status file; nil when the factsheet has none
	err                  error          // the first error of a partial template
	ab                   *abbrevs       // the abbreviations the text defines; nil for none

	report *series.Report // the report the factsheet belongs to, or nil
	multi  bool           // the site has other factsheets: its pages offer to search them all
}

// newDocSite prepares the rendering of doc with the templates of its
// language among ls; ab are its abbreviations, made by newAbbrevs once and
// shared by the workers.
func newDocSite(doc *factsheet.Document, ls languages, opts Options, ab *abbrevs) *docSite {
	t := ls.of(lang(doc))
	d := &docSite{doc: doc, t: t, cat: t.cat, langs: ls, opts: opts, in: newInliner(t.cat), slug: doc.Meta.Slug, byID: map[string]int{}}
	d.nt = newNotes(doc, d.in)
	d.scripts = languageScripts(opts.Assets, t.cat.Lang)
	d.sums = map[string]string{}
	d.plains = map[*factsheet.Recommendation]string{}
	d.badges = map[string]template.HTML{}
	d.shares = map[share]template.HTML{}
	d.lists = map[listKey]*chapterList{}
	d.frames = &frames{}
	d.lastUpdate = t.cat.Date(doc.Meta.LastUpdate)
	d.es = entries(doc)
	d.st = opts.Status[doc.Meta.Slug]
	d.ab = ab
	for i, e := range d.es {
		d.byID[e.ID] = i
	}
	return d
}

// pageSteps are the steps that render a factsheet's pages and data files;
// each adds its files. A new page of a factsheet is one more step.
var pageSteps = []func(d *docSite, files output.Files) error{
	(*docSite).home, (*docSite).chapters, (*docSite).recommendations, (*docSite).list,
	(*docSite).plan, (*docSite).search, (*docSite).data, (*docSite).single, (*docSite).glossary,
	(*docSite).changes,
}

// render adds every file of the factsheet to files. The steps run side by
// side, each worker with a docSite of its own (its caches and inliner serve
// one goroutine), into files of their own merged in step order.
func (d *docSite) render(files output.Files) error {
	parts := make([]output.Files, len(pageSteps))
	errs := make([]error, len(pageSteps))
	sites := make(chan *docSite, runtime.GOMAXPROCS(0))
	sites <- d
	for range cap(sites) - 1 {
		sites <- nil // made on first use
	}
	var wg sync.WaitGroup
	for i, step := range pageSteps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := <-sites
			if w == nil {
				w = d.worker()
			}
			defer func() { sites <- w }()
			parts[i] = output.Files{}
			errs[i] = step(w, parts[i])
		}()
	}
	wg.Wait()
	for i := range parts {
		if errs[i] != nil {
			return errs[i]
		}
		files.Merge(parts[i])
	}
	for range cap(sites) { // the first error of a partial template, if any
		if w := <-sites; w != nil && w.err != nil {
			return w.err
		}
	}
	return nil
}

// worker is another docSite of the same factsheet for a render worker: its
// caches and inliner are its own; what is read only (abbreviations, report,
// series flag, other editions) is shared.
func (d *docSite) worker() *docSite {
	w := newDocSite(d.doc, d.langs, d.opts, d.ab)
	w.report, w.multi, w.others = d.report, d.multi, d.others
	return w
}

// page returns the common part of a factsheet page at rel (relative to the
// root of the site), with the factsheet's home as the first breadcrumb.
func (d *docSite) page(rel, title, description string) *page {
	root := rootOf(rel)
	p := &page{
		Lang:        lang(d.doc),
		Messages:    d.cat.Lang,
		LangScripts: d.scripts,
		Alternates:  d.alternates(rel),
		Title:       title,
		Description: description,
		Root:        root,
		Slug:        d.slug,
		SiteTitle:   d.siteTitle(),
		Home:        root + urls.Factsheet(d.slug).Home(),
		OGType:      "article",
		SiteName:    d.siteTitle(),
		CSP:         csp,
		Levels:      levels(d.doc),
		AllSearch:   d.multi,
	}
	if d.opts.BaseURL != "" {
		p.Canonical = pageURL(d.opts.BaseURL, rel)
	}
	p.Facts = d.facts(rel, p.Canonical)
	return p
}

func (d *docSite) siteTitle() string {
	if t := strings.TrimSpace(d.doc.Meta.Title); t != "" {
		return t
	}
	if d.doc.Meta.Party != "" {
		return d.cat.T("site.factsheet.party", d.doc.Meta.Party)
	}
	return d.cat.T("site.factsheet")
}

// titled joins the parts of a page title with " · ", the factsheet's party last.
func (d *docSite) titled(parts ...string) string {
	if d.doc.Meta.Party != "" {
		parts = append(parts, d.doc.Meta.Party)
	}
	return strings.Join(parts, " · ")
}

func lang(doc *factsheet.Document) string {
	if doc.Meta.Language != "" {
		return doc.Meta.Language
	}
	return "en"
}

// badge is the urgency badge of u, its legend reached from root.
func (d *docSite) badge(u factsheet.Urgency, legend string) badge {
	l := d.level(u)
	b := badge{Urgency: u, Word: l.Word, Meaning: l.Meaning, Href: legend}
	key := string(u) + "\x00" + legend
	if h, ok := d.badges[key]; ok {
		b.HTML = h
		return b
	}
	h, err := d.t.partial("badge-markup", b)
	if err != nil && d.err == nil {
		d.err = err
	}
	d.badges[key], b.HTML = h, h
	return b
}

// level is the document's definition of an urgency; for a recommendation
// whose urgency was not found (a build with -allow-no-urgency), the
// catalogue's words for that, never a blank.
func (d *docSite) level(u factsheet.Urgency) factsheet.Level {
	if u == "" {
		return factsheet.Level{Word: d.cat.T("urgency.none"), Meaning: d.cat.T("urgency.none.meaning")}
	}
	return levelOf(d.doc, u)
}

// legend is the address of the urgency legend from a page at root.
func (d *docSite) legend(root string) string { return d.dir(root) + "index.html#legend" }

// dir is the relative path to the factsheet's folder from a page at root:
// "../" from lithuania/chapters/ii.html, "" from lithuania/index.html,
// "lithuania/" from the root of the site. The single-file edition, outside
// the folder, links by #anchors only.
func (d *docSite) dir(root string) string {
	if root == "" {
		return d.slug + "/"
	}
	return strings.TrimPrefix(root, "../")
}

// recHref is the address of an identifier's page from a page at root.
func (d *docSite) recHref(root, id string) string {
	return d.fromRoot(root, urls.Factsheet(d.slug).Recommendation(id))
}

// chapterHref is the address of a chapter page from a page at root.
func (d *docSite) chapterHref(root string, c *factsheet.Chapter) string {
	return d.fromRoot(root, urls.Factsheet(d.slug).Chapter(c.Number))
}

// fromRoot is the address of the factsheet's file rel (relative to public/)
// from a page at root inside the factsheet's folder or at the root of the site.
func (d *docSite) fromRoot(root, rel string) string {
	return d.dir(root) + strings.TrimPrefix(rel, d.slug+"/")
}

// marker returns the recmark maker for chapter pages at root: identifiers
// link to their pages, or (single-file edition) to their entries.
func (d *docSite) marker(root string, links linkPolicy) func(*factsheet.Recommendation) (template.HTML, error) {
	return func(r *factsheet.Recommendation) (template.HTML, error) {
		m := recmark{Badge: d.badge(r.Urgency, links.legend(d, root)), Share: d.share(r.ID(), root, links)}
		for _, id := range r.IDs {
			m.IDs = append(m.IDs, markID{link{Label: id, Href: links.recommendation(d, root, id)}, d.stateMark(id)})
		}
		return d.t.partial("recmark", m)
	}
}

// names returns a function resolving an identifier to its link.
func (d *docSite) names(root string, links linkPolicy) func(string) (link, bool) {
	return func(id string) (link, bool) {
		if _, ok := d.byID[id]; !ok {
			return link{}, false
		}
		return link{Label: id, Href: links.recommendation(d, root, id)}, true
	}
}

// chapterCounts tallies the identifiers of one chapter by urgency.
func (d *docSite) chapterCounts(c *factsheet.Chapter) []count {
	var es []entry
	for _, e := range d.es {
		if e.Rec.Chapter == c {
			es = append(es, e)
		}
	}
	return counts(d.doc, es)
}

// chapterEntries lists the identifiers of one chapter.
func (d *docSite) chapterEntries(c *factsheet.Chapter) []entry {
	var es []entry
	for _, e := range d.es {
		if e.Rec.Chapter == c {
			es = append(es, e)
		}
	}
	return es
}

func (d *docSite) write(files output.Files, kind, rel string, p *page) error {
	if len(p.Crumbs) > 0 {
		// every breadcrumb starts at the list of all factsheets
		p.Crumbs = append([]link{{Label: d.cat.T("crumb.factsheets"), Href: p.Root + "index.html"}}, p.Crumbs...)
	}
	if d.st != nil {
		p.Styles = append(p.Styles, "status.css") // the status badges, chart and history
	}
	b, err := d.t.pageThen(kind, p, d.frames, d.ab.mark)
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	files[rel] = b
	return nil
}

// defs are the anchors of the blocks defining abbreviations, for the body of a chapter.
func (d *docSite) defs() map[*factsheet.Block][]string {
	if d.ab == nil {
		return nil
	}
	return d.ab.anchors
}

// seriesScripts lists the language scripts that the search across the
// series needs: those of every factsheet's language (see languageScripts),
// since the series index analyses each factsheet's texts in its language.
func seriesScripts(assets fs.FS, ser *series.Site) []string {
	var out []string
	add := func(m *series.Summary) {
		for _, s := range languageScripts(assets, m.Language) {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	for _, r := range ser.Reports {
		for _, m := range r.Members {
			add(m)
		}
	}
	for _, m := range ser.Loose {
		add(m)
	}
	sort.Strings(out)
	return out
}

// languageScripts lists the scripts of the assets folder that serve one
// language: stem-<lang>.js, the stemmer of the browser's search.
func languageScripts(assets fs.FS, lang string) []string {
	name := "stem-" + lang + ".js"
	if assets == nil {
		return nil
	}
	if _, err := fs.Stat(assets, name); err != nil {
		return nil
	}
	return []string{name}
}
