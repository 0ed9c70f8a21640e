package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printed is what a page shows when printed.
type printed struct {
	SearchShown bool     `json:"searchShown"` // the search form takes room on paper
	Text        string   `json:"text"`        // the printed text (innerText under print media)
	Footnotes   int      `json:"footnotes"`   // footnotes (id fn-N) printed
	Chapters    int      `json:"chapters"`    // chapter sections (id chapter-<numeral>) in the page
	NoBreak     []string `json:"noBreak"`     // of them, those after the first not starting a new page
}

const printedJS = `(() => {
  const shown = el => !!el && getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
  const chapters = [...document.querySelectorAll("[id^=chapter-]")].filter(e => /^chapter-[ivxlcdm]+$/.test(e.id));
  return {
    searchShown: shown(document.querySelector("form.site-search, [role=search]")),
    text: document.body.innerText,
    footnotes: [...document.querySelectorAll("[id^=fn-]")].filter(e => /^fn-\d+$/.test(e.id) && shown(e)).length,
    chapters: chapters.length,
    noBreak: chapters.slice(1).filter(e => !["page", "left", "right", "recto", "verso"].includes(getComputedStyle(e).breakBefore)).map(e => e.id),
  };
})()`

// printMedia makes the tab's pages use their print styles.
func printMedia(t *testing.T, tb *tab) {
	t.Helper()
	err := tb.do(chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// TestPrint prints chapter IV and the single-file edition (print media):
// no search form on paper; recommendation identifiers, urgency words and
// footnotes kept; each chapter of the single-file edition on a new page.
func TestPrint(t *testing.T) {
	seed := loadSeed(t)
	tb := newTab(t)
	printMedia(t, tb)
	for _, page := range []string{seed.Slug + "/chapters/iv.html", "downloads/" + seed.Slug + ".html"} {
		tb.open(fileURL(page))
		if !eval[bool](tb, `matchMedia("print").matches`) {
			t.Fatalf("%s: print media not emulated", page)
		}
		p := eval[printed](tb, printedJS)
		if p.SearchShown {
			t.Errorf("%s: the search form is printed", page)
		}
		for _, want := range []string{"IV-5", "IV-9", "Require", "Request"} {
			if !strings.Contains(p.Text, want) {
				t.Errorf("%s: the printed text lacks %q", page, want)
			}
		}
		if p.Footnotes == 0 {
			t.Errorf("%s: no footnote printed", page)
		}
		if single := strings.HasPrefix(page, "downloads/"); single && p.Chapters < 2 {
			t.Errorf("%s: %d chapter sections (id chapter-<numeral>) found, want every chapter", page, p.Chapters)
		}
		if len(p.NoBreak) > 0 {
			t.Errorf("%s: chapters not starting a new page in print: %v", page, p.NoBreak)
		}
	}
}
