package search

import (
	"slices"
	"testing"
)

// TestTokensAsBleve checks that the tokenizer's segmentation and remembered
// filters give, for every text of the seed, the tokens of bleve's analyzer
// called on the text, in English and in French.
func TestTokensAsBleve(t *testing.T) {
	doc, _ := seedIndex(t)
	for _, tag := range []string{"en", "fr"} {
		tz, err := languageOf(tag).newTokenizer()
		if err != nil {
			t.Fatal(err)
		}
		if tz.filters == nil {
			t.Fatalf("%s: the analyzer is not a unicode tokenizer and filters", tag)
		}
		for _, r := range records(doc) {
			for _, text := range fieldTexts(r) {
				for range 2 { // the second time, from what the first remembered
					got, want := tz.tokens(text, nil), tz.analyzed(text, nil)
					if !slices.EqualFunc(got, want, sameToken) {
						t.Fatalf("%s: %q: tokens %v, bleve's %v", tag, text, got, want)
					}
				}
			}
		}
	}
}

func sameToken(a, b token) bool {
	return a.term == b.term && a.word == b.word && a.start == b.start && a.end == b.end
}
