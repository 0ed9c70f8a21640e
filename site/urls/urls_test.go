package urls

import "testing"

// TestScheme: the addresses are those the README documents as stable.
func TestScheme(t *testing.T) {
	f := Factsheet("lithuania")
	for got, want := range map[string]string{
		f.Home():                 "lithuania/index.html",
		f.Chapter("IV"):          "lithuania/chapters/iv.html",
		f.Recommendation("IV-5"): "lithuania/recommendations/iv-5.html",
		f.List():                 "lithuania/recommendations/index.html",
		f.Search():               "lithuania/search.html",
		f.SearchIndex():          "lithuania/search-index.js",
		f.SingleFile():           "downloads/lithuania.html",
		f.OfflineZip():           "downloads/lithuania-offline.zip",
		RecAnchor("IV-5"):        "rec-iv-5",
		Entry("IV-5"):            "recommendation-iv-5",
		ChapterAnchor("IV"):      "chapter-iv",
		f.Patterns()["entry"]:    "#recommendation-{}",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if !f.Owns("lithuania/chapters/iv.html") || f.Owns("lithuania-2/index.html") || f.Owns(f.SingleFile()) {
		t.Error("Owns must hold for the factsheet's folder only")
	}
}
