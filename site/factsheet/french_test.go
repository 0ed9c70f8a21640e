package factsheet

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// parseFixture parses a fixture of testdata and fails on any problem.
func parseFixture(t *testing.T, name string) *Document {
	t.Helper()
	src, err := os.ReadFile("testdata/i18n/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := Parse(name, src)
	for _, p := range problems {
		if p.Severity != Note { // notes need no fix
			t.Errorf("%s", p)
		}
	}
	if doc == nil {
		t.Fatalf("%s: no document", name)
	}
	return doc
}

// TestFrenchFactsheet parses the French fixture with the French words of the
// grammar: its legend, sections, naming footnotes and bold verbs.
func TestFrenchFactsheet(t *testing.T) {
	doc := parseFixture(t, "ruritanie.md")
	if doc.Meta.LastUpdate != "2023-05-01" || doc.Meta.TranslationKey != "ruritania-csgsiv" {
		t.Errorf("meta: %+v", doc.Meta)
	}
	words := []string{}
	for _, l := range doc.Levels {
		words = append(words, l.Word)
	}
	if !reflect.DeepEqual(words, []string{"Exige", "Demande", "Invite"}) {
		t.Errorf("levels read from the legend: %v", words)
	}
	if m := doc.Levels[0].Meaning; m != "lorsque les mesures recommandées correspondent à des obligations découlant de la Convention de Lanzarote, telles que précisées par son rapport explicatif" {
		t.Errorf("meaning of Exige: %q", m)
	}
	type rec struct {
		IDs     []string
		Urgency Urgency
		Verb    string
		Section SectionKind
	}
	var got []rec
	for _, r := range doc.Recommendations {
		got = append(got, rec{r.IDs, r.Urgency, r.Verb, r.Section})
	}
	want := []rec{
		{[]string{"II-1"}, Request, "demande", SectionSpecific},
		{[]string{"II-5"}, Require, "exige", SectionSpecific},
		{[]string{"II-9"}, Request, "demande", SectionSpecific},
		{[]string{"II-7", "II-10"}, Invite, "invite", SectionGeneric},
		{[]string{"II-8"}, Invite, "invite", SectionGeneric},
		{[]string{"III-1"}, Invite, "invite", SectionSpecific},
		{[]string{"III-2"}, Invite, "invite", SectionSpecific},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recommendations:\n got %+v\nwant %+v", got, want)
	}
	var kinds []SectionKind
	for _, c := range doc.Chapters {
		for _, s := range c.Sections[1:] {
			kinds = append(kinds, s.Kind)
		}
	}
	if want := []SectionKind{SectionKeyFindings, SectionSpecific, SectionGeneric, SectionSpecific, SectionPromising}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("sections %v, want %v", kinds, want)
	}
	// the paragraph cut by the page break is stitched, in French too
	if txt := doc.Recommendations[1].Block.Text.Plain(); txt[len(txt)-len("ressortissants."):] != "ressortissants." {
		t.Errorf("II-5 not stitched: %q", txt)
	}
}

// TestEditionsAgree: the French edition and its English counterpart give
// the same structure: chapters, identifiers, urgencies, sections, footnotes
// and the Articles of the Convention each recommendation names.
func TestEditionsAgree(t *testing.T) {
	fr, en := parseFixture(t, "ruritanie.md"), parseFixture(t, "ruritania.md")
	n, para := 0, 0
	for _, r := range fr.Recommendations {
		n += len(r.Articles)
		if slices.Contains(r.Articles, Article{25, "(6)"}) {
			para++
		}
	}
	if n == 0 {
		t.Error("no French recommendation names an article; the headings of chapter II name article 25")
	}
	if para == 0 { // under the heading "(article 25, paragraphe 6)"
		t.Error("no French recommendation names Article 25(6), written \"article 25, paragraphe 6\"")
	}
	shape := func(d *Document) []any {
		var s []any
		for _, c := range d.Chapters {
			s = append(s, c.Number, len(c.Sections))
		}
		for _, r := range d.Recommendations {
			s = append(s, r.IDs, r.Urgency, r.Section, r.Footnotes, r.LeadIn != nil, r.Articles)
		}
		for _, f := range d.Footnotes {
			s = append(s, f.Number, f.Names)
		}
		return s
	}
	if a, b := shape(fr), shape(en); !reflect.DeepEqual(a, b) {
		t.Errorf("the editions differ:\n fr %v\n en %v", a, b)
	}
}

// TestVocabularies: every grammar file compiles, names all three levels and
// recognises its own default words; French words are not English ones.
func TestVocabularies(t *testing.T) {
	for lang, v := range vocabularies() {
		for i, u := range Urgencies {
			if got, ok := v.urgencyOf(v.defaults[i].Word); !ok || got != u {
				t.Errorf("%s: the default word %q of %s gives %q", lang, v.defaults[i].Word, u, got)
			}
		}
	}
	if _, ok := vocabularyOf("fr-BE"); !ok {
		t.Error("fr-BE does not get the French words")
	}
	if _, ok := vocabularyOf("mt"); ok {
		t.Error("a language without grammar file claims words")
	}
	fr := vocabularies()["fr"]
	if _, ok := fr.urgencyOf("requires"); ok {
		t.Error("French grammar accepts the English verb requires")
	}
	if k, _ := fr.sectionKindOf("Observations et recommandations du Comité sur la recherche spécifiques à la Ruritanie"); k != SectionSpecific {
		t.Errorf("French specific heading: %q", k)
	}
	if k, _ := vocabularies()["en"].sectionKindOf("Recommandations générales du Comité"); k != SectionNone {
		t.Errorf("English grammar took a French heading as %q", k)
	}
	if ids := fr.namedRecommendations("Recommandations II-7, II-8 et II-10."); !reflect.DeepEqual(ids, []string{"II-7", "II-8", "II-10"}) {
		t.Errorf("French naming footnote: %v", ids)
	}
}

// TestLegendWords: a legend whose words the grammar does not know still
// gives the levels, in order, and its words become the urgency verbs of
// the file.
func TestLegendWords(t *testing.T) {
	src, err := os.ReadFile("testdata/i18n/ruritanie.md")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer("« Exige »", "« Enjoint »", "« Demande »", "« Prie »", "« Invite »", "« Encourage »",
		"**exige**", "**enjoint**", "**demande**", "**prie**", "**invite**", "**encourage**").Replace(string(src))
	doc, problems := Parse("legend.md", []byte(s))
	for _, p := range problems {
		if p.Severity != Note {
			t.Errorf("%s", p)
		}
	}
	if doc == nil {
		t.Fatal("no document")
	}
	var words []string
	for _, l := range doc.Levels {
		words = append(words, l.Word)
	}
	if !reflect.DeepEqual(words, []string{"Enjoint", "Prie", "Encourage"}) {
		t.Errorf("levels %v", words)
	}
	got := map[string]Urgency{}
	for _, r := range doc.Recommendations {
		got[r.IDs[0]+" "+r.Verb] = r.Urgency
	}
	want := map[string]Urgency{"II-1 prie": Request, "II-5 enjoint": Require, "II-9 prie": Request, "II-7 encourage": Invite,
		"II-8 encourage": Invite, "III-1 encourage": Invite, "III-2 encourage": Invite}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("urgencies %v, want %v", got, want)
	}
	if _, ok := vocabularies()["fr"].urgencyOf("enjoint"); ok {
		t.Error("a file's legend words leaked into the shared vocabulary")
	}
}
