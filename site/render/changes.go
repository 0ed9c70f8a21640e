package render

import (
	"factsheet/site/output"
)

// changeDay is the status entries of one date.
type changeDay struct {
	ID      string // the day's anchor, "day-2024-03-01"
	ISO     string
	Date    string
	Entries []stateView
}

// changesView is the data of the "changes-list" partial and of changes.html.
type changesView struct {
	Days  []changeDay // newest first
	Level int         // the heading level of the dates
	Feed  string      // the Atom feed, on the changes page
	N     int         // entries in all
}

// changesView groups every status entry by date, newest first; href gives
// the address of an identifier's entry.
func (d *docSite) changesView(href func(id, anchor string) string, level int) *changesView {
	v := &changesView{Level: level}
	for _, e := range d.st.All(lessID) {
		s := d.entryView(e)
		s.Href = href(e.ID, s.Anchor)
		if n := len(v.Days); n == 0 || v.Days[n-1].ISO != e.Date {
			v.Days = append(v.Days, changeDay{ID: "day-" + e.Date, ISO: e.Date, Date: s.Date})
		}
		day := &v.Days[len(v.Days)-1]
		day.Entries = append(day.Entries, s)
		v.N++
	}
	return v
}

// changes writes changes.html and its Atom feed changes.xml, when the
// factsheet has a status file.
func (d *docSite) changes(files output.Files) error {
	if d.st == nil {
		return nil
	}
	rel := d.slug + "/changes.html"
	p := d.page(rel, d.titled(d.cat.T("status.changes")), d.cat.T("status.changes.description"))
	v := d.changesView(func(id, anchor string) string { return d.recHref(p.Root, id) + "#" + anchor }, 2)
	v.Feed = "changes.xml"
	p.Feed = v.Feed
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: d.cat.T("status.changes.crumb")}}
	p.Body = v
	if err := d.write(files, "changes", rel, p); err != nil {
		return err
	}
	feed, err := d.feed()
	if err != nil {
		return err
	}
	files[d.slug+"/changes.xml"] = feed
	return nil
}
