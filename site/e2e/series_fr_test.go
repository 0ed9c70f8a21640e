package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// mixedBuild is the site of the series fixture (site/testdata/series,
// English) with the French fixture, Ruritanie
// (site/factsheet/testdata/i18n/ruritanie.md), built once.
var mixedBuild struct {
	once    sync.Once
	content fstest.MapFS
	dir     string
	err     error
}

// mixedURL returns the content of the mixed site, and the file://
// address of a path of the site built from it.
func mixedURL(t *testing.T, rel string) (fstest.MapFS, string) {
	t.Helper()
	mixedBuild.once.Do(func() {
		mixedBuild.content = fstest.MapFS{}
		files, _ := filepath.Glob(filepath.Join(env.root, "site", "testdata", "series", "*.md"))
		for _, f := range append(files, filepath.Join(editionsFixture(), "ruritanie.md")) {
			b, err := os.ReadFile(f)
			if err != nil {
				mixedBuild.err = err
				return
			}
			mixedBuild.content[filepath.Base(f)] = &fstest.MapFile{Data: b}
		}
		mixedBuild.dir = filepath.Join(env.tmp, "mixed")
		_, mixedBuild.err = buildSite(mixedBuild.content, "testdata/mixed", mixedBuild.dir, "")
	})
	if mixedBuild.err != nil {
		t.Fatalf("the series fixture with the French factsheet does not build: %v", mixedBuild.err)
	}
	return mixedBuild.content, "file://" + filepath.ToSlash(mixedBuild.dir) + "/" + rel
}

// TestSeriesSearchFrench: on the search page of a site whose factsheets are
// English and French, from file://, the browser analyses each factsheet's
// documents in its language: French word forms find the French factsheet's
// documents, English forms the English ones, and the top 5 with their
// snippets are those of bleve's index of every document, each analysed in
// its factsheet's language (search.OpenSeries), on French and English
// queries and queries generated from both corpora.
func TestSeriesSearchFrench(t *testing.T) {
	content, url := mixedURL(t, "search.html")
	ix := seriesEngine(t, content, "testdata/mixed")
	tb := newTab(t)
	tb.open(url)
	// single words: every hit is of their language
	french := []string{"nationaux", "pénaux", "appliquées", "causées", "compétences", "l'infraction"}
	english := []string{"jurisdictions", "helplines", "offending"}
	qs := append(append(append(french, english...), "enfants victimes", "pornographie enfantine", "children victims",
		"II-5", "exige", "requires"), generatedQueries(ix.Words(), 100)...)
	got := seriesTop5(t, tb, ix, append(qs, generatedQueries(frenchEngine(t).Words(), 100)...))
	for i, q := range append(french, english...) { // the first of qs
		fr := i < len(french)
		if len(got[i]) == 0 {
			t.Errorf("%q finds nothing", q)
		}
		for _, h := range got[i] {
			if strings.HasPrefix(h.URL, "ruritanie/") != fr || (h.Party == "Ruritanie") != fr {
				t.Errorf("%q finds %s (%s); want only the %s factsheet's documents", q, h.URL, h.Party, map[bool]string{true: "French", false: "English"}[fr])
			}
		}
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("search page:\n  %s", strings.Join(ps, "\n  "))
	}
}
