package search

import (
	"os"
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

// TestFrenchIndex: a French factsheet is indexed with bleve's French
// analysis (elision, French stop words, light stemmer), and its browser
// index names the language so that the browser analyses as bleve did.
func TestFrenchIndex(t *testing.T) {
	src, err := os.ReadFile("../factsheet/testdata/i18n/ruritanie.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := factsheet.Parse("ruritanie.md", src)
	if doc == nil || problems.HasErrors() {
		t.Fatalf("fixture: %v", problems)
	}
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
