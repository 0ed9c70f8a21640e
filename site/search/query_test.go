package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	known := func(id string) bool { return id == "IV-5" || id == "X-5" || id == "V-14" }
	tests := []struct {
		q    string
		want Query
	}{
		{"helpline", Query{Words: []string{"helpline"}, Typing: true}},
		{"helpline ", Query{Words: []string{"helpline"}}},
		{"Children’s helplines.", Query{Words: []string{"children", "helplines"}}},
		{"IV-5", Query{IDs: []string{"IV-5"}}},
		{"iv 5", Query{IDs: []string{"IV-5"}}},
		{"iv5", Query{IDs: []string{"IV-5"}}},
		{"IV – 05 helpline", Query{IDs: []string{"IV-5"}, Words: []string{"helpline"}, Typing: true}},
		{"iv-6", Query{Words: []string{"iv", "6"}, Typing: true}}, // no such recommendation
		{"iv, 5", Query{Words: []string{"iv", "5"}, Typing: true}},
		{"x5 v14 x5", Query{IDs: []string{"X-5", "V-14"}}},
		{"invites training", Query{Urgencies: []string{"invite"}, Words: []string{"training"}, Typing: true}},
		{"training Requires", Query{Urgencies: []string{"require"}, Words: []string{"training"}}},
		{"require request invite", Query{Urgencies: []string{"require", "request", "invite"}}},
		{"", Query{}},
		{"  —;! ", Query{}},
		{"a b c d e f g h i j k l m n o", Query{Words: strings.Fields("a b c d e f g h i j k l")}},
	}
	for _, tt := range tests {
		if got := ParseQuery(tt.q, known); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.q, got, tt.want)
		}
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"helpline", "helpline", true},
		{"helpine", "helpline", true},   // deletion
		{"helplinse", "helpline", true}, // insertion
		{"helpliné", "helpline", true},  // substitution, not ASCII
		{"hlepline", "helpline", true},  // swap
		{"hlepilne", "helpline", false},
		{"help", "helpline", false},
		{"", "a", true},
		{"ab", "ba", true},
		{"abc", "cab", false},
	}
	for _, tt := range tests {
		if got := withinOneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := withinOneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func hitURLs(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.URL)
	}
	return out
}

func search(t *testing.T, ix *Engine, q string, n int) []Hit {
	t.Helper()
	hits, err := ix.Search(q, n)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return hits
}

// TestSearchForms: a word's forms and cases find the same documents, as
// bleve's English analysis makes one term of them.
func TestSearchForms(t *testing.T) {
	_, ix := seedIndex(t)
	want := hitURLs(search(t, ix, "helpline ", 10))
	if len(want) == 0 {
		t.Fatal(`"helpline" finds nothing`)
	}
	for _, q := range []string{"helplines ", "Helpline ", "HELPLINES "} {
		if got := hitURLs(search(t, ix, q, 10)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q finds %v, want the same as \"helpline\": %v", q, got, want)
		}
	}
	if a, b := ix.Analyze("Helplines"), ix.Analyze("helpline"); a != b || a == "" {
		t.Errorf(`Analyze("Helplines") = %q, Analyze("helpline") = %q: want one term`, a, b)
	}
	if a := ix.Analyze("the"); a != "" {
		t.Errorf(`Analyze("the") = %q, want "" (a stop word)`, a)
	}
}

// TestSearchTiers: identifiers come first, then documents with every word,
// then documents with some.
func TestSearchTiers(t *testing.T) {
	_, ix := seedIndex(t)
	hits := search(t, ix, "helpline iv5", 20)
	if len(hits) < 3 || hits[0].ID != "IV-5" {
		t.Fatalf(`"helpline iv5": first hit %+v, want IV-5 then the helpline recommendations`, hits[:min(1, len(hits))])
	}
	for _, q := range []string{"telephone anonymity ", "training judges prosecutors ", "sexual extortion children "} {
		has := map[string]int{} // address → number of the query's words its document has
		words := strings.Fields(q)
		for _, w := range words {
			for _, h := range search(t, ix, w+" ", 1000) {
				has[h.URL]++
			}
		}
		hits := search(t, ix, q, 1000)
		if len(hits) != len(has) {
			t.Errorf("%q: %d hits, want the %d documents having one of its words", q, len(hits), len(has))
		}
		some := false
		for i, h := range hits {
			all := has[h.URL] == len(words)
			if all && some {
				t.Errorf("%q: hit %d (%s) has every word but comes after a hit that has not", q, i+1, h.URL)
			}
			some = some || !all
		}
	}
}

// TestSearchFilters: urgency words keep only recommendations of that urgency;
// alone they list all of them.
func TestSearchFilters(t *testing.T) {
	doc, ix := seedIndex(t)
	count := 0
	for _, r := range doc.Recommendations {
		if r.Urgency == "require" {
			count += len(r.IDs)
		}
	}
	hits := search(t, ix, "require", 1000)
	if len(hits) != count {
		t.Errorf(`"require" lists %d hits, want the %d required recommendations`, len(hits), count)
	}
	for _, q := range []string{"require", "invites training", "requests jurisdiction"} {
		want := map[string]string{"require": "require", "invites training": "invite", "requests jurisdiction": "request"}[q]
		hits := search(t, ix, q, 1000)
		if len(hits) == 0 {
			t.Errorf("%q finds nothing", q)
		}
		for _, h := range hits {
			if h.Kind != KindRecommendation || h.Urgency != want {
				t.Errorf("%q lists %s (%s %q), want only %s recommendations", q, h.URL, h.Kind, h.Urgency, want)
			}
		}
	}
}

// TestSearchRecommendationFirst: a recommendation outranks a section with
// the same match.
func TestSearchRecommendationFirst(t *testing.T) {
	_, ix := seedIndex(t)
	for _, q := range []string{"helpline", "grooming", "Europol"} {
		hits := search(t, ix, q, 3)
		if len(hits) == 0 || hits[0].Kind != KindRecommendation {
			t.Errorf("%q: first hit %v, want a recommendation", q, hitURLs(hits))
		}
	}
}

// TestSearchEdges: empty and odd queries give no error and valid hits.
func TestSearchEdges(t *testing.T) {
	_, ix := seedIndex(t)
	for _, q := range []string{"", " ", "the of and", "zzzzzzzz", "iv", "-", "ｈｅｌｐｌｉｎｅ", "<script>alert(1)</script>"} {
		hits := search(t, ix, q, 10)
		checkHits(t, ix, q, hits, 10)
	}
	if hits := search(t, ix, "the of and", 10); len(hits) != 0 {
		t.Errorf(`"the of and" (stop words only) finds %v, want nothing`, hitURLs(hits))
	}
}

// checkHits fails when hits break what every answer promises.
func checkHits(t testing.TB, ix *Engine, q string, hits []Hit, n int) {
	t.Helper()
	if len(hits) > n {
		t.Errorf("%q: %d hits, want at most %d", q, len(hits), n)
	}
	seen := map[string]bool{}
	for _, h := range hits {
		if seen[h.URL] {
			t.Errorf("%q: %s listed twice", q, h.URL)
		}
		seen[h.URL] = true
		if !strings.HasPrefix(h.URL, ix.Slug+"/") || strings.Contains(h.URL, "..") {
			t.Errorf("%q: hit address %q is not under %s/", q, h.URL, ix.Slug)
		}
		if (h.Kind == KindRecommendation) != (h.ID != "") {
			t.Errorf("%q: hit %+v: kind and identifier disagree", q, h)
		}
	}
}
