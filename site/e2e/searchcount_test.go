package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestSearchBoxOneResult: a query with a single result says "1 result",
// not "All 1 results", in the search box's last option.
func TestSearchBoxOneResult(t *testing.T) {
	tb := newTab(t)
	page := seedSlug + "/index.html"
	tb.open(fileURL(page))
	const query = "grooming"
	if n := eval[int](tb, `window.factsheetSearch.search("`+query+`", {limit: 100}).length`); n != 1 {
		t.Fatalf("%q has %d results in the seed; the test needs a query with exactly one", query, n)
	}
	tb.press("/")
	tb.press(query)
	tb.waitFor(`!document.getElementById("site-search-results").hidden`, page+": results listed after typing "+query, 5*time.Second)
	c := eval[combo](tb, comboJS)
	if len(c.Options) != 2 || !strings.HasSuffix(c.Options[1], ": 1 result") {
		t.Errorf("%s: options %q, want the result and \"1 result\"", page, c.Options)
	}
}
