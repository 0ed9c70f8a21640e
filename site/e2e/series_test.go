package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"factsheet/site"
	"factsheet/site/search"
)

// seriesBuild is the site of the three fictional Parties of
// site/testdata/series, built once for the tests that need it.
var seriesBuild struct {
	once sync.Once
	dir  string
	err  error
}

// seriesURL builds the fixture series site (once) and returns the file://
// address of one of its paths.
func seriesURL(t *testing.T, rel string) string {
	t.Helper()
	seriesBuild.once.Do(func() {
		seriesBuild.dir = filepath.Join(env.tmp, "series")
		fixture := filepath.Join(env.root, "site", "testdata", "series")
		_, seriesBuild.err = buildSite(os.DirFS(fixture), "testdata/series", seriesBuild.dir, "")
	})
	if seriesBuild.err != nil {
		t.Fatalf("the series fixture does not build: %v", seriesBuild.err)
	}
	return "file://" + filepath.ToSlash(seriesBuild.dir) + "/" + rel
}

// seriesPages are the page types the series adds or changes, one each.
var seriesPages = []string{
	"index.html",                       // reports and their Parties
	"reports/csgsiv/index.html",        // the matrix
	"reports/csgsiv/ii-5.html",         // texts that differ
	"reports/csgsiv/ii-7.html",         // texts that differ by the Party's name only
	"search.html?q=helpline",           // search across the series
	"utopia/search.html?q=helpline",    // a factsheet's search, with the switch to all
	"utopia/recommendations/ii-5.html", // "Also addressed to"
}

// TestSeriesAxe runs axe-core's WCAG 2.1 A and AA rules on every page type
// of the series, from file://, in light and dark colour schemes; first, the
// pages load without error (checked apart: axe's own requests fail from file://).
func TestSeriesAxe(t *testing.T) {
	axe := axeScript(t)
	tb := newTab(t)
	for _, page := range seriesPages {
		tb.open(seriesURL(t, page))
		tb.settle()
		if ps := tb.problems(); len(ps) > 0 {
			t.Errorf("%s:\n  %s", page, strings.Join(ps, "\n  "))
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, tb, scheme)
		for _, page := range seriesPages {
			tb.open(seriesURL(t, page))
			tb.settle()
			for _, v := range runAxe(t, tb, axe).Violations {
				t.Errorf("%s (%s): %s", page, scheme, describe(v))
			}
		}
	}
}

// TestSeriesSearchAgreesWithBleve opens the search across the series from
// file:// and runs the query set (with variants) and generated queries
// through window.factsheetSearch: its top 5, with their snippets, must be
// those of bleve's index of every factsheet's documents (search.OpenSeries);
// results name the Party.
func TestSeriesSearchAgreesWithBleve(t *testing.T) {
	url := seriesURL(t, "search.html")
	ix := seriesEngine(t, os.DirFS(filepath.Join(env.root, "site", "testdata", "series")), "testdata/series")
	tb := newTab(t)
	tb.open(url)
	qs := append(searchQueries(t), "II-5", "ii 7 helpline", "utopia", "ruritania requests")
	seriesTop5(t, tb, ix, append(qs, generatedQueries(ix.Words(), 300)...))
	parties := eval[[]string](tb, `window.factsheetSearch.search("II-5", {limit: 5}).map(h => h.party + " " + h.url)`)
	want := []string{"Freedonia freedonia/recommendations/ii-5.html", "Ruritania ruritania/recommendations/ii-5.html", "Utopia utopia/recommendations/ii-5.html"}
	if !reflect.DeepEqual(parties, want) {
		t.Errorf("II-5 across the series: %v, want every Party's, named: %v", parties, want)
	}
}

// seriesEngine is bleve's index of every factsheet of a content folder
// (search.OpenSeries), closed at the end of the test.
func seriesEngine(t *testing.T, content fs.FS, dir string) *search.Engine {
	t.Helper()
	docs, problems, err := site.Load(content, dir)
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
	t.Cleanup(func() { ix.Close() })
	return ix
}

// seriesHit is a result of a search across the series, as the browser and
// bleve are compared on it.
type seriesHit struct{ URL, Party, Snippet string }

