package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the focused element and how it is drawn.
type focused struct {
	Tag     string  `json:"tag"`
	ID      string  `json:"id"`
	Href    string  `json:"href"`
	Text    string  `json:"text"`
	InMain  bool    `json:"inMain"`
	Outline string  `json:"outline"` // style, width and colour of the outline
	Shadow  string  `json:"shadow"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
	OnTop   bool    `json:"onTop"` // the element is what the viewport shows at its centre
	InView  bool    `json:"inView"`
}

// focusedJS describes document.activeElement, and keeps it as window.__e2eFocused
// so that its blurred style can be read after.
const focusedJS = `(() => {
  const el = document.activeElement || document.body;
  window.__e2eFocused = el;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute("href") || "",
    text: (el.textContent || "").trim().slice(0, 60), inMain: !!el.closest("main"),
    outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, shadow: s.boxShadow,
    width: r.width, height: r.height, onTop: !!hit && (hit === el || el.contains(hit)),
    inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
})()`

// blurredJS blurs the element focusedJS kept and returns its outline and shadow then.
const blurredJS = `(() => {
  const el = window.__e2eFocused; el.blur();
  const s = getComputedStyle(el);
  return [s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor, s.boxShadow];
})()`

// checkFocusVisible fails when the focused element looks the same unfocused.
func checkFocusVisible(t *testing.T, tb *tab, f focused, where string) {
	t.Helper()
	blurred := eval[[]string](tb, blurredJS)
	if f.Outline == blurred[0] && f.Shadow == blurred[1] {
		t.Errorf("%s: focus is not visible on <%s> %q: outline %q and box-shadow %q are the same focused and not", where, f.Tag, f.Text, f.Outline, f.Shadow)
	}
	if strings.HasPrefix(f.Outline, "none") && f.Shadow == blurred[1] {
		t.Errorf("%s: focused <%s> %q has no outline (%q)", where, f.Tag, f.Text, f.Outline)
	}
}

// TestKeyboardSkipLink: on a chapter page, the first Tab stop is a visible
// "skip" link to <main>; following it, the next Tab stop is inside main; focus
// is visible on both.
func TestKeyboardSkipLink(t *testing.T) {
	page := loadSeed(t).Slug + "/chapters/ii.html"
	tb := newTab(t)
	tb.open(fileURL(page))
	tb.press(kb.Tab)
	skip := eval[focused](tb, focusedJS)
	mainID := eval[string](tb, `(document.querySelector("main") || {}).id || ""`)
	switch {
	case skip.Tag != "a" || mainID == "" || skip.Href != "#"+mainID:
		t.Fatalf("%s: the first Tab stop is <%s href=%q> %q, want a link to #%s, the <main>", page, skip.Tag, skip.Href, skip.Text, mainID)
	case !skip.InView || skip.Width < 2 || skip.Height < 2 || !skip.OnTop:
		t.Errorf("%s: the focused skip link is not visible (in view %v, %.0fx%.0f px, on top %v)", page, skip.InView, skip.Width, skip.Height, skip.OnTop)
	}
	checkFocusVisible(t, tb, skip, page+" skip link")

	tb.open(fileURL(page))
	tb.press(kb.Tab)
	tb.press(kb.Enter)
	if hash := eval[string](tb, `location.hash`); hash != "#"+mainID {
		t.Errorf("%s: Enter on the skip link leads to %q, want #%s", page, hash, mainID)
	}
	tb.press(kb.Tab)
	next := eval[focused](tb, focusedJS)
	if !next.InMain {
		t.Fatalf("%s: after the skip link, Tab focuses <%s> %q outside <main>", page, next.Tag, next.Text)
	}
	checkFocusVisible(t, tb, next, page+" first link in main")
}

// TestKeyboardSearch: from a chapter page, Tab reaches the search field and
// "/" focuses it; typing an identifier, ArrowDown and Enter open its page.
func TestKeyboardSearch(t *testing.T) {
	slug := loadSeed(t).Slug
	page := slug + "/chapters/ii.html"
	tb := newTab(t)
	tb.open(fileURL(page))
	reached := false
	for i := 0; i < 6 && !reached; i++ {
		tb.press(kb.Tab)
		reached = eval[focused](tb, focusedJS).ID == "site-search-input"
	}
	if !reached {
		t.Errorf("%s: the search field is not among the first 6 Tab stops", page)
	}

	tb.open(fileURL(page))
	tb.press("/")
	if f := eval[focused](tb, focusedJS); f.ID != "site-search-input" {
		t.Fatalf("%s: '/' focuses <%s id=%q>, want the search field", page, f.Tag, f.ID)
	}
	if v := eval[string](tb, `document.getElementById("site-search-input").value`); v != "" {
		t.Errorf("%s: '/' was typed into the search field (%q)", page, v)
	}
	tb.press("IV-5")
	tb.waitFor(`(() => { const r = document.getElementById("site-search-results");
		return !!r && !r.hidden && r.querySelectorAll("[role=option]").length > 0; })()`,
		page+": results listed under the search field after typing IV-5", 5*time.Second)
	tb.press(kb.ArrowDown)
	tb.press(kb.Enter)
	want := "/" + slug + "/recommendations/iv-5.html"
	var got string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if loc, err := tryEval[string](tb, `document.readyState === "complete" ? location.pathname : ""`); err == nil && strings.HasSuffix(loc, want) {
			got = loc
			break
		} else if err == nil {
			got = loc
		}
	}
	if !strings.HasSuffix(got, want) {
		t.Errorf("%s: typing IV-5, ArrowDown, Enter leads to %q, want …%s", page, got, want)
	}
}

// explainedJS tells, for the focused element, its accessible description
// (aria-describedby) and whether the given text is shown on screen: by a
// visible element in the viewport, or by a ::before/::after of the focused element.
const explainedJS = `((meaning) => {
  const el = document.activeElement, norm = s => s.replace(/\s+/g, " ").trim().toLowerCase();
  const want = norm(meaning).split(" ").slice(0, 8).join(" ");
  const desc = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)
    .map(id => (document.getElementById(id) || {}).textContent || "").join(" ");
  let shown = false;
  for (const pseudo of ["::after", "::before"]) {
    const s = getComputedStyle(el, pseudo);
    if (s.display !== "none" && s.visibility !== "hidden" && norm(s.content).includes(want)) shown = true;
  }
  for (const e of document.body.querySelectorAll("*")) {
    if (shown) break;
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.width > 0 && r.bottom > 0 && r.top < innerHeight && s.visibility !== "hidden" &&
        norm(e.innerText || "").includes(want)) shown = true;
  }
  return {desc: desc, shown: shown, text: (el.textContent || "").trim()};
})`

// explained is explainedJS's answer.
type explained struct {
	Desc  string `json:"desc"`
	Shown bool   `json:"shown"`
}

// TestKeyboardBadgeExplained: tabbing to an urgency badge on a chapter page,
// its meaning is both its accessible description and shown on screen.
func TestKeyboardBadgeExplained(t *testing.T) {
	seed := loadSeed(t)
	meanings := map[string]string{}
	for _, l := range seed.Levels {
		meanings[l.Word] = l.Meaning
	}
	if len(meanings) != 3 {
		t.Fatalf("recommendations.json has %d urgency levels, want 3", len(meanings))
	}
	page := seed.Slug + "/chapters/ii.html"
	tb := newTab(t)
	tb.open(fileURL(page))
	for i := 0; i < 40; i++ {
		tb.press(kb.Tab)
		f := eval[focused](tb, focusedJS)
		meaning, ok := meanings[f.Text]
		if !ok {
			continue
		}
		b, _ := json.Marshal(meaning)
		got := eval[explained](tb, explainedJS+"("+string(b)+")")
		if !strings.Contains(strings.Join(strings.Fields(got.Desc), " "), meaning) {
			t.Errorf("%s: the focused badge %q is described as %q, want its meaning %q", page, f.Text, got.Desc, meaning)
		}
		if !got.Shown {
			t.Errorf("%s: focusing the badge %q does not show its meaning on screen", page, f.Text)
		}
		eval[bool](tb, `document.activeElement.blur(), true`)
		if eval[explained](tb, explainedJS+"("+string(b)+")").Shown {
			t.Logf("%s: the meaning of %q is on screen without focus too (a visible legend?)", page, f.Text)
		}
		return
	}
	t.Errorf("%s: no urgency badge among the first 40 Tab stops", page)
}

// focusStepJS records, at each Tab stop, how the focused element is drawn,
// and compares the previous stop's drawing focused and not: a stop whose
// outline, box-shadow, colours, border and text decoration are all the same
// both ways has no visible focus indicator. It returns the focused element's
// description, or "" at the end of the Tab order: the body, or an element
// focused before.
const focusStepJS = `(() => {
  const look = el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor,
    s.boxShadow, s.backgroundColor, s.color, s.borderColor, s.textDecorationLine, s.textDecorationThickness].join("|"); };
  const desc = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + JSON.stringify((el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30));
  window.__e2eFails = window.__e2eFails || [];
  const prev = window.__e2ePrev;
  if (prev && prev.el !== document.activeElement && look(prev.el) === prev.look) window.__e2eFails.push(desc(prev.el));
  const el = document.activeElement;
  window.__e2eSeen = window.__e2eSeen || new Set();
  if (!el || el === document.body || window.__e2eSeen.has(el)) { window.__e2ePrev = null; return ""; }
  window.__e2eSeen.add(el);
  window.__e2ePrev = {el: el, look: look(el)};
  return desc(el);
})()`

// TestKeyboardFocusEverywhere tabs through every stop of each page type and
// checks that each one shows focus.
func TestKeyboardFocusEverywhere(t *testing.T) {
	slug := loadSeed(t).Slug
	tb := newTab(t)
	for _, page := range []string{slug + "/index.html", slug + "/chapters/ii.html", slug + "/recommendations/iv-5.html", slug + "/recommendations/index.html", "index.html"} {
		tb.open(fileURL(page))
		stops := 0
		for ; stops < 600; stops++ {
			tb.press(kb.Tab)
			if eval[string](tb, focusStepJS) == "" {
				break // the step that ends the order also compared the last stop
			}
		}
		fails := eval[[]string](tb, `window.__e2eFails`)
		for _, f := range fails {
			t.Errorf("%s: no visible focus on %s", page, f)
		}
		if stops < 3 {
			t.Errorf("%s: only %d Tab stops", page, stops)
		}
		t.Logf("%s: %d Tab stops, %d without visible focus", page, stops, len(fails))
	}
}

// TestKeyboardFocusCheckCanFail removes every focus style from the root page
// (a constructed stylesheet, which the CSP allows) and makes sure the check
// of TestKeyboardFocusEverywhere then fails.
func TestKeyboardFocusCheckCanFail(t *testing.T) {
	siteDir(t)
	tb := newTab(t)
	tb.open(fileURL("index.html"))
	eval[bool](tb, `(() => { const s = new CSSStyleSheet();
	  s.replaceSync("*, *:focus, *:focus-visible { outline: none !important; box-shadow: none !important; text-decoration: none !important; background: none !important; color: black !important; border-color: black !important; }");
	  document.adoptedStyleSheets = [s]; return true; })()`)
	for i := 0; i < 50; i++ {
		tb.press(kb.Tab)
		if eval[string](tb, focusStepJS) == "" {
			break
		}
	}
	if fails := eval[[]string](tb, `window.__e2eFails`); len(fails) == 0 {
		t.Error("with every focus style removed, the check found no stop without visible focus")
	}
}

// TestBadgeTooltipOnHover: the pointer over an urgency badge of a
// recommendation page's list shows the badge's meaning, which the page says
// once, in its legend (assets/badges.js), and not in every badge.
func TestBadgeTooltipOnHover(t *testing.T) {
	seed := loadSeed(t)
	page := seed.Slug + "/recommendations/iv-5.html"
	tb := newTab(t)
	tb.open(fileURL(page))
	type box struct {
		X, Y    float64
		Tip     bool   `json:"tip"`
		Meaning string `json:"meaning"`
	}
	b := eval[box](tb, `(() => {
  const a = document.querySelector(".rec-list .badge[aria-describedby]");
  if (!a) return {X: -1};
  a.scrollIntoView({block: "center"});
  const r = a.getBoundingClientRect();
  const d = document.getElementById(a.getAttribute("aria-describedby"));
  return {X: r.left + r.width / 2, Y: r.top + r.height / 2, tip: a.hasAttribute("data-tip"), meaning: d ? d.textContent : ""};
})()`)
	if b.X < 0 {
		t.Fatalf("%s: no described badge in the list of the chapter's recommendations", page)
	}
	if b.Tip {
		t.Errorf("%s: a described badge repeats its meaning in data-tip", page)
	}
	if err := tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, b.X, b.Y)); err != nil {
		t.Fatal(err)
	}
	shown := eval[string](tb, `getComputedStyle(document.querySelector(".rec-list .badge[aria-describedby]"), "::after").content`)
	want := strings.Join(strings.Fields(b.Meaning), " ")
	if want == "" || !strings.Contains(shown, want) {
		t.Errorf("%s: hovering a badge shows %s, want its description %q", page, shown, want)
	}
}
