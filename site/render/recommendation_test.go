package render

import (
	"strings"
	"testing"

	"factsheet/site/urls"
)

// TestOthersMarkCurrent: every recommendation page lists each identifier of
// its chapter once, its own (first, last or between) as the current page.
func TestOthersMarkCurrent(t *testing.T) {
	doc := seedDoc(t)
	files := renderSeed(t, "")
	for _, e := range entries(doc) {
		page := string(files[urls.Factsheet(doc.Meta.Slug).Recommendation(e.ID)])
		_, others, _ := strings.Cut(page, `<section class="others"`)
		others, _, _ = strings.Cut(others, `</section>`)
		own := `<span class="rec-id" aria-current="page">` + e.ID + `</span>`
		if strings.Count(others, "<li ") != countIn(entries(doc), e) || strings.Count(others, `aria-current="page"`) != 1 || !strings.Contains(others, own) {
			t.Errorf("%s: the list of its chapter does not hold each identifier once with its own current:\n%s", e.ID, others)
		}
	}
}

// countIn counts the entries of es in the chapter of e.
func countIn(es []entry, e entry) int {
	n := 0
	for _, o := range es {
		if o.Rec.Chapter == e.Rec.Chapter {
			n++
		}
	}
	return n
}
