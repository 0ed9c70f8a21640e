package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"factsheet/site"
	"factsheet/site/linkcheck"
	"factsheet/site/search"
)

// editions is the site built once from the French fixture and its English
// counterpart (site/factsheet/testdata/i18n).
var editions struct {
	once sync.Once
	dir  string
	err  error
}

// editionsDir builds the two editions into a folder of the package's
// temporary folder and returns it.
func editionsDir(t *testing.T) string {
	t.Helper()
	editions.once.Do(func() {
		editions.dir = filepath.Join(env.tmp, "editions")
		files, err := buildSite(os.DirFS(editionsFixture()), "testdata/i18n", editions.dir, "")
		if err == nil {
			if ps := linkcheck.Check(files); len(ps) > 0 {
				err = fmt.Errorf("broken links: %v", ps)
			}
		}
		editions.err = err
	})
	if editions.err != nil {
		t.Fatalf("the editions fixture does not build: %v", editions.err)
	}
	return editions.dir
}

func editionsFixture() string {
	return filepath.Join(env.root, "site", "factsheet", "testdata", "i18n")
}

// editionsURL is the file:// address of a page of the editions site.
func editionsURL(t *testing.T, rel string) string {
	return "file://" + filepath.ToSlash(editionsDir(t)) + "/" + rel
}

// frenchEngine is bleve's index of the French fixture.
func frenchEngine(t *testing.T) *search.Engine {
	t.Helper()
	docs, problems, err := site.Load(os.DirFS(editionsFixture()), "testdata/i18n")
	if err != nil || problems.HasErrors() {
		t.Fatalf("loading the fixture: %v %v", err, problems)
	}
	for _, d := range docs {
		if d.Meta.Language == "fr" {
			ix, err := search.Open(d)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ix.Close() })
			return ix
		}
	}
	t.Fatal("no French factsheet in the fixture")
	return nil
}

// frenchForms are endings added to every word of the corpus, to reach each
// rule of the French light stemmer.
var frenchForms = []string{"", "s", "x", "e", "es", "ée", "er", "aux", "ement", "ive", "ives", "ation", "ition", "isation",
	"euse", "teur", "trice", "ateur", "atrice", "cateur", "catrice", "ficateur", "ficatrice", "ère", "ième", "ique",
	"esse", "inage", "ète", "nnel", "nnelle", "issement", "issant", "ie", "folle"}

// TestFrenchAnalysisAgreesWithBleve: the browser's French analysis
// (assets/stem-fr.js: elision, stop words, light stemmer) gives bleve's
// term for every word form of the French fixture, each with every ending
// of frenchForms, and with elided articles before it.
func TestFrenchAnalysisAgreesWithBleve(t *testing.T) {
	ix := frenchEngine(t)
	tb := newTab(t)
	tb.open(editionsURL(t, "ruritanie/search.html"))
	var words []string
	for _, w := range ix.Words() {
		for _, f := range frenchForms {
			words = append(words, w+f)
		}
		words = append(words, "l'"+w, "qu’"+w, "D'"+w)
	}
	b, _ := json.Marshal(words)
	// the analyzer itself, not the corpus's word → term map that analyze() consults first
	terms := eval[[]string](tb, fmt.Sprintf(`(() => { const stop = new Set(window.factsheetIndex.stop.split(" "));
	  return %s.map(w => window.factsheetAnalyzers.fr(w.toLowerCase().replace(/[’＇]/g, "'"), stop)); })()`, b))
	public := eval[[]string](tb, fmt.Sprintf(`%s.map(w => window.factsheetSearch.analyze(w))`, b))
	bad := 0
	for i, w := range words {
		want := ix.Analyze(w)
		if terms[i] != want || public[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("analysis of %q: stem-fr.js %q, analyze %q, bleve %q", w, terms[i], public[i], want)
			}
		}
	}
	t.Logf("French analysis agrees with bleve on %d of %d word forms (%d corpus words)", len(words)-bad, len(words), len(ix.Words()))
	if len(ix.Words()) < 200 {
		t.Errorf("only %d words in the French corpus", len(ix.Words()))
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("search page:\n  %s", strings.Join(ps, "\n  "))
	}
}

