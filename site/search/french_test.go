package search

import (
	"os"
	"slices"
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

// frenchFixture is the French fixture factsheet, parsed.
func frenchFixture(t *testing.T) *factsheet.Document {
	t.Helper()
	src, err := os.ReadFile("../factsheet/testdata/i18n/ruritanie.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := factsheet.Parse("ruritanie.md", src)
	if doc == nil || problems.HasErrors() {
		t.Fatalf("fixture: %v", problems)
	}
	return doc
}

// TestFrenchIndex: a French factsheet is indexed with bleve's French
// analysis (elision, French stop words, light stemmer), and its browser
// index names the language so that the browser analyses as bleve did.
func TestFrenchIndex(t *testing.T) {
	doc := frenchFixture(t)
	ix, err := Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for w, want := range map[string]string{"enfants": "enfant", "l'infraction": "infraction", "les": "", "nationaux": "national", "requires": "requir"} {
		if got := ix.Analyze(w); got != want {
			t.Errorf("Analyze(%q) = %q, want %q", w, got, want)
		}
	}
	hits, err := ix.Search("compétences", 3)
	if err != nil || len(hits) == 0 || hits[0].ID == "" {
		t.Errorf("compétences: %+v %v", hits, err)
	}
	b, err := ix.Script()
	if err != nil || !strings.Contains(string(b), `"lang":"fr"`) {
		t.Errorf("the browser index does not name French: %.200s", b)
	}
	if languageOf("fr-CA").tag != "fr" || languageOf("mt").tag != "en" {
		t.Error("languageOf does not fall back as documented")
	}
}

// TestFrenchIndexWords: the French browser index gives a word's term only
// where the French analysis of the word alone differs from the corpus's
// term, so that the browser, analysing the other words of the texts in
// French (stem-fr.js), finds every term and posting of the corpus; and
// English analysis would not do (the index is not the English one's).
func TestFrenchIndexWords(t *testing.T) {
	doc := frenchFixture(t)
	c, err := analyse(doc)
	if err != nil {
		t.Fatal(err)
	}
	js, err := c.script(doc.Meta.Slug)
	if err != nil {
		t.Fatal(err)
	}
	bi := decodeScript(t, doc.File, js)
	checkDecoded(t, doc.File, bi, c)
	listed := map[string]bool{}
	for _, e := range strings.Fields(bi.Words) {
		w, _, _ := strings.Cut(e, "=")
		listed[w] = true
	}
	en := languageOf("en")
	implicit, englishWrong := 0, 0
	for w, term := range c.words {
		if listed[w] {
			continue
		}
		implicit++
		if en.analyzeWord(w) != term {
			englishWrong++
		}
	}
	if implicit == 0 || englishWrong == 0 {
		t.Errorf("%d words left to the browser's French analysis, %d of them English would get wrong: want both > 0", implicit, englishWrong)
	}
}

// TestFrenchUrgencyFilter: on a French factsheet, a word of its legend alone
// ("exige", "Demande") lists the recommendations of that urgency; with other
// words it is an ordinary word ("demande compétence" is a search for both
// words), and the English verbs are ordinary words too.
func TestFrenchUrgencyFilter(t *testing.T) {
	doc := frenchFixture(t)
	ix, err := Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	known := func(string) bool { return false }
	for q, want := range map[string][]string{"exige": {"require"}, " Demande ": {"request"}, "invite": {"invite"}} {
		pq := parseQuery(q, ix.anywhere(), ix.legend, known)
		if !slices.Equal(pq.Urgencies, want) || len(pq.Words) != 0 {
			t.Errorf("%q = %+v, want the urgencies %v alone", q, pq, want)
		}
		hits, err := ix.Search(q, 1000)
		n := 0
		for _, r := range doc.Recommendations {
			if string(r.Urgency) == want[0] {
				n += len(r.IDs)
			}
		}
		if err != nil || len(hits) != n || n == 0 {
			t.Errorf("%q: %d hits, want the %d recommendations (%v)", q, len(hits), n, err)
		}
	}
	for q, want := range map[string][]string{"demande compétence": {"demande", "compétence"}, "requires invite": {"requires", "invite"}, "exiger": {"exiger"}} {
		pq := parseQuery(q, ix.anywhere(), ix.legend, known)
		if len(pq.Urgencies) != 0 || !slices.Equal(pq.Words, want) {
			t.Errorf("%q = %+v, want the words %v and no urgency", q, pq, want)
		}
	}
}
