package render

import (
	"bytes"
	"encoding/xml"
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

// renderRoot writes public/index.html (every report and factsheet) and 404.html.
func renderRoot(files output.Files, ser *series.Site, sums []series.Summary, t *templates, opts Options) error {
	v := &rootView{}
	bg := newBadger(t)
	item := func(m *series.Summary) factsheetItem {
		return factsheetItem{
			Title: m.Title, Party: m.Party, Date: spelled(m.LastUpdate), ISO: m.LastUpdate,
			Href: m.Slug + "/index.html", Search: m.Slug + "/search.html",
			Counts: bg.counts(m, m.Counts(""), m.Slug+"/index.html#legend", ""), N: len(m.Recs),
		}
	}
	for i := range sums {
		v.Factsheets = append(v.Factsheets, item(&sums[i]))
	}
	for _, r := range ser.Reports {
		ri := reportItem{Round: r.Round, Title: r.Title, Href: reportDir(r) + "index.html", Date: spelled(r.LastUpdate()), ISO: r.LastUpdate()}
		for _, m := range r.Members {
			ri.Members = append(ri.Members, item(m))
		}
		v.Reports = append(v.Reports, ri)
	}
	for _, m := range ser.Loose {
		v.Loose = append(v.Loose, item(m))
	}
	if bg.err != nil {
		return bg.err
	}
	language := "en"
	if len(sums) > 0 {
		language = sums[0].Language
	}
	p := &page{Lang: language, Title: "Lanzarote Committee factsheets", Root: "", SiteTitle: "Lanzarote Committee factsheets",
		Home: "index.html", OGType: "website", SiteName: "Lanzarote Committee factsheets", CSP: csp,
		Description: "Factsheets of the Lanzarote Committee's recommendations, one per Party.", Body: v}
	if len(sums) > 0 {
		p.Levels = sums[0].Levels // what the badges' aria-describedby point at
	}
	p.SeriesSearch, p.Styles = true, []string{"series.css"}
	if opts.BaseURL != "" {
		p.Canonical = pageURL(opts.BaseURL, "index.html")
	}
	b, err := t.page("root", p)
	if err != nil {
		return err
	}
	files["index.html"] = b
	sp := *p
	sp.Title, sp.Description, sp.Body = "Search · Lanzarote Committee factsheets", "Search every factsheet of the site.", nil
	sp.Crumbs = []link{{Label: "Factsheets", Href: "index.html"}, {Label: "Search"}}
	if opts.BaseURL != "" {
		sp.Canonical = pageURL(opts.BaseURL, "search.html")
	}
	if files["search.html"], err = t.page("search", &sp); err != nil {
		return err
	}
	nf := *p
	nf.Title, nf.Description, nf.Canonical = "Page not found", "", ""
	// GitHub Pages serves 404.html at any missing address: anchor its links to the site's root
	notFoundPage(&nf, files, opts.BaseURL)
	if len(sums) == 1 {
		nf.Slug = sums[0].Slug
	}
	if b, err = t.page("notfound", &nf); err != nil {
		return err
	}
	files["404.html"] = b
	return nil
}

// sitemap lists every HTML page of the site but 404.html, sorted, as
// absolute addresses under base.
func sitemap(files output.Files, base string) []byte {
	type loc struct {
		Loc string `xml:"loc"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []loc    `xml:"url"`
	}
	s := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") || p == "404.html" || strings.HasPrefix(p, "assets/") {
			continue
		}
		s.URLs = append(s.URLs, loc{Loc: pageURL(base, p)})
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
