package e2e

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"
)

// facetRec is a recommendation of recommendations.json with what the
// explorer filters on.
type facetRec struct {
	ID       string   `json:"id"`
	IDs      []string `json:"ids"`
	Chapter  string   `json:"chapter"`
	Urgency  string   `json:"urgency"`
	Section  string   `json:"section"`
	Text     string   `json:"text"`
	Articles []struct {
		Number int `json:"number"`
	} `json:"articles"`
}

// facetsOf is the recommendation's values in each dimension of the explorer,
// derived from recommendations.json alone.
func (r facetRec) facets() map[string][]string {
	f := map[string][]string{
		"urgency": {r.Urgency},
		"chapter": {strings.ToLower(r.Chapter)},
	}
	switch r.Section {
	case "specific":
		f["addressee"] = []string{"party"}
	case "generic":
		f["addressee"] = []string{"all"}
	}
	for _, a := range r.Articles {
		if v := strconv.Itoa(a.Number); !slices.Contains(f["article"], v) {
			f["article"] = append(f["article"], v)
		}
	}
	return f
}

// explorerData is recommendations.json as the explorer tests read it.
type explorerData struct {
	Party  string
	Levels []level
	Recs   []facetRec
}

func loadExplorerData(t *testing.T) explorerData {
	t.Helper()
	var d struct {
		Factsheet struct {
			Party string `json:"party"`
		} `json:"factsheet"`
		Levels []level    `json:"levels"`
		Recs   []facetRec `json:"recommendations"`
	}
	if err := json.Unmarshal(builtFile(t, seedSlug+"/recommendations.json"), &d); err != nil {
		t.Fatal(err)
	}
	return explorerData{Party: d.Factsheet.Party, Levels: d.Levels, Recs: d.Recs}
}

// view is a filter of the explorer: chosen values by dimension, and words.
type view struct {
	Want  map[string][]string
	Words string
}

// query is the view's address parameters, as the explorer writes them.
func (v view) query() string {
	var parts []string
	for _, k := range []string{"urgency", "chapter", "addressee", "article"} {
		if len(v.Want[k]) > 0 {
			parts = append(parts, k+"="+strings.Join(v.Want[k], ","))
		}
	}
	if v.Words != "" {
		parts = append(parts, "q="+strings.ReplaceAll(v.Words, " ", "%20"))
	}
	return strings.Join(parts, "&")
}

// foldWords lower-cases, strips accents and splits into letters and digits.
func foldWords(s string) []string {
	s = strings.ToLower(norm.NFD.String(s))
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// passes tells whether r is in the view, leaving out dimension skip.
func (v view) passes(r facetRec, skip string) bool {
	f := r.facets()
	for k, want := range v.Want {
		if k == skip || len(want) == 0 {
			continue
		}
		if !slices.ContainsFunc(want, func(x string) bool { return slices.Contains(f[k], x) }) {
			return false
		}
	}
	words := foldWords(r.Text)
	for _, q := range foldWords(v.Words) {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) }) {
			return false
		}
	}
	return true
}

// expected is what the explorer must show for a view: the identifiers and
// the count of every option ("urgency:require" → n), from recommendations.json.
func (d explorerData) expected(v view) (ids []string, counts map[string]int) {
	counts = map[string]int{}
	for _, r := range d.Recs {
		if v.passes(r, "") {
			ids = append(ids, r.ID)
		}
		for k, vals := range r.facets() {
			if v.passes(r, k) {
				for _, val := range vals {
					counts[k+":"+val]++
				}
			}
		}
	}
	sort.Strings(ids)
	return ids, counts
}

// explorerState is what the open explorer shows.
type explorerState struct {
	IDs     []string       `json:"ids"`     // identifiers of the entries shown
	Counts  map[string]int `json:"counts"`  // each option's count, "urgency:require" → n
	Heading string         `json:"heading"` // the heading
	Status  string         `json:"status"`  // the line under it
	Title   string         `json:"title"`   // document.title
	Address string         `json:"address"` // location.search, or location.hash in the single-file edition
	Form    bool           `json:"form"`    // the filters are shown
}

const explorerStateJS = `(() => {
  const form = document.getElementById("explorer-form");
  const scope = document.getElementById(form.dataset.scope);
  const counts = {};
  for (const b of form.querySelectorAll("input[type=checkbox]")) counts[b.name + ":" + b.value] = Number(b.parentNode.querySelector(".n").textContent);
  const ids = [];
  for (const e of scope.querySelectorAll("[data-facets]")) {
    if (e.hidden || !e.getClientRects().length) continue;
    const own = [...e.querySelectorAll(".entry-head .rec-id")].map(a => a.textContent);
    const anchors = [e, ...e.querySelectorAll("span[id^=recommendation-]")].map(a => a.id.replace("recommendation-", "").toUpperCase());
    ids.push(...(own.length ? own : anchors));
  }
  return {ids: ids.sort(), counts, heading: document.getElementById("explorer-title").textContent, status: document.getElementById("explorer-status").textContent, title: document.title,
    address: form.dataset.state === "hash" ? decodeURIComponent(location.hash) : decodeURIComponent(location.search), form: !form.hidden};
})()`

