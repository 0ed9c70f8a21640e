package e2e

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/search"
)

// searchQuery is one query of site/search/testdata/queries.json.
type searchQuery struct {
	Query  string   `json:"query"`
	Expect []string `json:"expect"`
	Kind   string   `json:"kind"`
}

// seedEngine indexes the seed factsheet with bleve, as `factsheet search` does.
// bleveURLs is bleve's answer to q: the addresses of its first n hits.
func bleveURLs(t *testing.T, ix *search.Engine, q string, n int) []string {
	t.Helper()
	hits, err := ix.Search(q, n)
	if err != nil {
		t.Fatal(err)
	}
	urls := []string{}
	for _, h := range hits {
		urls = append(urls, h.URL)
	}
	return urls
}

func seedEngine(t *testing.T) *search.Engine {
	t.Helper()
	docs, problems, err := site.Load(defaults.Content, "content")
	if err != nil || problems.HasErrors() || len(docs) == 0 {
		t.Fatalf("loading the seed: %v %v", err, problems)
	}
	ix, err := search.Open(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// searchQueries returns the query set with variants: typed to the end (the
// last word also a prefix), followed by a space, in capitals.
func searchQueries(t *testing.T) []string {
	var set []searchQuery
	b, err := os.ReadFile(filepath.Join(env.root, "site", "search", "testdata", "queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, q := range set {
		qs = append(qs, q.Query, q.Query+" ", strings.ToUpper(q.Query))
	}
	return qs
}

// generatedQueries makes n queries from the corpus's words, the same on every
// run: one to three words, the last cut short, one with a typo, with an
// urgency word, an identifier or odd characters.
func generatedQueries(words []string, n int) []string {
	rng := rand.New(rand.NewPCG(5, 3))
	extras := []string{"invite", "requires", "iv-5", "x 5", "x7 X1", "’s", "  ", "—", "Ü", "123"}
	var qs []string
	for len(qs) < n {
		k := 1 + rng.IntN(3)
		parts := make([]string, k)
		for i := range parts {
			parts[i] = words[rng.IntN(len(words))]
		}
		last := []rune(parts[k-1])
		switch rng.IntN(4) {
		case 0: // typed halfway
			parts[k-1] = string(last[:1+rng.IntN(len(last))])
		case 1: // one typo: a letter dropped or two swapped
			if i := rng.IntN(len(last)); len(last) > 1 && i+1 < len(last) {
				last[i], last[i+1] = last[i+1], last[i]
			} else {
				last = last[:len(last)-1]
			}
			parts[k-1] = string(last)
		case 2:
			parts = append(parts, extras[rng.IntN(len(extras))])
		}
		q := strings.Join(parts, " ")
		if rng.IntN(3) == 0 {
			q = strings.ToUpper(q[:1]) + q[1:] + " "
		}
		qs = append(qs, q)
	}
	return qs
}

// browserSearch runs queries through window.factsheetSearch.search in the
// open page and returns the addresses of the first n results of each.
func browserSearch(tb *tab, qs []string, n int) [][]string {
	b, _ := json.Marshal(qs)
	return eval[[][]string](tb, fmt.Sprintf(`%s.map(q => window.factsheetSearch.search(q, {limit: %d}).map(h => h.url))`, b, n))
}

// agreesWithBleveTop3 runs qs through the browser's search in tb and fails
// for each query whose top 3 is not bleve's (ix) top 3.
func agreesWithBleveTop3(t *testing.T, tb *tab, ix *search.Engine, qs []string) {
	t.Helper()
	got := browserSearch(tb, qs, 3)
	agree := 0
	for i, q := range qs {
		want := bleveURLs(t, ix, q, 3)
		if got[i] == nil {
			got[i] = []string{}
		}
		if reflect.DeepEqual(got[i], want) {
			agree++
		} else {
			t.Errorf("%q: browser top 3 %v, bleve %v", q, got[i], want)
		}
	}
	t.Logf("top 3 agree on %d of %d queries", agree, len(qs))
}

// TestSearchAgreesWithBleve opens the search page from file:// and runs the
// query set (with variants) through window.factsheetSearch: its top 3 must be
// bleve's, as `factsheet search` answers; and the browser's analysis of every
// word of the corpus, and of other forms of them, must be bleve's.
func TestSearchAgreesWithBleve(t *testing.T) {
	ix := seedEngine(t)
	tb := newTab(t)
	tb.open(fileURL(seedSlug + "/search.html"))
	qs := append(searchQueries(t), generatedQueries(ix.Words(), 400)...)
	agreesWithBleveTop3(t, tb, ix, qs)

	var words []string
	for _, w := range ix.Words() {
		for _, suffix := range []string{"", "s", "es", "ing", "ed", "ly", "ness", "ational", "ization", "fulness", "ement", "e", "y", "'s"} {
			words = append(words, w+suffix)
		}
	}
	b, _ := json.Marshal(words)
	terms := eval[[]string](tb, fmt.Sprintf(`%s.map(w => window.factsheetSearch.analyze(w))`, b))
	bad := 0
	for i, w := range words {
		if want := ix.Analyze(w); terms[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("analysis of %q: browser %q, bleve %q", w, terms[i], want)
			}
		}
	}
	t.Logf("analysis agrees on %d of %d words", len(words)-bad, len(words))
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("search page:\n  %s", strings.Join(ps, "\n  "))
	}
}

// TestSearchPage: search.html?q= lists the results, recommendations first,
// with the matched words marked, from file:// and over HTTP under /repo/.
func TestSearchPage(t *testing.T) {
	tb := newTab(t)
	for _, u := range []string{fileURL(seedSlug + "/search.html?q=helplines"), httpURL(seedSlug + "/search.html?q=helplines")} {
		tb.open(u)
		type page struct {
			Count, Input string
			Links        []string
			Marks        []string
		}
		p := eval[page](tb, `(() => ({
			count: (document.querySelector("#search-page h2") || {}).textContent || "",
			input: document.getElementById("site-search-input").value,
			links: [...document.querySelectorAll("#search-page li a")].map(a => a.href),
			marks: [...document.querySelectorAll("#search-page mark")].map(m => m.textContent)}))()`)
		if p.Input != "helplines" {
			t.Errorf("%s: the search field holds %q, want the query", u, p.Input)
		}
		if len(p.Links) < 2 || !strings.HasSuffix(p.Links[0], "/recommendations/vi-2.html") && !strings.HasSuffix(p.Links[0], "/recommendations/vi-1.html") {
			t.Errorf("%s: results %v, want VI-1 and VI-2 first", u, p.Links)
		}
		if !strings.Contains(p.Count, fmt.Sprint(len(p.Links))) {
			t.Errorf("%s: heading %q does not give the %d results", u, p.Count, len(p.Links))
		}
		if len(p.Marks) == 0 || !strings.EqualFold(p.Marks[0], "helplines") {
			t.Errorf("%s: marked words %q, want helplines", u, p.Marks)
		}
		for _, l := range p.Links {
			tb2 := strings.TrimPrefix(strings.TrimPrefix(l, "file://"+siteDir(t)+"/"), httpURL(""))
			if _, ok := siteFiles(t)[strings.SplitN(tb2, "#", 2)[0]]; !ok {
				t.Errorf("%s: result link %s leads to no file of the site", u, l)
			}
		}
		if ps := tb.problems(); len(ps) > 0 {
			t.Errorf("%s:\n  %s", u, strings.Join(ps, "\n  "))
		}
	}
}

// combo is the state of the search box as assistive technology sees it.
type combo struct {
	Role, Expanded, Controls, Active string
	ListRole                         string
	Hidden                           bool
	Options                          []string // id: text of each option
	Selected                         []string // ids of options with aria-selected=true
	Status                           string   // the live region's text
}

const comboJS = `(() => {
	const i = document.getElementById("site-search-input"), l = document.getElementById("site-search-results");
	const st = document.querySelector("[role=status]");
	return {role: i.getAttribute("role") || "", expanded: i.getAttribute("aria-expanded") || "",
		controls: i.getAttribute("aria-controls") || "", active: i.getAttribute("aria-activedescendant") || "",
		listRole: l.getAttribute("role") || "", hidden: l.hidden,
		options: [...l.querySelectorAll("[role=option]")].map(o => o.id + ": " + o.textContent),
		selected: [...l.querySelectorAll("[aria-selected=true]")].map(o => o.id),
		status: st ? st.textContent : ""};
})()`

// TestSearchBox: the header's search field is a WAI-ARIA combobox: typing
// lists results in its listbox and announces their number; ArrowDown makes
// an option active; Escape closes the list; Enter opens the active result.
func TestSearchBox(t *testing.T) {
	tb := newTab(t)
	page := seedSlug + "/chapters/iii.html"
	tb.open(fileURL(page))
	tb.press("/")
	tb.press("helpline")
	tb.waitFor(`!document.getElementById("site-search-results").hidden`, page+": results listed after typing helpline", 5*time.Second)
	c := eval[combo](tb, comboJS)
	if c.Role != "combobox" || c.Expanded != "true" || c.Controls != "site-search-results" || c.ListRole != "listbox" {
		t.Errorf("%s: field role=%q aria-expanded=%q aria-controls=%q, list role=%q; want combobox, true, site-search-results, listbox",
			page, c.Role, c.Expanded, c.Controls, c.ListRole)
	}
	if len(c.Options) < 2 || !strings.Contains(c.Options[0], "VI-") {
		t.Fatalf("%s: options %q, want the helpline recommendations first", page, c.Options)
	}
	if !strings.Contains(c.Status, "2 results") {
		t.Errorf("%s: live region says %q, want the number of results (2)", page, c.Status)
	}
	tb.press(kb.ArrowDown)
	c = eval[combo](tb, comboJS)
	first := strings.SplitN(c.Options[0], ":", 2)[0]
	if c.Active != first || len(c.Selected) != 1 || c.Selected[0] != first {
		t.Errorf("%s: after ArrowDown, aria-activedescendant=%q and selected %q, want %q", page, c.Active, c.Selected, first)
	}
	tb.press(kb.ArrowUp) // wraps to the last option: the link to the results page
	if c = eval[combo](tb, comboJS); !strings.HasSuffix(c.Options[len(c.Options)-1], "All 2 results") || c.Active != strings.SplitN(c.Options[len(c.Options)-1], ":", 2)[0] {
		t.Errorf("%s: ArrowUp from the first option makes %q active, want the last, %q", page, c.Active, c.Options[len(c.Options)-1])
	}
	tb.press(kb.Escape)
	if c = eval[combo](tb, comboJS); !c.Hidden || c.Expanded != "false" || c.Active != "" {
		t.Errorf("%s: after Escape the list is hidden=%v, aria-expanded=%q, active %q; want closed", page, c.Hidden, c.Expanded, c.Active)
	}
	tb.press(kb.ArrowDown)
	tb.press(kb.Tab) // leaving the field closes the list
	if c = eval[combo](tb, comboJS); !c.Hidden || c.Expanded != "false" {
		t.Errorf("%s: after Tab out of the field the list is hidden=%v, aria-expanded=%q; want closed", page, c.Hidden, c.Expanded)
	}
	tb.press("/") // back in the field, the list opens again
	tb.press(kb.ArrowDown + kb.ArrowDown)
	tb.press(kb.Enter)
	tb.waitFor(`location.pathname.endsWith("/search.html") || location.pathname.includes("/recommendations/")`, page+": Enter opens the active result", 5*time.Second)
	if loc := eval[string](tb, `location.pathname`); !strings.Contains(loc, "/recommendations/vi-") {
		t.Errorf("%s: ArrowDown, Enter opened %s, want a helpline recommendation", page, loc)
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("%s:\n  %s", page, strings.Join(ps, "\n  "))
	}
}

// TestSearchBoxAxe runs axe-core's WCAG 2.1 A and AA rules on a page whose
// search list is open with an active option, in light and dark colours.
func TestSearchBoxAxe(t *testing.T) {
	axe := axeScript(t)
	page := seedSlug + "/chapters/ii.html"
	for _, scheme := range []string{"light", "dark"} {
		tb := newTab(t)
		setColorScheme(t, tb, scheme)
		tb.open(fileURL(page))
		tb.press("/")
		tb.press("extortion")
		tb.waitFor(`!document.getElementById("site-search-results").hidden`, page+": results listed after typing extortion", 5*time.Second)
		tb.press(kb.ArrowDown)
		res := runAxe(t, tb, axe)
		for _, v := range res.Violations {
			t.Errorf("%s (%s, search list open): %s", page, scheme, describe(v))
		}
	}
}

// TestSearchSingleFileLinks: in the single-file edition, every result of the
// search list is an anchor of the same file, sections included.
func TestSearchSingleFileLinks(t *testing.T) {
	tb := newTab(t)
	page := "downloads/" + seedSlug + ".html"
	tb.open(fileURL(page))
	tb.press("/")
	sections := 0
	for _, q := range []string{"jurisdiction", "training authorities", "extortion", "iv 5"} {
		eval[bool](tb, `(() => { const i = document.getElementById("site-search-input"); i.value = "";
			i.dispatchEvent(new Event("input")); return true; })()`)
		tb.press(q)
		tb.waitFor(`!document.getElementById("site-search-results").hidden`, page+": results listed after typing "+q, 5*time.Second)
		hrefs := eval[[]string](tb, `[...document.querySelectorAll("#site-search-results [role=option]")].map(a => a.getAttribute("href"))`)
		if len(hrefs) == 0 {
			t.Errorf("%s: %q lists nothing", page, q)
		}
		for _, h := range hrefs {
			if !strings.HasPrefix(h, "#") || !eval[bool](tb, fmt.Sprintf(`!!document.getElementById(%q)`, strings.TrimPrefix(h, "#"))) {
				t.Errorf("%s: %q lists %q, not an anchor of the file", page, q, h)
			}
			if !strings.HasPrefix(h, "#recommendation-") && !strings.HasPrefix(h, "#chapter-") {
				sections++
			}
		}
	}
	if sections == 0 {
		t.Errorf("%s: no result leads to a section heading", page)
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("%s:\n  %s", page, strings.Join(ps, "\n  "))
	}
}

// TestSearchIndexAddresses: every document of the built search index leads to
// a page of the site, and a section to an anchor of that page.
func TestSearchIndexAddresses(t *testing.T) {
	files := siteFiles(t)
	name := seedSlug + "/search-index.js"
	tb := newTab(t) // the built index is minified JavaScript, not JSON: read it in the browser
	tb.open(fileURL(seedSlug + "/search.html"))
	type index struct {
		Slug string  `json:"slug"`
		Docs [][]any `json:"docs"`
	}
	idx := eval[index](tb, `({slug: window.factsheetIndex.slug, docs: window.factsheetIndex.docs})`)
	recs, sections := 0, 0
	for _, d := range idx.Docs {
		var u string
		if d[0].(float64) == 0 {
			u = idx.Slug + "/recommendations/" + strings.ToLower(d[1].(string)) + ".html"
			recs++
		} else {
			u = d[2].(string)
			sections++
		}
		file, frag, _ := strings.Cut(u, "#")
		page, ok := files[file]
		if !ok {
			t.Errorf("%s: %q leads to %s, not a file of the site", name, d[1], file)
			continue
		}
		if frag != "" && !strings.Contains(string(page), `id="`+frag+`"`) && !strings.Contains(string(page), `id=`+frag+`>`) {
			t.Errorf("%s: %q leads to %s, which has no element with id %q", name, d[1], file, frag)
		}
	}
	if recs != seedRecommendationCount || sections == 0 {
		t.Errorf("%s: %d recommendation and %d section documents, want %d and some", name, recs, sections, seedRecommendationCount)
	}
}