// seriesTop5 runs each query in the page of tb (window.factsheetSearch) and
// through bleve's index ix, reports each query whose top 5 (address, Party,
// snippet) differ, logs how many agree and returns the browser's.
func seriesTop5(t *testing.T, tb *tab, ix *search.Engine, qs []string) [][]seriesHit {
	t.Helper()
	b, _ := json.Marshal(qs)
	got := eval[[][]seriesHit](tb, fmt.Sprintf(`%s.map(q => window.factsheetSearch.search(q, {limit: 5}).map(h => ({url: h.url, party: h.party, snippet: h.snippet})))`, b))
	agree := 0
	for i, q := range qs {
		hits, err := ix.Search(q, 5)
		if err != nil {
			t.Fatal(err)
		}
		want := []seriesHit{}
		for _, h := range hits {
			want = append(want, seriesHit{h.URL, h.Party, h.Snippet})
		}
		if got[i] == nil {
			got[i] = []seriesHit{}
		}
		if reflect.DeepEqual(got[i], want) {
			agree++
		} else {
			t.Errorf("%q: browser top 5 (address, Party, snippet) %q, bleve %q", q, got[i], want)
		}
	}
	t.Logf("top 5 agree on %d of %d queries", agree, len(qs))
	return got
}

// TestSeriesSearchSwitch: on a factsheet's page the search box searches that
// factsheet and offers, last, the same query over every factsheet; that opens
// the series' results page, whose results name their Party.
func TestSeriesSearchSwitch(t *testing.T) {
	tb := newTab(t)
	page := "utopia/chapters/iii.html"
	tb.open(seriesURL(t, page))
	tb.press("/")
	tb.press("helpline")
	tb.waitFor(`!document.getElementById("site-search-results").hidden`, page+": results listed after typing helpline", 5*time.Second)
	urls := eval[[]string](tb, `[...document.querySelectorAll("#site-search-results a")].map(a => a.getAttribute("href"))`)
	if len(urls) < 3 || !strings.HasPrefix(urls[0], "../../utopia/") || urls[len(urls)-1] != "../../search.html?q=helpline" {
		t.Fatalf("%s: options %v; want Utopia's results first and, last, the search of every factsheet", page, urls)
	}
	tb.press(kb.ArrowUp + kb.Enter) // ArrowUp from the field: the last option
	tb.waitFor(`location.pathname.endsWith("/series/search.html") && !!document.querySelector(".sr-party")`, "the series' results page", 5*time.Second)
	parties := eval[[]string](tb, `[...document.querySelectorAll("#search-page .sr-party")].map(e => e.textContent)`)
	if len(parties) != 4 || parties[0] != "Ruritania" || parties[1] != "Utopia" {
		t.Errorf("results of helpline across the series name %v; want Ruritania's and Utopia's III-2 and III-1", parties)
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("%s:\n  %s", page, strings.Join(ps, "\n  "))
	}
}

// TestSeriesHTMLValidate runs html-validate over every page type of the
// series site (the fixture's reports, root and factsheet pages).
func TestSeriesHTMLValidate(t *testing.T) {
	seriesURL(t, "index.html") // builds the site
	var pages []string
	for _, p := range seriesPages {
		p, _, _ = strings.Cut(p, "?")
		pages = append(pages, p)
	}
	pages = append(pages, "utopia/chapters/ii.html", "404.html")
	t.Logf("html-validate: %d pages, %d errors", len(pages), validateHTML(t, seriesBuild.dir, pages))
}

// TestSeriesMatrixOpensExplorer follows every count of the report's matrix,
// from file://: the Party's explorer opens filtered to that urgency and
// chapter and shows that many recommendations.
func TestSeriesMatrixOpensExplorer(t *testing.T) {
	tb := newTab(t)
	report := seriesURL(t, "reports/csgsiv/index.html")
	tb.open(report)
	type cell struct{ Href, N string }
	cells := eval[[]cell](tb, `[...document.querySelectorAll(".matrix a.cell-count")].map(a => ({href: a.href, n: a.querySelector(".n").textContent}))`)
	if len(cells) < 10 {
		t.Fatalf("%d counts in the matrix", len(cells))
	}
	for _, c := range cells {
		tb.open(c.Href)
		tb.waitFor(`/: \d+ recommendations?$/.test(document.getElementById("explorer-title").textContent)`, c.Href+": the explorer's heading gives its count", 5*time.Second)
		heading := eval[string](tb, `document.getElementById("explorer-title").textContent`)
		if !strings.HasSuffix(heading, ": "+c.N+" recommendation") && !strings.HasSuffix(heading, ": "+c.N+" recommendations") {
			t.Errorf("%s: the matrix says %s, the explorer %q", c.Href, c.N, heading)
		}
	}
	t.Logf("%d counts of the matrix followed", len(cells))
}
