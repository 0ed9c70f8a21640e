package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// reflowJS lists what sticks out of the viewport to the right, outside
// containers that scroll on their own (WCAG 1.4.10 allows those for tables).
const reflowJS = `(() => {
  const W = document.documentElement.clientWidth, out = [];
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") return true; } return false; };
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 1 && !scrolls(el) && getComputedStyle(el).position !== "fixed") {
      out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") + " " + Math.round(r.right) + "px");
    }
  }
  return {width: W, scrollWidth: document.documentElement.scrollWidth, over: out.slice(0, 5)};
})()`

type reflow struct {
	Width       int      `json:"width"`
	ScrollWidth int      `json:"scrollWidth"`
	Over        []string `json:"over"`
}

// TestReflow320 opens each page type in a 320 px wide mobile viewport, as
// WCAG 1.4.10 (Reflow) asks: nothing makes the page scroll sideways.
func TestReflow320(t *testing.T) {
	slug := loadSeed(t).Slug
	tb := newTab(t)
	if err := tb.do(chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, page := range axePages(slug) {
		tb.open(fileURL(page))
		tb.settle()
		r := eval[reflow](tb, reflowJS)
		if r.Width > 320 {
			t.Fatalf("%s: the viewport is %d px wide, want 320", page, r.Width)
		}
		if r.ScrollWidth > r.Width+1 || len(r.Over) > 0 {
			t.Errorf("%s at 320 px: the page is %d px wide; sticking out: %s", page, r.ScrollWidth, strings.Join(r.Over, ", "))
		}
	}
	// the check itself: a 600 px wide block must be seen
	eval[bool](tb, `(() => { const d = document.createElement("div"); d.style.width = "600px"; d.style.height = "1px"; document.querySelector("main").append(d); return true; })()`)
	if r := eval[reflow](tb, reflowJS); len(r.Over) == 0 {
		t.Errorf("a 600 px wide block added to the page was not seen: %+v", r)
	}
}