// checkExplorer compares the open explorer with what recommendations.json gives for v.
func checkExplorer(t *testing.T, tb *tab, where string, d explorerData, v view) explorerState {
	t.Helper()
	got := eval[explorerState](tb, explorerStateJS)
	ids, counts := d.expected(v)
	if !got.Form {
		t.Errorf("%s: the filters are not shown", where)
	}
	if strings.Join(got.IDs, " ") != strings.Join(ids, " ") {
		t.Errorf("%s: shows %v, want %v", where, got.IDs, ids)
	}
	for k, n := range got.Counts {
		if counts[k] != n {
			t.Errorf("%s: option %s counts %d, want %d", where, k, n, counts[k])
		}
	}
	n := fmt.Sprintf(": %d recommendation", len(ids))
	if v.query() == "" {
		// every recommendation: the heading as built, the count under it
		n = fmt.Sprintf("%d recommendation", len(ids))
		if !strings.HasPrefix(got.Status, n) {
			t.Errorf("%s: the line under the heading says %q, want the count %s", where, got.Status, n)
		}
	} else if !strings.Contains(got.Heading, n) || !strings.Contains(got.Title, n) {
		t.Errorf("%s: heading %q, title %q: want the count%s", where, got.Heading, got.Title, n)
	}
	for _, l := range d.Levels {
		chosen := slices.Contains(v.Want["urgency"], l.Urgency)
		if chosen && !strings.HasPrefix(got.Heading, d.Party+", urgency ") || chosen != strings.Contains(got.Heading, "“"+l.Word+"”") {
			t.Errorf("%s: heading %q: want %q's word %q iff it is chosen", where, got.Heading, d.Party, l.Word)
		}
	}
	return got
}

// TestExplorerAddress opens a filtered explorer from file:// and over HTTP
// under a sub-path: the view of the address is shown, with every count from
// recommendations.json; it survives a reload; changing the filters changes
// the address.
func TestExplorerAddress(t *testing.T) {
	d := loadExplorerData(t)
	v := view{Want: map[string][]string{"urgency": {"require", "request"}, "chapter": {strings.ToLower(d.Recs[len(d.Recs)/2].Chapter), "iv"}}}
	tb := newTab(t)
	for _, base := range []func(string) string{fileURL, httpURL} {
		u := base(seedSlug + "/recommendations/index.html?" + v.query())
		tb.open(u)
		checkExplorer(t, tb, u, d, v)
		if err := tb.do(chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		got := checkExplorer(t, tb, u+" reloaded", d, v)
		if got.Address != "?"+v.query() {
			t.Errorf("%s: the address became %q", u, got.Address)
		}
		if ps := tb.problems(); len(ps) > 0 {
			t.Errorf("%s:\n  %s", u, strings.Join(ps, "\n  "))
		}

		// one more urgency, an addressee and words: the address follows
		eval[bool](tb, `document.querySelector("#explorer-form input[name=urgency][value=invite]").click(), true`)
		eval[bool](tb, `document.querySelector("#explorer-form input[name=addressee][value=all]").click(), true`)
		// the address lists the values in the order of the options
		chapters := slices.Clone(v.Want["chapter"])
		slices.SortFunc(chapters, func(a, b string) int { return chapterIndex(d, a) - chapterIndex(d, b) })
		v2 := view{Want: map[string][]string{"urgency": {"require", "request", "invite"}, "chapter": chapters, "addressee": {"all"}}}
		got = checkExplorer(t, tb, u+" + invite, all", d, v2)
		if got.Address != "?"+v2.query() {
			t.Errorf("%s: after a change the address is %q, want ?%s", u, got.Address, v2.query())
		}
		v3 := view{Want: map[string][]string{"article": {"25"}}, Words: "committee Lith"}
		tb.open(base(seedSlug + "/recommendations/index.html?" + v3.query()))
		checkExplorer(t, tb, "article and words", d, v3)
		eval[bool](tb, `document.querySelector("#explorer-form button[type=reset]").click(), true`)
		tb.waitFor(`location.search === ""`, "the address without filters after Clear", actionTimeout)
		checkExplorer(t, tb, "cleared", d, view{})
	}
}

// TestExplorerSingleFile: in the single-file edition, opened alone, the view
// is in the fragment.
func TestExplorerSingleFile(t *testing.T) {
	d := loadExplorerData(t)
	alone := copyAlone(t, seedSlug+".html", builtFile(t, "downloads/"+seedSlug+".html"))
	v := view{Want: map[string][]string{"urgency": {"require"}}}
	tb := newTab(t)
	u := "file://" + filepath.ToSlash(alone) + "#recommendations?" + v.query()
	tb.open(u)
	checkExplorer(t, tb, u, d, v)
	eval[bool](tb, `document.querySelector("#explorer-form input[name=chapter][value=iv]").click(), true`)
	v.Want["chapter"] = []string{"iv"}
	got := checkExplorer(t, tb, u+" + chapter IV", d, v)
	if got.Address != "#recommendations?"+v.query() {
		t.Errorf("%s: the fragment became %q, want #recommendations?%s", u, got.Address, v.query())
	}
	if err := tb.do(chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	checkExplorer(t, tb, u+" reloaded", d, v)
	words := view{Want: map[string][]string{"urgency": {"require", "request"}}, Words: "committee Lith"}
	u = "file://" + filepath.ToSlash(alone) + "#recommendations?" + words.query()
	tb.open(u)
	checkExplorer(t, tb, u, d, words)
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("%s:\n  %s", u, strings.Join(ps, "\n  "))
	}
}

// chapterIndex is the place of a chapter (by its lower-case numeral) in the document.
func chapterIndex(d explorerData, slug string) int {
	for i, r := range d.Recs {
		if strings.ToLower(r.Chapter) == slug {
			return i
		}
	}
	return -1
}