// TestFrenchSearch: on the French edition, the browser's top 3 are bleve's
// for French queries, and the results page speaks French.
func TestFrenchSearch(t *testing.T) {
	ix := frenchEngine(t)
	tb := newTab(t)
	tb.open(editionsURL(t, "ruritanie/search.html"))
	qs := append([]string{"enfants", "compétence territoriale", "ressortissant", "l'infraction", "données", "victimes",
		"pornographie enfantine", "II-5", "ii 9", "recherches", "exploitation sexuelle", "État", "requires compétence",
		"exige", "Demande", "invite", "demande compétence", "exige II-5"},
		generatedQueries(ix.Words(), 150)...)
	got := browserSearch(tb, qs, 3)
	for i, q := range qs {
		want := bleveURLs(t, ix, q, 3)
		if got[i] == nil {
			got[i] = []string{}
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%q: browser top 3 %v, bleve %v", q, got[i], want)
		}
	}
	// the legend's words filter as the whole query only; English verbs do not
	urg := eval[map[string][]string](tb, `Object.fromEntries(["exige", "Demande", "invite", "demande compétence", "requires"].map(q =>
	  [q, window.factsheetSearch.search(q, {limit: 1000}).map(h => h.urgency || h.kind)]))`)
	for q, want := range map[string]string{"exige": "require", "Demande": "request", "invite": "invite"} {
		if len(urg[q]) == 0 || slices.ContainsFunc(urg[q], func(u string) bool { return u != want }) {
			t.Errorf("%q lists %v, want only %s recommendations", q, urg[q], want)
		}
	}
	if !slices.ContainsFunc(urg["demande compétence"], func(u string) bool { return u != "request" }) {
		t.Errorf(`"demande compétence" lists %v: filtered by urgency, want a search for its words`, urg["demande compétence"])
	}
	if len(urg["requires"]) != 0 {
		t.Errorf(`"requires" lists %v on a French page: an English word, absent from the text, filters nothing`, urg["requires"])
	}
	tb.open(editionsURL(t, "ruritanie/search.html?q=comp%C3%A9tences"))
	tb.settle()
	type results struct {
		Count  string   `json:"count"`
		Badges []string `json:"badges"`
		Titles []string `json:"titles"`
	}
	r := eval[results](tb, `({count: document.getElementById("search-count").textContent,
	  badges: [...document.querySelectorAll(".sr-results .badge")].map(e => e.textContent),
	  titles: [...document.querySelectorAll(".sr-results .sr-title")].map(e => e.textContent)})`)
	if !strings.Contains(r.Count, "résultats pour «") || len(r.Titles) == 0 {
		t.Errorf("results heading %q, titles %v", r.Count, r.Titles)
	}
	for _, b := range r.Badges {
		if b != "Exige" && b != "Demande" && b != "Invite" {
			t.Errorf("badge %q is not a word of the French legend", b)
		}
	}
	if len(r.Badges) == 0 || !strings.HasPrefix(r.Titles[0], "Recommandation ") {
		t.Errorf("results: %+v", r)
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("search page:\n  %s", strings.Join(ps, "\n  "))
	}
}

// TestLanguageSwitch follows the language switch of a French chapter from
// file:// to the same chapter in English, and back.
func TestLanguageSwitch(t *testing.T) {
	tb := newTab(t)
	type view struct {
		Lang, Switch, Href, H1 string
	}
	js := `(() => { const a = document.querySelector(".lang-switch a");
	  return {lang: document.documentElement.lang, switch: a ? a.textContent : "", href: a ? a.href : "", h1: document.querySelector("h1").textContent}; })()`
	tb.open(editionsURL(t, "ruritanie/chapters/ii.html"))
	fr := eval[view](tb, js)
	if fr.Lang != "fr" || fr.Switch != "English" || !strings.HasSuffix(fr.Href, "/ruritania/chapters/ii.html") {
		t.Fatalf("French chapter: %+v", fr)
	}
	tb.open(fr.Href)
	en := eval[view](tb, js)
	if en.Lang != "en" || en.Switch != "Français" || en.H1 != "II. Jurisdiction rules" || !strings.HasSuffix(en.Href, "/ruritanie/chapters/ii.html") {
		t.Errorf("English chapter: %+v", en)
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("%s", strings.Join(ps, "\n  "))
	}
}

// TestExplorerHeadingWords: the explorer's heading filtered by urgency names
// the level with the factsheet's legend word, in French and in English; the
// catalogue gives only the words around it.
func TestExplorerHeadingWords(t *testing.T) {
	tb := newTab(t)
	for page, want := range map[string]string{
		"ruritanie/recommendations/index.html?urgency=require":        "Ruritanie, degré «\u202fExige\u202f»\u00a0: 1\u00a0recommandation",
		"ruritanie/recommendations/index.html?urgency=require,invite": "Ruritanie, degré «\u202fExige\u202f» ou «\u202fInvite\u202f»\u00a0: 6\u00a0recommandations",
		"ruritania/recommendations/index.html?urgency=request":        "Ruritania, urgency “Request”: 2 recommendations",
	} {
		tb.open(editionsURL(t, page))
		tb.settle()
		if got := eval[string](tb, `document.getElementById("explorer-title").textContent`); got != want {
			t.Errorf("%s: heading %q, want %q", page, got, want)
		}
	}
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("%s", strings.Join(ps, "\n  "))
	}
}

// TestAxeFrench runs axe on each page type of the French edition, light and dark.
func TestAxeFrench(t *testing.T) {
	axe := axeScript(t)
	tb := newTab(t)
	pages := []string{"index.html", "ruritanie/index.html", "ruritanie/chapters/ii.html", "ruritanie/recommendations/ii-5.html",
		"ruritanie/recommendations/index.html", "ruritanie/search.html?q=enfants", "downloads/ruritanie.html"}
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, tb, scheme)
		for _, page := range pages {
			tb.open(editionsURL(t, page))
			tb.settle()
			for _, v := range runAxe(t, tb, axe).Violations {
				t.Errorf("%s (%s): %s", page, scheme, describe(v))
			}
		}
	}
}

// TestEditionsValidate runs html-validate over every page of both editions
// (language switch, hreflang alternates, French text).
func TestEditionsValidate(t *testing.T) {
	dir := editionsDir(t)
	var pages []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil || len(pages) < 20 {
		t.Fatalf("%d pages (%v)", len(pages), err)
	}
	t.Logf("html-validate: %d pages, %d errors", len(pages), validateHTML(t, dir, pages))
}
