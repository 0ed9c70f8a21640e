package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site"
)

// contentWithStatus is the seed's content folder plus the given files.
func contentWithStatus(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	src, err := os.ReadFile("../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"lithuania.md": {Data: src}}
	for name, s := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func statusFixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("status/testdata/lithuania.status.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBuildDeterministicWithStatus(t *testing.T) {
	dir := t.TempDir()
	content := contentWithStatus(t, map[string]string{"lithuania.status.yaml": statusFixture(t)})
	var trees []map[string][]byte
	for _, name := range []string{"one", "two"} {
		cfg := seedConfig(filepath.Join(dir, name))
		cfg.Content, cfg.Today = content, "2025-01-01"
		res, err := site.Build(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Status["lithuania"].Entries) == 0 {
			t.Fatal("the status file was not loaded")
		}
		trees = append(trees, readTree(t, filepath.Join(dir, name)))
	}
	for _, p := range []string{"lithuania/changes.html", "lithuania/changes.xml"} {
		if _, ok := trees[0][p]; !ok {
			t.Errorf("%s not built", p)
		}
	}
	sameTree(t, trees[0], trees[1])
	zip := string(trees[0]["downloads/lithuania-offline.zip"])
	if !strings.Contains(zip, "lithuania-offline/lithuania/changes.html") || !strings.Contains(zip, "lithuania-offline/lithuania/changes.xml") {
		t.Error("the offline zip lacks the changes page or the feed")
	}
}

func TestStatusProblemsWarnAndStrictFails(t *testing.T) {
	bad := "IV-55:\n  - {date: 2024-01-01, state: done}\n"
	content := contentWithStatus(t, map[string]string{"lithuania.status.yaml": bad, "latvia.status.yaml": "II-1: []\n"})
	docs, _, err := site.Load(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	_, ps, err := site.LoadStatus(content, "content", docs, "2025-01-01")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/latvia.status.yaml:1:1: warning: no factsheet has the slug "latvia"; name the status file after its factsheet's slug (lithuania.status.yaml)`,
		`content/lithuania.status.yaml:1:1: warning: the factsheet has no recommendation IV-55; did you mean IV-5?`,
		`content/lithuania.status.yaml:2:5: warning: entry of IV-55 has no source; add source: who stated it, e.g. the Party's reply or an NGO report`,
		`content/lithuania.status.yaml:2:31: warning: unknown state "done"; use one of implemented, partially-implemented, in-progress, not-started, no-information, not-applicable`,
	}
	if got := ps.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	cfg := seedConfig(filepath.Join(t.TempDir(), "out"))
	cfg.Content = content
	res, err := site.Build(cfg)
	if err != nil {
		t.Fatalf("build stopped on status warnings: %v", err)
	}
	n := 0
	for _, p := range res.Problems {
		if strings.Contains(p.Pos.File, ".status.yaml") {
			n++
		}
	}
	if n != len(want) {
		t.Errorf("build reported %d status problems, want %d", n, len(want))
	}
	cfg.Strict, cfg.Out = true, filepath.Join(t.TempDir(), "strict")
	if _, err := site.Build(cfg); err == nil {
		t.Error("-strict built despite status problems")
	}
	if _, err := os.Stat(cfg.Out); !os.IsNotExist(err) {
		t.Error("a failed -strict build left an output folder")
	}
}

func TestEmbeddedSeedHasNoStatusFile(t *testing.T) {
	if _, err := defaults.Content.Open("lithuania.status.yaml"); err == nil {
		t.Error("the seed ships a status file; it must not invent one")
	}
}
