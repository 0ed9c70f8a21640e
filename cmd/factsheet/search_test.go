package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSearchCommand: `factsheet search` answers with the bleve index, for
// people and as JSON, from a content folder or the embedded seed.
func TestSearchCommand(t *testing.T) {
	dir := contentDir(t, clean)
	code, out := run(t, dir, "search", "-content", "content", "act")
	if code != 0 || !strings.Contains(out, "Recommendation II-1 [invite]") || !strings.Contains(out, "testland/recommendations/ii-1.html") {
		t.Errorf("search act: exit %d, output:\n%s\nwant II-1 and its address", code, out)
	}
	code, out = run(t, dir, "search", "-content", "content", "-json", "ii", "1")
	var hits map[string][]struct{ ID, URL string }
	if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits["testland"]) != 1 || hits["testland"][0].ID != "II-1" {
		t.Errorf("search -json ii 1: exit %d, %v, output:\n%s\nwant II-1 alone", code, err, out)
	}
	code, out = run(t, t.TempDir(), "search", "-n", "2", "helplines")
	if code != 0 || !strings.Contains(out, " 1. Recommendation VI-") || strings.Contains(out, " 3. ") {
		t.Errorf("search -n 2 helplines (embedded seed): exit %d, output:\n%s\nwant two helpline recommendations", code, out)
	}
	if code, out = run(t, dir, "search"); code != 2 || !strings.Contains(out, "usage: factsheet search") {
		t.Errorf("search without a query: exit %d, output:\n%s\nwant 2 and the usage", code, out)
	}
	if code, out = run(t, dir, "search", "-content", "content", "zzzzzzzz"); code != 0 || !strings.Contains(out, "no result") {
		t.Errorf("search zzzzzzzz: exit %d, output:\n%s\nwant 0 and \"no result\"", code, out)
	}
}
