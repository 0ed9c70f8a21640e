package render

import (
	"bytes"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/status"
)

// TestCompiledPages renders sites with the templates executed by tmplexec
// and by html/template alone: every file must be the same, and tmplexec
// must have executed every entry of the templates on its own (no
// compilation refused, no execution given back to html/template), or the
// pages would quietly run at text/template's speed.
func TestCompiledPages(t *testing.T) {
	seed := seedDoc(t)
	fr, en := editionsFixture(t)
	sites := []struct {
		name string
		docs []*factsheet.Document
		opts Options
	}{
		{"seed", []*factsheet.Document{seed}, Options{}},
		{"seed with a base URL and a status file", []*factsheet.Document{seed}, Options{BaseURL: "https://example.org/site/",
			Status: map[string]*status.Record{"lithuania": statusFixture(t, seed)}}},
		{"two languages", []*factsheet.Document{fr, en}, Options{BaseURL: "https://example.org/"}},
		{"fixture", []*factsheet.Document{fixture(t)}, Options{}},
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			opts := site.opts
			opts.Templates, opts.Assets = defaults.Templates, defaults.Assets
			render := func(compiled bool) (languages, map[string][]byte) {
				ls, err := loadTemplates(opts.Templates)
				if err != nil {
					t.Fatal(err)
				}
				for _, tl := range ls {
					tl.compiled = compiled
				}
				files, err := (&Renderer{t: ls, opts: opts}).site(site.docs)
				if err != nil {
					t.Fatal(err)
				}
				return ls, files
			}
			ls, got := render(true)
			_, want := render(false)
			if len(got) != len(want) {
				t.Fatalf("%d files with tmplexec, %d without", len(got), len(want))
			}
			for p, b := range want {
				if !bytes.Equal(got[p], b) {
					t.Errorf("%s differs with tmplexec: %s", p, firstDiff(string(b), string(got[p])))
				}
			}
			for lang, tl := range ls {
				for e, p := range tl.executed {
					if p == nil {
						t.Errorf("%s: entry %q of %s was not compiled", lang, e.name, e.set.Name())
					}
				}
				if n := tl.fallbacks.Load(); n > 0 {
					t.Errorf("%s: %d executions given back to html/template", lang, n)
				}
			}
		})
	}
}
