package render

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"

	"factsheet/site/status"
)

// atomNS is the namespace of Atom 1.0 (RFC 4287).
const atomNS = "http://www.w3.org/2005/Atom"

// atomFeed is an Atom 1.0 feed document.
type atomFeed struct {
	XMLName  xml.Name    `xml:"feed"`
	NS       string      `xml:"xmlns,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// feed is the Atom feed of the status entries, newest first. Links are
// absolute under the base URL when there is one, and relative to the feed
// otherwise; ids are name-based URNs that do not change when the site moves.
func (d *docSite) feed() ([]byte, error) {
	base := ""
	if d.opts.BaseURL != "" {
		base = d.opts.BaseURL + d.slug + "/"
	}
	all := d.st.All(lessID)
	f := atomFeed{
		NS:       atomNS,
		Title:    d.titled(d.cat.T("status.title")),
		Subtitle: d.cat.T("status.feed.subtitle"),
		ID:       urn("feed", d.slug),
		Updated:  atomTime(d.doc.Meta.LastUpdate),
		Links:    []atomLink{{Rel: "alternate", Type: "text/html", Href: base + "changes.html"}},
		Author:   atomPerson{Name: d.siteTitle()},
	}
	if base != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: base + "changes.xml"})
	}
	if len(all) > 0 {
		f.Updated = atomTime(all[0].Date)
	}
	for _, e := range all {
		f.Entries = append(f.Entries, atomEntry{
			Title:   e.ID + ": " + d.stateLabel(e.State),
			ID:      urn("entry", d.slug, e.ID, e.Date),
			Updated: atomTime(e.Date),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: base + "recommendations/" + e.Stem() + ".html#status-" + e.Date},
			Summary: d.entrySummary(e),
		})
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("changes.xml: %w", err)
	}
	return append(append([]byte(xml.Header), b...), '\n'), nil
}

// entrySummary is the text of an entry in the feed: state, source and note
// ("Recommendation IV-5: In progress (source: Reply of the Party). A draft ...").
func (d *docSite) entrySummary(e status.Entry) string {
	s := d.cat.T("status.feed.entry", e.ID, d.stateLabel(e.State), e.Source)
	if note := e.Text.Plain(); note != "" {
		s += " " + note
	}
	return s
}

// atomTime turns a YYYY-MM-DD date into an RFC 3339 time at midnight UTC;
// an empty date gives the earliest time a zip holds, so the feed stays valid.
func atomTime(date string) string {
	if date == "" {
		date = "1980-01-01"
	}
	return date + "T00:00:00Z"
}

// urn is a name-based UUID URN (version 5 layout, SHA-1 of the parts).
func urn(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
