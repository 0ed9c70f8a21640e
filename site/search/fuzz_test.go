package search

import (
	"testing"
	"unicode/utf8"
)

// FuzzQuery feeds arbitrary text to the query parser and to Search over the
// seed: no panic, no error, at most n distinct hits under the factsheet's
// folder, identifiers typed coming first. The seed corpus is the query set.
//
//	go test ./site/search -run '^$' -fuzz FuzzQuery -fuzztime 60s
func FuzzQuery(f *testing.F) {
	for _, q := range loadQueries(f) {
		f.Add(q.Query)
		f.Add(q.Query + " ")
	}
	f.Add("iv-5 IV 5 iv5 x-5 require invites")
	f.Add("’s 's ＇s")
	f.Add("\xff\xfe invalid utf-8")
	_, ix := seedIndex(f)
	known := func(id string) bool { _, ok := ix.ids[id]; return ok }
	f.Fuzz(func(t *testing.T, q string) {
		pq := ParseQuery(q, known)
		if len(pq.Words) > maxWords {
			t.Fatalf("%q: %d words kept, want at most %d", q, len(pq.Words), maxWords)
		}
		for _, id := range pq.IDs {
			if !known(id) {
				t.Fatalf("%q: parsed unknown identifier %q", q, id)
			}
		}
		hits, err := ix.Search(q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		checkHits(t, ix, q, hits, 10)
		for i, id := range pq.IDs {
			if i < len(hits) && hits[i].ID != id {
				t.Fatalf("%q: hit %d is %q, want the identifier typed, %s", q, i+1, hits[i].ID, id)
			}
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Snippet) {
				t.Fatalf("%q: snippet of %s is not valid UTF-8", q, h.URL)
			}
		}
	})
}
