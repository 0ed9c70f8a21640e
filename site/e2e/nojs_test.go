package e2e

import (
	"strings"
	"testing"
)

// TestWithoutJavaScript opens pages with scripts disabled, as some readers
// and locked-down browsers do: the list of recommendations shows every
// identifier, a chapter shows its recommendations, and the search page says
// how to find things without search instead of staying empty.
func TestWithoutJavaScript(t *testing.T) {
	seed := loadSeed(t)
	tb := newTabWithoutScripts(t)
	visibleWords := func() string {
		// Runtime.evaluate still runs with page scripts disabled
		return " " + strings.Join(words(eval[string](tb, `document.body.innerText`)), " ") + " "
	}

	list := seed.Slug + "/recommendations/index.html"
	tb.open(fileURL(list))
	if eval[bool](tb, `typeof window.factsheetSearch !== "undefined"`) {
		t.Fatal("scripts still ran with script execution disabled")
	}
	text := visibleWords()
	for _, r := range seed.Recommendations {
		if !strings.Contains(text, " "+strings.Join(words(r.ID), " ")+" ") {
			t.Errorf("%s without JavaScript: %s is not shown", list, r.ID)
		}
	}

	chapter := seed.Slug + "/chapters/iv.html"
	tb.open(fileURL(chapter))
	text = visibleWords()
	for _, r := range seed.Recommendations {
		if r.Chapter == "IV" && !strings.Contains(text, " "+strings.Join(words(r.ID), " ")+" ") {
			t.Errorf("%s without JavaScript: %s is not shown", chapter, r.ID)
		}
	}

	search := seed.Slug + "/search.html"
	tb.open(fileURL(search + "?q=helpline"))
	links := eval[int](tb, `[...document.querySelectorAll("main a[href]")].filter(a => a.getClientRects().length > 0).length`)
	if links == 0 {
		t.Errorf("%s without JavaScript: no visible link in <main> to browse instead of searching", search)
	}
}
