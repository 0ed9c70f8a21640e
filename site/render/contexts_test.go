package render

import (
	"strings"
	"testing"
	"text/template/parse"
)

// TestEscaperRunsAsHTMLTemplate holds each fused run of escaperRuns to
// html/template's escaping in its context, on the samples, on every ASCII
// character alone and inside an address, and on any string (FuzzEscaperRuns).
func TestEscaperRunsAsHTMLTemplate(t *testing.T) {
	runs := escaperRuns()
	if len(runs) != len(escaperContexts) {
		t.Fatalf("%d runs for %d contexts: html/template escapes a context otherwise than with one run of escapers", len(runs), len(escaperContexts))
	}
	samples := escapeSamples()
	for c := 0; c < 128; c++ {
		samples = append(samples, string(rune(c)), "a/b"+string(rune(c))+"c.html#d")
	}
	for i, c := range escaperContexts {
		for _, v := range samples {
			checkRun(t, c.source, runs[i].Func, v)
		}
	}
	// a run's String is its Func on strings
	for _, run := range append(runs, fastRuns...) {
		if run.String == nil {
			continue
		}
		for _, v := range samples {
			if s, ok := v.(string); ok && run.String(s) != run.Func(s) {
				t.Errorf("%v: String(%q) = %q, Func gives %q", run.Names, s, run.String(s), run.Func(s))
			}
		}
	}
}

// checkRun compares run on v with html/template in the context source.
func checkRun(t *testing.T, source string, run func(any) string, v any) {
	t.Helper()
	prefix, suffix, _ := strings.Cut(source, "{{.}}")
	if got, want := prefix+run(v)+suffix, reference(t, source, v); got != want {
		t.Errorf("%s with %#v: %q, html/template writes %q", source, v, got, want)
	}
}

// FuzzEscaperRuns holds the fused runs to html/template on any string.
func FuzzEscaperRuns(f *testing.F) {
	f.Add("../recommendations/ii-1.html#recommendation-ii-1")
	f.Add("javascript:alert(1)")
	f.Add("a%20b?x=1&y=2")
	runs := escaperRuns()
	f.Fuzz(func(t *testing.T, s string) {
		for i, c := range escaperContexts {
			checkRun(t, c.source, runs[i].Func, s)
		}
	})
}

// TestEscaperNames: a tree that html/template has not escaped has no run of
// escapers (escaperRuns reads them from escaped trees only).
func TestEscaperNames(t *testing.T) {
	tr, err := parse.Parse("x", `<a href="{{.}}">`, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if names := escaperNames(tr["x"]); names != nil {
		t.Errorf("an unescaped tree has escapers %v", names)
	}
}
