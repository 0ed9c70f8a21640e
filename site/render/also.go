package render

// alsoNames is how many other Parties a recommendation page names.
const alsoNames = 5

// alsoView says, on a recommendation page, which other Parties of the
// report received the identifier, and links to its page in the report.
type alsoView struct {
	ID    string
	Href  string   // the identifier's page in the report
	Names []string // the first alsoNames other Parties
	Rest  int      // the other Parties not named
	More  int      // all the other Parties
}

// also is the report link of identifier id for a page at root, or nil when
// the factsheet belongs to no report or is the only one of its report.
func (d *docSite) also(root, id string) *alsoView {
	if d.report == nil || len(d.report.Members) < 2 {
		// a report of this factsheet alone cannot say who else received it
		return nil
	}
	v := &alsoView{ID: id, Href: root + reportIDPage(d.report, id)}
	for _, m := range d.report.Others(d.slug, id) {
		if len(v.Names) < alsoNames {
			v.Names = append(v.Names, d.report.Label(m))
		}
		v.More++
	}
	v.Rest = v.More - len(v.Names)
	return v
}
