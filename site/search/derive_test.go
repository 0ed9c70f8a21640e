package search

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// tokenCases are texts where word boundaries are delicate.
var tokenCases = []string{
	"e.g. i.e. lanzarote.committee@coe.int javascript:window.pwned",
	"1,000 1.5.3 2.a 01's Party-01’s children’s don't l'enfant aujourd’hui",
	"co\u00adoperation 日本語 c·a x:1 a_b __ 3a a＇b 1＇2 ...a. ,1, 'x' ‘y’",
	"naïve nai\u0308ve \u0308x Ⅻ ² ½ \xff\xfe",
}

// TestScanTokens: the scanner finds what tokenPattern (the browser's
// pattern) does, in the fixtures' texts and the delicate cases.
func TestScanTokens(t *testing.T) {
	texts := slices.Clone(tokenCases)
	_, ix := seedIndex(t)
	for _, r := range ix.records {
		texts = append(texts, r.Text, r.Context, r.Title)
	}
	for _, text := range texts {
		checkScan(t, text)
	}
}

// FuzzScanTokens compares the scanner with tokenPattern on any text.
//
//	go test ./site/search -run '^$' -fuzz FuzzScanTokens -fuzztime 60s
func FuzzScanTokens(f *testing.F) {
	for _, s := range tokenCases {
		f.Add(s)
	}
	f.Fuzz(checkScan)
}

func checkScan(t *testing.T, text string) {
	var got []string
	scanTokens(text, func(w string) { got = append(got, w) })
	if want := tokenPattern().FindAllString(text, -1); !slices.Equal(got, want) {
		t.Errorf("%q: scanned %q, the pattern finds %q", text, got, want)
	}
}

// TestScriptPatterns: the browser cuts queries and texts into words with
// the patterns of site/search (assets/search/intro.js).
func TestScriptPatterns(t *testing.T) {
	js, err := os.ReadFile("../../assets/search/intro.js")
	if err != nil {
		t.Fatal(err)
	}
	for name, pattern := range map[string]string{"WORD": wordPattern().String(), "TOKEN": tokenPattern().String()} {
		if decl := "var " + name + " = /" + pattern + "/gu;"; !strings.Contains(string(js), decl) {
			t.Errorf("assets/search/intro.js does not declare %s", decl)
		}
	}
}
