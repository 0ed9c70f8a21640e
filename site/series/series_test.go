package series

import (
	"reflect"
	"testing"

	"factsheet/site/factsheet"
)

func member(party, slug, date, round string, recs ...Rec) Summary {
	return Summary{Slug: slug, Party: party, LastUpdate: date, Round: round,
		Chapters: []Chapter{{"I", "Introduction"}, {"II", "Law"}, {"III", "Victims"}}, Recs: recs}
}

func TestNewGroupsByRound(t *testing.T) {
	sums := []Summary{
		member("Utopia", "utopia", "2023-06-30", "r1", Rec{ID: "III-2", Chapter: "III", Urgency: factsheet.Invite}, Rec{ID: "II-10", Chapter: "II", Urgency: factsheet.Require}),
		member("Lone", "lone", "2020-01-01", ""),
		member("Ruritania", "ruritania", "2023-05-25", "r1", Rec{ID: "II-2", Chapter: "II", Urgency: factsheet.Request}, Rec{ID: "II-10", Chapter: "II", Urgency: factsheet.Invite}),
	}
	s := New(sums)
	if len(s.Reports) != 1 || len(s.Loose) != 1 || s.Loose[0].Slug != "lone" {
		t.Fatalf("reports %d, loose %v", len(s.Reports), s.Loose)
	}
	r := s.Reports[0]
	var parties []string
	for _, m := range r.Members {
		parties = append(parties, m.Party)
	}
	if !reflect.DeepEqual(parties, []string{"Ruritania", "Utopia"}) {
		t.Errorf("members %v, want by Party", parties)
	}
	if !reflect.DeepEqual(r.IDs, []string{"II-2", "II-10", "III-2"}) {
		t.Errorf("identifiers %v, want by chapter then number", r.IDs)
	}
	if len(r.Chapters) != 2 || r.Chapters[0].Number != "II" {
		t.Errorf("chapters %v, want II and III (I states no recommendation)", r.Chapters)
	}
	if r.LastUpdate() != "2023-06-30" || s.ReportOf("utopia") != r || s.ReportOf("lone") != nil {
		t.Errorf("last update %s, report of utopia %p, of lone %p", r.LastUpdate(), s.ReportOf("utopia"), s.ReportOf("lone"))
	}
	others := r.Others("utopia", "II-10")
	if len(others) != 1 || others[0].Party != "Ruritania" || len(r.Others("utopia", "III-2")) != 0 {
		t.Errorf("others of II-10 from utopia: %v", others)
	}
	want := []Count{{factsheet.Require, 1}, {factsheet.Request, 0}, {factsheet.Invite, 0}}
	if got := r.Members[1].Counts("II"); !reflect.DeepEqual(got, want) {
		t.Errorf("Utopia's counts in II: %v, want %v", got, want)
	}
}

func receipts(texts ...string) []Receipt {
	parties := []string{"Ruritania", "Utopia", "Freedonia"}
	var out []Receipt
	for i, tx := range texts {
		out = append(out, Receipt{Member: &Summary{Party: parties[i]}, Rec: Rec{Text: tx}})
	}
	return out
}

func TestCompare(t *testing.T) {
	c := Compare(receipts("The Committee invites all Parties to act.", "The Committee invites all Parties to act."))
	if c.Kind != Identical || len(c.Variants) != 1 || len(c.Variants[0].Members) != 2 {
		t.Errorf("same texts: %+v", c)
	}
	c = Compare(receipts("It requests Ruritania's government to act.", "It requests Utopia's government to act."))
	if c.Kind != PartyNamed || len(c.Variants) != 1 {
		t.Fatalf("texts differing by the name: %+v", c)
	}
	want := []Seg{{Text: "It requests"}, {Space: true, Party: true}, {Text: "'s government to act."}}
	if !reflect.DeepEqual(c.Variants[0].Segs, want) {
		t.Errorf("segments %+v, want %+v", c.Variants[0].Segs, want)
	}
	c = Compare(receipts("It requires Ruritania to act now.", "It requests Utopia to act now.", "It requires Freedonia to act now."))
	if c.Kind != Different || len(c.Variants) != 2 {
		t.Fatalf("texts differing otherwise: %+v", c)
	}
	if m := c.Variants[0].Members; len(m) != 2 || m[0].Party != "Ruritania" || m[1].Party != "Freedonia" {
		t.Errorf("first wording should be the most common one: %v", m)
	}
	want = []Seg{{Text: "It"}, {Space: true, Text: "requires", Op: "del"}, {Space: true, Text: "requests", Op: "ins"},
		{Space: true, Party: true}, {Space: true, Text: "to act now."}}
	if got := c.Variants[1].Segs; !reflect.DeepEqual(got, want) {
		t.Errorf("Utopia's wording marked %+v, want %+v", got, want)
	}
}

// TestLanguages: a Party's factsheets in two languages are told apart by
// their language, and the texts of each language are compared apart.
func TestLanguages(t *testing.T) {
	en := func(party, slug, text string) Summary {
		m := member(party, slug, "2023-01-01", "r", Rec{ID: "II-1", Chapter: "II", Urgency: factsheet.Invite, Text: text})
		m.Language = "en"
		return m
	}
	fr := en("Utopia", "utopia-fr", "Le Comité invite Utopia à agir.")
	fr.Language = "fr"
	s := New([]Summary{en("Utopia", "utopia", "The Committee invites Utopia to act."), fr, en("Ruritania", "ruritania", "The Committee invites Ruritania to act.")})
	r := s.Reports[0]
	var labels []string
	for _, m := range r.Members {
		labels = append(labels, r.Label(m))
	}
	if !reflect.DeepEqual(labels, []string{"Ruritania", "Utopia (en)", "Utopia (fr)"}) {
		t.Errorf("labels %v", labels)
	}
	cs := CompareByLanguage(r.Receipts("II-1"))
	if len(cs) != 2 || cs[0].Language != "en" || cs[0].Kind != PartyNamed || cs[1].Language != "fr" || cs[1].Kind != PartyNamed {
		t.Errorf("comparisons %+v, want English texts differing by the name, and the French one apart", cs)
	}
}
