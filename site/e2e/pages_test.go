package e2e

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"testing"
	"unicode"
)

// recommendation is one entry of <slug>/recommendations.json, the fields the tests use.
type recommendation struct {
	ID      string   `json:"id"`
	IDs     []string `json:"ids"`
	Chapter string   `json:"chapter"`
	Urgency string   `json:"urgency"`
	Text    string   `json:"text"`
	URL     string   `json:"url"`
}

// level is an urgency level of recommendations.json: its word and meaning.
type level struct {
	Urgency string `json:"urgency"`
	Word    string `json:"word"`
	Meaning string `json:"meaning"`
}

// seedData is the seed factsheet's slug, levels and recommendations, read from the built site.
type seedData struct {
	Slug            string
	Levels          []level
	Recommendations []recommendation
}

// seedSlug is the slug of the seed factsheet, content/lithuania.md.
const seedSlug = "lithuania"

// seedRecommendationCount is the number of recommendation identifiers of the seed.
const seedRecommendationCount = 90

// loadSeed reads the seed's recommendations.json from the built site.
func loadSeed(t testing.TB) seedData {
	t.Helper()
	name := seedSlug + "/recommendations.json"
	b := builtFile(t, name)
	var data struct {
		Factsheet struct {
			Slug string `json:"slug"`
		} `json:"factsheet"`
		Levels          []level          `json:"levels"`
		Recommendations []recommendation `json:"recommendations"`
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if data.Factsheet.Slug != seedSlug {
		t.Errorf("%s: factsheet.slug is %q, want %q", name, data.Factsheet.Slug, seedSlug)
	}
	return seedData{Slug: seedSlug, Levels: data.Levels, Recommendations: data.Recommendations}
}

// shown is what a page shows of a recommendation in the browser's viewport.
type shown struct {
	Found    bool    `json:"found"`    // the anchor exists (always true without one)
	Top      float64 `json:"top"`      // the anchored block's top, in CSS pixels from the viewport's top
	Height   float64 `json:"height"`   // the viewport's height
	Covered  string  `json:"covered"`  // the element covering the block's first line, if not the block itself
	Visible  string  `json:"visible"`  // text of the viewport, without footnote numbers
	Location string  `json:"location"` // the page's address
}

// shownJS computes a shown value for the element with the id passed ("" for none).
const shownJS = `((id) => {
  const H = innerHeight, W = innerWidth;
  const out = {found: true, top: 0, height: H, covered: "", visible: "", location: location.href};
  if (id) {
    const anchor = document.getElementById(id);
    if (!anchor) { out.found = false; return out; }
    let el = anchor; // an empty anchor stands for the block holding it
    while (el.parentElement && el.textContent.trim() === "") el = el.parentElement;
    const r = el.getBoundingClientRect();
    out.top = anchor.getClientRects().length ? anchor.getBoundingClientRect().top : r.top;
    const hit = document.elementFromPoint(r.left + Math.min(24, r.width / 2), r.top + Math.min(8, r.height / 2));
    if (hit && !el.contains(hit) && !hit.contains(el)) out.covered = hit.tagName.toLowerCase() + (hit.id ? "#" + hit.id : "") + (hit.className ? "." + hit.className : "");
  }
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode, el = n.parentElement;
    if (!el || el.closest("sup, script, style, noscript, [hidden], [aria-hidden=true]")) continue;
    const st = getComputedStyle(el);
    if (st.visibility === "hidden" || st.display === "none") continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.bottom > 0 && r.top < H && r.right > 0 && r.left < W) { parts.push(n.data); break; }
    }
  }
  out.visible = parts.join(" ");
  return out;
})`

// show evaluates what the open page shows, around the element with the id.
func show(tb *tab, id string) shown {
	tb.t.Helper()
	return eval[shown](tb, fmt.Sprintf("%s(%q)", shownJS, id))
}

// words lower-cases s and splits it into words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// windowShown tells whether some run of k consecutive words of text (all of
// it when shorter) appears in the visible text.
func windowShown(visible, text string, k int) bool {
	vis := " " + strings.Join(words(visible), " ") + " "
	w := words(text)
	if len(w) < k {
		k = len(w)
	}
	for i := 0; i+k <= len(w); i++ {
		if strings.Contains(vis, " "+strings.Join(w[i:i+k], " ")+" ") {
			return true
		}
	}
	return false
}

// checkShown reports how a page fails to show a recommendation.
func checkShown(t testing.TB, where string, s shown, r recommendation, id string, anchored bool) {
	t.Helper()
	switch {
	case !s.Found:
		t.Errorf("%s: no element with the id %s", where, "rec-"+strings.ToLower(id))
		return
	case anchored && (s.Top < -2 || s.Top > s.Height*0.8):
		t.Errorf("%s: the recommendation's block starts at %.0f px, outside the top of the %.0f px viewport", where, s.Top, s.Height)
	case anchored && s.Covered != "":
		t.Errorf("%s: the recommendation's first line is covered by <%s>", where, s.Covered)
	}
	if !windowShown(s.Visible, r.Text, 8) {
		t.Errorf("%s: the viewport does not show the recommendation's words %q...\nvisible: %.400s", where, firstWords(r.Text, 12), s.Visible)
	}
	if !anchored && !strings.Contains(" "+strings.Join(words(s.Visible), " ")+" ", " "+strings.Join(words(id), " ")+" ") {
		t.Errorf("%s: the identifier %s is not shown in the viewport", where, id)
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// recPage and chapterAnchor are the two addresses of a recommendation, relative to public/.
func recPage(slug, id string) string {
	return slug + "/recommendations/" + strings.ToLower(id) + ".html"
}
func chapterAnchor(slug string, r recommendation, id string) string {
	return slug + "/chapters/" + strings.ToLower(r.Chapter) + ".html#rec-" + strings.ToLower(id)
}

// TestIV5FromFile is the first browser test of the core issue: the page of
// recommendation IV-5 and its place in chapter IV, opened from file://, show it.
func TestIV5FromFile(t *testing.T) {
	seed := loadSeed(t)
	var iv5 *recommendation
	for i, r := range seed.Recommendations {
		if r.ID == "IV-5" {
			iv5 = &seed.Recommendations[i]
		}
	}
	if iv5 == nil {
		t.Fatal("recommendations.json has no IV-5")
	}
	tb := newTab(t)
	tb.open(fileURL(recPage(seed.Slug, "IV-5")))
	checkShown(t, "recommendations/iv-5.html", show(tb, ""), *iv5, "IV-5", false)
	tb.open(fileURL(chapterAnchor(seed.Slug, *iv5, "IV-5")))
	checkShown(t, "chapters/iv.html#rec-iv-5", show(tb, "rec-iv-5"), *iv5, "IV-5", true)
	if ps := tb.problems(); len(ps) > 0 {
		t.Errorf("chapters/iv.html:\n%s", strings.Join(ps, "\n"))
	}
}

// TestEveryRecommendationInView opens both addresses of every recommendation
// identifier listed in recommendations.json, from file://.
func TestEveryRecommendationInView(t *testing.T) {
	seed := loadSeed(t)
	if n := len(seed.Recommendations); n != seedRecommendationCount {
		t.Errorf("recommendations.json lists %d identifiers, want %d for the seed", n, seedRecommendationCount)
	}
	seen := map[string]bool{}
	tb := newTab(t)
	for _, r := range seed.Recommendations {
		if seen[r.ID] {
			t.Errorf("recommendations.json lists %s twice", r.ID)
		}
		seen[r.ID] = true
		if want := recPage(seed.Slug, r.ID); r.URL != want {
			t.Errorf("%s: url %q, want %q", r.ID, r.URL, want)
		}
		page := recPage(seed.Slug, r.ID)
		if err := tb.tryOpen(fileURL(page)); err != nil {
			t.Error(err)
		} else {
			checkShown(t, page, show(tb, ""), r, r.ID, false)
		}
		anchor := chapterAnchor(seed.Slug, r, r.ID)
		if err := tb.tryOpen(fileURL(anchor)); err != nil {
			t.Error(err)
		} else {
			checkShown(t, anchor, show(tb, "rec-"+strings.ToLower(r.ID)), r, r.ID, true)
		}
	}
}

// TestEveryPage opens every page of the built site from file:// and over HTTP
// under /repo/: no console error, no failed request, no request leaving the machine.
func TestEveryPage(t *testing.T) {
	pages := htmlPages(t)
	for _, mode := range []struct {
		name string
		url  func(string) string
	}{{"file", fileURL}, {"http", httpURL}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			for _, p := range pages {
				u := mode.url(p)
				if path.Base(p) == "search.html" {
					u += "?q=helpline"
				}
				if err := tb.tryOpen(u); err != nil {
					t.Error(err)
					continue
				}
				tb.settle()
				if ps := tb.problems(); len(ps) > 0 {
					t.Errorf("%s:\n  %s", u, strings.Join(ps, "\n  "))
				}
			}
			t.Logf("%d pages opened from %s", len(pages), mode.name)
		})
	}
}

// TestMissingPageOverHTTP asks the server for a page that does not exist, as
// a mistyped link on GitHub Pages would: the site's 404 page comes with its
// style and a way home, and nothing else fails.
func TestMissingPageOverHTTP(t *testing.T) {
	siteDir(t)
	tb := newTab(t)
	u := httpURL("no-such-page.html")
	tb.open(u)
	tb.settle()
	var others []string
	for _, p := range tb.problems() {
		own := p == "failed request: "+u+": HTTP 404" || strings.HasSuffix(p, "status of 404 (Not Found) ("+u+")")
		if !own {
			others = append(others, p)
		}
	}
	if len(others) > 0 {
		t.Errorf("%s:\n  %s", u, strings.Join(others, "\n  "))
	}
	home := eval[int](tb, `[...document.querySelectorAll("a[href]")].filter(a => /(^|\/)index\.html$/.test(new URL(a.href).pathname)).length`)
	styled := eval[int](tb, `document.styleSheets.length`)
	if home == 0 || styled == 0 {
		t.Errorf("%s: the 404 page has %d link(s) to a home page and %d stylesheet(s); want both", u, home, styled)
	}
}

// recorder stands for a test in TestShownCanFail, keeping its errors.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// TestShownCanFail makes sure the viewport check rejects what it must: the
// page of IV-5 checked against another recommendation's text, and chapter IV
// opened at its top checked for IV-5's anchor.
func TestShownCanFail(t *testing.T) {
	seed := loadSeed(t)
	var iv5, other recommendation
	for _, r := range seed.Recommendations {
		switch {
		case r.ID == "IV-5":
			iv5 = r
		case r.Chapter == "II" && other.ID == "":
			other = r
		}
	}
	tb := newTab(t)
	tb.open(fileURL(recPage(seed.Slug, "IV-5")))
	rec := &recorder{TB: t}
	checkShown(rec, "iv-5.html checked with "+other.ID, show(tb, ""), other, other.ID, false)
	if len(rec.errors) != 2 {
		t.Errorf("the page of IV-5 checked against %s's text and identifier: want 2 errors, got %q", other.ID, rec.errors)
	}
	tb.open(fileURL(seed.Slug + "/chapters/iv.html"))
	rec = &recorder{TB: t}
	checkShown(rec, "chapters/iv.html (top)", show(tb, "rec-iv-5"), iv5, "IV-5", true)
	if len(rec.errors) == 0 {
		t.Errorf("chapter IV opened at its top passed the check for #rec-iv-5")
	}
}

func TestWindowShown(t *testing.T) {
	text := "The Committee requests Lithuania to ensure that training on ICT-facilitated offences is available."
	for _, tt := range []struct {
		visible string
		want    bool
	}{
		{"… ensure that training on ICT facilitated offences is available. Next", true},
		{"LITHUANIA TO ENSURE THAT TRAINING ON ICT-FACILITATED OFFENCES", true},
		{"The Committee requests Lithuania to ensure", false},
		{"ensure that training on ICT facilitated crimes is available", false},
	} {
		if got := windowShown(tt.visible, text, 8); got != tt.want {
			t.Errorf("windowShown(%q) = %v, want %v", tt.visible, got, tt.want)
		}
	}
}
