package search

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

// mixedSeries returns the parts of the fixture series (site/testdata/series,
// English) and of the French fixture, Ruritanie.
func mixedSeries(t *testing.T) []Part {
	t.Helper()
	files, err := filepath.Glob("../testdata/series/*.md")
	if err != nil || len(files) < 3 {
		t.Fatalf("series fixture: %v %v", files, err)
	}
	var parts []Part
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, problems := factsheet.Parse(f, src)
		if doc == nil || problems.HasErrors() {
			t.Fatalf("%s: %v", f, problems)
		}
		parts = append(parts, NewPart(doc))
	}
	return append(parts, NewPart(frenchFixture(t)))
}

// TestSeriesLanguages: in a series mixing English and French factsheets,
// each factsheet's texts are analysed in its language, each language in
// fields of its own (the corpora match bleve's index); a query finds the
// French documents by French word forms that only French analysis brings to
// the text's (nationaux → national), and the English ones by English forms.
func TestSeriesLanguages(t *testing.T) {
	parts := mixedSeries(t)
	ix, err := OpenSeries(parts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(ix.langs) != 2 || ix.langs[0].lang.tag != "en" || ix.langs[1].lang.tag != "fr" {
		t.Fatalf("languages of the series: %d", len(ix.langs))
	}
	corpusMatchesBleve(t, ix)
	english, _ := analyseRecords(parts[len(parts)-1].records(), languageOf("en"))
	for q, party := range map[string]string{"nationaux": "Ruritanie", "pénaux": "Ruritanie", "appliquées": "Ruritanie", "causées": "Ruritanie",
		"jurisdictions": "", "offending": "", "helplines": ""} {
		hits, err := ix.Search(q, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("%q finds nothing across the series", q)
			continue
		}
		for _, h := range hits {
			if (party == "") != (h.Party != "Ruritanie") || party != "" && !strings.HasPrefix(h.URL, "ruritanie/") {
				t.Errorf("%q finds %s (%s); want only the %s documents", q, h.URL, h.Party, map[bool]string{true: "English", false: "French"}[party == ""])
				break
			}
		}
		if party != "" { // the French text's form is not the query's: analysed in English, nothing would match
			if _, ok := english.df[english.lang.analyzeWord(q)]; ok {
				t.Errorf("%q: English analysis of the French text finds it too; the case proves nothing", q)
			}
		}
	}
}

// TestSeriesScriptLanguages: the browser index of a mixed series names each
// factsheet's language and carries the French terms apart from the English.
func TestSeriesScriptLanguages(t *testing.T) {
	b, err := SeriesScript(mixedSeries(t))
	if err != nil {
		t.Fatal(err)
	}
	var si struct {
		Lang    string  `json:"lang"`
		Stop    string  `json:"stop"`
		Parties [][]any `json:"parties"`
		Langs   []langTerms
	}
	body := strings.TrimSuffix(strings.TrimPrefix(string(b), "window.factsheetIndex="), ";\n")
	if err := json.Unmarshal([]byte(body), &si); err != nil {
		t.Fatal(err)
	}
	if si.Lang != "" || len(si.Langs) != 1 || si.Langs[0].Lang != "fr" {
		t.Fatalf("languages: %q then %v", si.Lang, si.Langs)
	}
	var langs []string
	for _, p := range si.Parties {
		langs = append(langs, fmt.Sprint(p[1], ":", p[2]))
	}
	if !slices.Equal(langs, []string{"Freedonia:0", "Ruritania:0", "Utopia:0", "Ruritanie:1"}) {
		t.Errorf("parties: %v", langs)
	}
	// the words are checked in the browser (site/e2e); here, the stop words
	if !strings.Contains(" "+si.Langs[0].Stop+" ", " les ") || strings.Contains(" "+si.Stop+" ", " les ") {
		t.Errorf("French stop words %.80q, English stop words %.80q", si.Langs[0].Stop, si.Stop)
	}
}
