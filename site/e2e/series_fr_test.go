package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"factsheet/site"
	"factsheet/site/search"
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
	docs, problems, err := site.Load(content, "testdata/mixed")
	if err != nil || problems.HasErrors() {
		t.Fatalf("%v %v", err, problems)
	}
	var parts []search.Part
	for _, d := range docs {
		parts = append(parts, search.NewPart(d))
	}
	ix, err := search.OpenSeries(parts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tb := newTab(t)
	tb.open(url)
	// single words: every hit is of their language
	french := []string{"nationaux", "pénaux", "appliquées", "causées", "compétences", "l'infraction"}
	english := []string{"jurisdictions", "helplines", "offending"}
	qs := append(append(append(french, english...), "enfants victimes", "pornographie enfantine", "children victims",
		"II-5", "exige", "requires"), generatedQueries(ix.Words(), 100)...)
	qs = append(qs, generatedQueries(frenchEngine(t).Words(), 100)...)
	b, _ := json.Marshal(qs)
	type hit struct{ URL, Party, Snippet string }
	got := eval[[][]hit](tb, fmt.Sprintf(`%s.map(q => window.factsheetSearch.search(q, {limit: 5}).map(h => ({url: h.url, party: h.party, snippet: h.snippet})))`, b))
	agree := 0
	for i, q := range qs {
		hits, err := ix.Search(q, 5)
		if err != nil {
			t.Fatal(err)
		}
		want := []hit{}
		for _, h := range hits {
			want = append(want, hit{h.URL, h.Party, h.Snippet})
		}
		if got[i] == nil {
			got[i] = []hit{}
		}
		if reflect.DeepEqual(got[i], want) {
			agree++
		} else {
			t.Errorf("%q: browser top 5 %q, bleve %q", q, got[i], want)
		}
		if i < len(french)+len(english) {
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
	}
	t.Logf("top 5 agree on %d of %d queries", agree, len(qs))
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("search page:\n  %s", strings.Join(ps, "\n  "))
	}
}
