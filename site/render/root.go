package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"sort"
	"strings"

	"factsheet/site/output"
	"factsheet/site/series"
)

// factsheetItem is a factsheet on the root page.
type factsheetItem struct {
	Title  string
	Party  string
	Date   string
	ISO    string // the last update as YYYY-MM-DD, for <time datetime>
	Href   string
	Counts []countView
	N      int
	Search string // its search page
	// Lang is the factsheet's language when it is not the page's: its
	// entry is in its own language (Updated, Date, Count, badges)
	Lang    string
	Updated string // "last update", in the factsheet's language
	Count   string // "8 recommendations", in the factsheet's language
	// CountsHTML are the Counts rendered in the factsheet's language when
	// it is not the page's ("Require: list them"); empty otherwise
	CountsHTML template.HTML
}

// reportItem is a report on the root page, with its factsheets.
type reportItem struct {
	Round   string // its slug
	Title   string
	Href    string // its report page
	Date    string // the latest last update of its factsheets
	ISO     string
	Members []factsheetItem
}

// rootView is the data of public/index.html and of 404.html.
type rootView struct {
	Factsheets []factsheetItem // every factsheet, in content order
	Reports    []reportItem    // the reports, each with its factsheets
	Loose      []factsheetItem // the factsheets naming no report
}

// renderRoot writes public/index.html (every report and factsheet) and the
// site's search page (see rootPage).
func renderRoot(files output.Files, ser *series.Site, sums []series.Summary, ls languages, opts Options) error {
	p, t, err := rootPage(ser, sums, ls, opts)
	if err != nil {
		return err
	}
	if files["index.html"], err = t.page("root", p); err != nil {
		return err
	}
	sp := *p
	sp.Title, sp.Description, sp.Body = t.cat.T("search.title")+" · "+p.SiteTitle, t.cat.T("search.site.description"), nil
	sp.Crumbs = []link{{Label: t.cat.T("crumb.factsheets"), Href: "index.html"}, {Label: t.cat.T("crumb.search")}}
	if opts.BaseURL != "" {
		sp.Canonical = pageURL(opts.BaseURL, "search.html")
	}
	files["search.html"], err = t.page("search", &sp)
	return err
}

// renderNotFound renders 404.html, the root page's list of factsheets, for
// a site whose files have the given paths (see notFoundPage).
func renderNotFound(paths []string, ser *series.Site, sums []series.Summary, ls languages, opts Options) ([]byte, error) {
	p, t, err := rootPage(ser, sums, ls, opts)
	if err != nil {
		return nil, err
	}
	nf := *p
	nf.Title, nf.Description, nf.Canonical = t.cat.T("notfound.title"), "", ""
	// GitHub Pages serves 404.html at any missing address: anchor its links to the site's root
	notFoundPage(&nf, paths, opts.BaseURL)
	if len(sums) == 1 {
		nf.Slug = sums[0].Slug
	}
	return t.page("notfound", &nf)
}

// rootPage is the page of public/index.html (every report and factsheet),
// in the language of the first factsheet, and that language's templates;
// each factsheet's entry is in its own language.
func rootPage(ser *series.Site, sums []series.Summary, ls languages, opts Options) (*page, *templates, error) {
	language := "en"
	if len(sums) > 0 && sums[0].Language != "" {
		language = sums[0].Language
	}
	t := ls.of(language)
	v, err := newRootView(ser, sums, ls, t, language)
	if err != nil {
		return nil, nil, err
	}
	title := t.cat.T("site.title")
	p := &page{Lang: language, Messages: t.cat.Lang, Title: title, Root: "", SiteTitle: title,
		Home: "index.html", OGType: "website", SiteName: title, CSP: csp,
		Description: t.cat.T("site.description"), Body: v}
	if len(sums) > 0 {
		p.Levels = sums[0].Levels // what the badges' aria-describedby point at
	}
	p.SeriesSearch, p.Styles, p.LangScripts = true, []string{"series.css"}, seriesScripts(opts.Assets, ser)
	if opts.BaseURL != "" {
		p.Canonical = pageURL(opts.BaseURL, "index.html")
	}
	return p, t, nil
}

// newRootView lists every factsheet and report for a root page in
// language, rendered with t.
func newRootView(ser *series.Site, sums []series.Summary, ls languages, t *templates, language string) (*rootView, error) {
	v := &rootView{}
	bg := newBadger(t)
	item := func(m *series.Summary) factsheetItem {
		cat := ls.of(m.Language).cat
		count, _ := cat.Plural(len(m.Recs), "recommendations") // the key is in every catalogue (TestMessageKeysExist)
		it := factsheetItem{
			Title: m.Title, Party: m.Party, Date: cat.Date(m.LastUpdate), ISO: m.LastUpdate,
			Href: m.Slug + "/index.html", Search: m.Slug + "/search.html",
			Counts: bg.counts(m, m.Counts(""), m.Slug+"/index.html#legend", ""), N: len(m.Recs),
			Updated: cat.T("root.last-update"), Count: count,
		}
		if m.Language != "" && m.Language != language {
			it.Lang = m.Language
			other := ls.of(m.Language)
			fb := newBadger(other)
			fb.foreign = true
			it.Counts = fb.counts(m, m.Counts(""), m.Slug+"/index.html#legend", "")
			var err error
			if it.CountsHTML, err = other.partial("counts", it.Counts); err != nil && bg.err == nil {
				bg.err = err
			}
			if fb.err != nil && bg.err == nil {
				bg.err = fb.err
			}
		}
		return it
	}
	for i := range sums {
		v.Factsheets = append(v.Factsheets, item(&sums[i]))
	}
	for _, r := range ser.Reports {
		ri := reportItem{Round: r.Round, Title: r.Title, Href: reportDir(r) + "index.html", Date: t.cat.Date(r.LastUpdate()), ISO: r.LastUpdate()}
		for _, m := range r.Members {
			ri.Members = append(ri.Members, item(m))
		}
		v.Reports = append(v.Reports, ri)
	}
	for _, m := range ser.Loose {
		v.Loose = append(v.Loose, item(m))
	}
	if bg.err != nil {
		return nil, bg.err
	}
	return v, nil
}

// sitemap lists every HTML page of the site but 404.html, sorted, as
// absolute addresses under base, each with its editions in other languages
// (alternates gives them, absolute) as xhtml:link hreflang alternates.
func sitemap(paths []string, base string, alternates func(rel string) []alternate) []byte {
	type xlink struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type loc struct {
		Loc   string  `xml:"loc"`
		Links []xlink `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr,omitempty"`
		URLs    []loc    `xml:"url"`
	}
	s := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range paths {
		if !strings.HasSuffix(p, ".html") || p == "404.html" || strings.HasPrefix(p, "assets/") {
			continue
		}
		l := loc{Loc: pageURL(base, p)}
		for _, a := range alternates(p) {
			l.Links = append(l.Links, xlink{Rel: "alternate", Hreflang: a.Lang, Href: a.Href})
			s.XHTML = "http://www.w3.org/1999/xhtml"
		}
		s.URLs = append(s.URLs, l)
	}
	sort.Slice(s.URLs, func(i, j int) bool { return s.URLs[i].Loc < s.URLs[j].Loc })
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(s) // encoding strings into memory cannot fail
	b.WriteString("\n")
	return b.Bytes()
}
