package render

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
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
}

// rootView is the data of public/index.html and of 404.html.
type rootView struct {
	Factsheets []factsheetItem
}

// renderRoot writes public/index.html (every factsheet) and 404.html.
func renderRoot(files output.Files, docs []*factsheet.Document, ls languages, opts Options) error {
	v := &rootView{}
	language := "en"
	if len(docs) > 0 {
		language = lang(docs[0])
	}
	for _, doc := range docs {
		d := newDocSite(doc, ls, opts)
		count, _ := d.cat.Plural(len(d.es), "recommendations") // the key is in every catalogue (TestMessageKeysExist)
		item := factsheetItem{
			Title: d.siteTitle(), Party: doc.Meta.Party, Date: d.cat.Date(doc.Meta.LastUpdate), ISO: doc.Meta.LastUpdate,
			Href: d.slug + "/index.html", Search: d.slug + "/search.html",
			Counts: d.linkCounts(d.countViews(counts(doc, d.es), d.slug+"/index.html#legend"), "", false, ""), N: len(d.es),
			Updated: d.cat.T("root.last-update"), Count: count,
		}
		if lang(doc) != language {
			item.Lang = lang(doc)
		}
		v.Factsheets = append(v.Factsheets, item)
	}
	t := ls.of(language)
	title := t.cat.T("site.title")
	p := &page{Lang: language, Messages: t.cat.Lang, Title: title, Root: "", SiteTitle: title,
		Home: "index.html", OGType: "website", SiteName: title, CSP: csp,
		Description: t.cat.T("site.description"), Body: v}
	if len(docs) > 0 {
		p.Levels = levels(docs[0]) // what the badges' aria-describedby point at
	}
	if opts.BaseURL != "" {
		p.Canonical = pageURL(opts.BaseURL, "index.html")
	}
	b, err := t.page("root", p)
	if err != nil {
		return err
	}
	files["index.html"] = b
	nf := *p
	nf.Title, nf.Description, nf.Canonical = t.cat.T("notfound.title"), "", ""
	// GitHub Pages serves 404.html at any missing address: anchor its links to the site's root
	notFoundPage(&nf, files, opts.BaseURL)
	if len(docs) == 1 {
		nf.Slug = docs[0].Meta.Slug
	}
	if b, err = t.page("notfound", &nf); err != nil {
		return err
	}
	files["404.html"] = b
	return nil
}

// sitemap lists every HTML page of the site but 404.html, sorted, as
// absolute addresses under base, each with its editions in other languages
// (alternates gives them, absolute) as xhtml:link hreflang alternates.
func sitemap(files output.Files, base string, alternates func(rel string) []alternate) []byte {
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
	for _, p := range files.Paths() {
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
