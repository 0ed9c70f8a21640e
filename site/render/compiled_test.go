package render

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

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
			ls, _ := renderBothWays(t, site.docs, opts, nil)
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

// TestCompiledOverridesFallBack: templates given with -templates may use
// what tmplexec does not execute (printf, a range over a number); their
// pages must be html/template's all the same: an entry calling printf is not
// compiled, an execution meeting the range is given back.
func TestCompiledOverridesFallBack(t *testing.T) {
	tpl := templatesCopy(t)
	edit := func(name, old, new string) {
		src := string(tpl[name].Data)
		if !strings.Contains(src, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		tpl[name] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
	}
	// printf, which tmplexec leaves to html/template, on every recommendation page
	edit("recommendation.html", `<h1>{{t "rec.title" .ID}}</h1>`, `<h1 data-n="{{printf "%03d" (len .ID)}}">{{t "rec.title" .ID}}</h1>`)
	// a range over a number, which tmplexec meets at execution and gives back
	edit("chapter.html", `{{define "main"}}`, `{{define "main"}}<span hidden>{{range $i := 3}}{{$i}}{{end}}</span>`)
	ls, got := renderBothWays(t, []*factsheet.Document{seedDoc(t)}, Options{Templates: tpl, Assets: defaults.Assets}, nil)
	if !strings.Contains(string(got["lithuania/recommendations/ii-1.html"]), `data-n="`) {
		t.Error("the edited recommendation template was not used")
	}
	refused, fallbacks := 0, int64(0)
	for _, tl := range ls {
		fallbacks += tl.fallbacks.Load()
		for e, p := range tl.executed {
			if p == nil {
				refused++
				if e.name != "layout" {
					t.Errorf("entry %q refused, want only the layouts of the edited pages", e.name)
				}
			}
		}
	}
	if refused == 0 {
		t.Error("tmplexec compiled a template calling printf")
	}
	if fallbacks == 0 {
		t.Error("no chapter page was given back to html/template for its range over a number")
	}
	if !strings.Contains(string(got["lithuania/chapters/ii.html"]), `<span hidden>012</span>`) {
		t.Error("the edited chapter template was not used")
	}
}

// renderBothWays renders docs with a way of executing the templates turned
// on and off by set (tmplexec when nil), fails the test on any file that
// differs, and returns the templates and files rendered with it on.
func renderBothWays(t *testing.T, docs []*factsheet.Document, opts Options, set func(tl *templates, on bool)) (languages, map[string][]byte) {
	t.Helper()
	if set == nil {
		set = func(tl *templates, on bool) { tl.compiled = on }
	}
	render := func(on bool) (languages, map[string][]byte) {
		ls, err := loadTemplates(opts.Templates)
		if err != nil {
			t.Fatal(err)
		}
		for _, tl := range ls {
			set(tl, on)
		}
		files, err := (&Renderer{t: ls, opts: opts}).site(docs)
		if err != nil {
			t.Fatal(err)
		}
		return ls, files
	}
	ls, got := render(true)
	_, want := render(false)
	if len(got) != len(want) {
		t.Fatalf("%d files one way, %d the other", len(got), len(want))
	}
	for p, b := range want {
		if !bytes.Equal(got[p], b) {
			t.Errorf("%s differs: %s", p, firstDiff(string(b), string(got[p])))
		}
	}
	return ls, got
}

// templatesCopy is a copy of the embedded templates, to edit.
func templatesCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	tpl := fstest.MapFS{}
	err := fs.WalkDir(defaults.Templates, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(defaults.Templates, p)
		tpl[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}
