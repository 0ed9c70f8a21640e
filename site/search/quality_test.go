package search

import (
	"encoding/json"
	"os"
	"sort"
	"testing"
)

// caseQuery is one query of testdata/queries.json: what a ministry official or
// an NGO would type, and the recommendations that should come back.
type caseQuery struct {
	Query  string   `json:"query"`
	Expect []string `json:"expect"` // identifiers; finding any of them in the top 5 is a success
	Kind   string   `json:"kind"`   // topic, plural, typo, prefix, identifier, filter, case
}

func loadQueries(t testing.TB) []caseQuery {
	t.Helper()
	b, err := os.ReadFile("testdata/queries.json")
	if err != nil {
		t.Fatal(err)
	}
	var qs []caseQuery
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatalf("testdata/queries.json: %v", err)
	}
	return qs
}

// rankOf returns the 1-based rank of the first hit naming one of ids, or 0.
func rankOf(hits []Hit, ids []string) int {
	for i, h := range hits {
		for _, id := range ids {
			if h.ID == id {
				return i + 1
			}
		}
	}
	return 0
}

// TestQuality runs the query set through Search and reports success@5 and the
// mean reciprocal rank (over the top 10); it fails under 0.9 success@5, and
// when an identifier query does not put its recommendation first.
func TestQuality(t *testing.T) {
	_, ix := seedIndex(t)
	qs := loadQueries(t)
	if len(qs) < 40 {
		t.Fatalf("testdata/queries.json has %d queries; the set needs at least 40", len(qs))
	}
	success, rr := 0, 0.0
	byKind := map[string][2]int{} // kind → [successes, queries]
	for _, q := range qs {
		hits, err := ix.Search(q.Query, 10)
		if err != nil {
			t.Fatalf("%q: %v", q.Query, err)
		}
		r := rankOf(hits, q.Expect)
		k := byKind[q.Kind]
		k[1]++
		if r >= 1 && r <= 5 {
			success++
			k[0]++
		} else {
			var got []string
			for _, h := range hits[:min(5, len(hits))] {
				got = append(got, h.ID+h.Title)
			}
			t.Logf("miss: %q (%s) wants %v, rank %d; top 5: %q", q.Query, q.Kind, q.Expect, r, got)
		}
		byKind[q.Kind] = k
		if r > 0 {
			rr += 1 / float64(r)
		}
		if q.Kind == "identifier" && r != 1 {
			t.Errorf("%q: identifier query ranks %v at %d, want 1", q.Query, q.Expect, r)
		}
	}
	s5, mrr := float64(success)/float64(len(qs)), rr/float64(len(qs))
	t.Logf("bleve: %d queries, success@5 %.3f, MRR %.3f", len(qs), s5, mrr)
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("  %-10s %2d/%2d in the top 5", k, byKind[k][0], byKind[k][1])
	}
	if s5 < 0.9 {
		t.Errorf("success@5 = %.3f, want at least 0.9", s5)
	}
}
