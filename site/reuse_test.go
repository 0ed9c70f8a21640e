package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/output"
)

// mapFS copies every file of fsys into memory, to be edited by a test.
func mapFS(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// seriesConfig is `factsheet build` of the three factsheets of
// testdata/series, copied into memory so that a test can edit them.
func seriesConfig(t *testing.T) site.Config {
	return site.Config{
		Content: mapFS(t, os.DirFS("testdata/series")), ContentDir: "content",
		Templates: defaults.Templates, Assets: defaults.Assets, Minify: true,
		Program: "factsheet test", Today: "2025-01-01",
	}
}

// buildInto builds as `factsheet build` does, into the output folder out
// through a staging folder (each factsheet's files go there as soon as they
// are built, committed at the end), reusing the previous output unless cfg.Fresh.
func buildInto(t testing.TB, cfg site.Config, out string) *site.Result {
	t.Helper()
	stage, err := output.NewStage(out, false)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Sink = stage
	res, err := site.Build(cfg)
	if err != nil {
		stage.Abort()
		t.Fatal(err)
	}
	if err := stage.Commit(); err != nil {
		t.Fatal(err)
	}
	return res
}

// rebuildMatchesFull builds cfg into out, which holds a previous build, and
// a full build of cfg into a new folder, and fails unless the two hold the
// same files, byte for byte (the Keys and Sums files included). It returns
// the rebuild's result.
func rebuildMatchesFull(t *testing.T, cfg site.Config, out string) *site.Result {
	t.Helper()
	res := buildInto(t, cfg, out)
	cfg.Fresh = true
	full := filepath.Join(t.TempDir(), "full")
	buildInto(t, cfg, full)
	sameTree(t, readTree(t, full), readTree(t, out))
	return res
}

// factsheetFiles lists the paths of the files of the factsheet slug in the
// Keys file of the output folder out.
func factsheetFiles(t *testing.T, out, slug string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, output.Keys))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.SplitN(line, " ", 3); len(f) == 3 && f[1] == "factsheet:"+slug {
			paths = append(paths, f[2])
		}
	}
	if len(paths) == 0 {
		t.Fatalf("%s lists no file of %s", output.Keys, slug)
	}
	return paths
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

// TestReuseUnchangedSite: a rebuild of unchanged content reuses every
// factsheet and the site-wide files (linked: same inodes), and gives what a
// full build gives; -fresh reuses nothing and gives the same files.
func TestReuseUnchangedSite(t *testing.T) {
	cfg := seriesConfig(t)
	out := filepath.Join(t.TempDir(), "public")
	if res := buildInto(t, cfg, out); res.Reused != 0 {
		t.Errorf("first build reused %d factsheets", res.Reused)
	}
	index, zip := inode(t, filepath.Join(out, "index.html")), inode(t, filepath.Join(out, "downloads/utopia-offline.zip"))
	res := rebuildMatchesFull(t, cfg, out)
	if res.Reused != 3 || len(res.Docs) != 3 {
		t.Errorf("reused %d of %d factsheets, want 3 of 3", res.Reused, len(res.Docs))
	}
	if inode(t, filepath.Join(out, "index.html")) != index || inode(t, filepath.Join(out, "downloads/utopia-offline.zip")) != zip {
		t.Error("unchanged files were made again instead of linked")
	}
	for _, s := range res.Stages {
		if s.Name == "bundle" || s.Name == "index" || s.Name == "minify" {
			t.Errorf("stage %s ran in a build that reuses everything", s.Name)
		}
	}
	if res.Count != len(readTree(t, out))-3 { // the marker, Keys and Sums files are not counted
		t.Errorf("Count = %d, the folder holds %d files", res.Count, len(readTree(t, out)))
	}
	cfg.Fresh = true
	if res := rebuildMatchesFull(t, cfg, out); res.Reused != 0 {
		t.Errorf("-fresh reused %d factsheets", res.Reused)
	}
}

// TestReuseRebuildsOnlyTheEdited: after an edit of one factsheet (its
// body, then the text of one of its recommendations), only that factsheet
// is built again, and the site is what a full build gives.
func TestReuseRebuildsOnlyTheEdited(t *testing.T) {
	cfg := seriesConfig(t)
	content := cfg.Content.(fstest.MapFS)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, cfg, out)
	index := func() []byte {
		b, err := os.ReadFile(filepath.Join(out, "search-index.js"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, edit := range []struct{ old, new string }{
		{"is a common challenge faced by all States", "is a challenge common to all States"},
		{"the child's views and needs", "the child's views, wishes and needs"}, // III-3, which only Utopia's says so
	} {
		f := content["utopia.md"]
		if !bytes.Contains(f.Data, []byte(edit.old)) {
			t.Fatalf("utopia.md has no %q", edit.old)
		}
		f.Data = bytes.Replace(f.Data, []byte(edit.old), []byte(edit.new), 1)
		before := index()
		res := rebuildMatchesFull(t, cfg, out)
		if res.Reused != 2 {
			t.Errorf("%q: reused %d factsheets, want the 2 not edited", edit.new, res.Reused)
		}
		if bytes.Equal(index(), before) {
			t.Errorf("%q: the series' search index did not change", edit.new)
		}
	}
}

// TestReuseRebuildsWhenTheirInputsChange: a template, an asset, an option
// or the program changes what every factsheet's files depend on, and
// today's date what those of a factsheet with a status entry dated between
// the two days do: they are built again, and the site is what a full build
// gives.
func TestReuseRebuildsWhenTheirInputsChange(t *testing.T) {
	edit := func(fsys fs.FS, name, add string) {
		f := fsys.(fstest.MapFS)[name]
		if f == nil {
			t.Fatalf("no file %s", name)
		}
		f.Data = append(append([]byte(nil), f.Data...), add...)
	}
	cases := []struct {
		name          string
		before, after func(cfg *site.Config)
		reused        int
	}{
		{"template", nil, func(cfg *site.Config) { edit(cfg.Templates, "chapter.html", "\n") }, 0},
		{"asset", nil, func(cfg *site.Config) { edit(cfg.Assets, "style.css", "\n.edited{color:red}\n") }, 0},
		{"minify", nil, func(cfg *site.Config) { cfg.Minify = false }, 0},
		{"base URL", nil, func(cfg *site.Config) { cfg.BaseURL = "https://example.org/site/" }, 0},
		{"program", nil, func(cfg *site.Config) { cfg.Program = "factsheet test, next version" }, 0},
		{"today", func(cfg *site.Config) {
			cfg.Content.(fstest.MapFS)["utopia.status.yaml"] = &fstest.MapFile{Data: []byte(
				"II-1:\n  - date: 2024-03-01\n    state: in-progress\n    source: Reply\n" +
					"  - date: 2025-03-01\n    state: implemented\n    source: Official Gazette\n")}
			cfg.Today = "2025-01-01" // the second entry is in the future: left out
		}, func(cfg *site.Config) { cfg.Today = "2025-06-01" }, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := seriesConfig(t)
			cfg.Templates, cfg.Assets = mapFS(t, defaults.Templates), mapFS(t, defaults.Assets)
			if c.before != nil {
				c.before(&cfg)
			}
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, cfg, out)
			c.after(&cfg)
			if res := rebuildMatchesFull(t, cfg, out); res.Reused != c.reused {
				t.Errorf("reused %d factsheets, want %d", res.Reused, c.reused)
			}
		})
	}
}

// TestReuseDistrustsChangedOutput: a file of the previous output edited,
// removed or replaced since it was built is not reused: its factsheet (or
// the site-wide files) is built again, and the site is what a full build
// gives, while the untouched factsheets are still reused.
func TestReuseDistrustsChangedOutput(t *testing.T) {
	cases := []struct {
		name   string
		touch  func(p string) error
		reused int
	}{
		{"edited, same size", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b[len(b)/2] ^= 1
			return os.WriteFile(p, b, 0o644)
		}, 2},
		{"removed", os.Remove, 2},
		{"replaced by a link", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Symlink("/etc/hostname", p)
		}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := seriesConfig(t)
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, cfg, out)
			time.Sleep(20 * time.Millisecond) // a later modification time than the Sums file's
			paths := factsheetFiles(t, out, "freedonia")
			for _, p := range []string{paths[len(paths)/2], "index.html"} {
				if err := c.touch(filepath.Join(out, filepath.FromSlash(p))); err != nil {
					t.Fatal(err)
				}
			}
			if res := rebuildMatchesFull(t, cfg, out); res.Reused != c.reused {
				t.Errorf("reused %d factsheets, want %d", res.Reused, c.reused)
			}
		})
	}
}

// TestReuseEditions: the language switch of a factsheet links to the pages
// of its editions in other languages, so an edit of one edition builds the
// other again too.
func TestReuseEditions(t *testing.T) {
	cfg := seriesConfig(t)
	cfg.Content = mapFS(t, os.DirFS("factsheet/testdata/i18n"))
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, cfg, out)
	if res := rebuildMatchesFull(t, cfg, out); res.Reused != 2 {
		t.Errorf("unchanged: reused %d of 2 editions", res.Reused)
	}
	f := cfg.Content.(fstest.MapFS)["ruritanie.md"]
	f.Data = append(append([]byte(nil), f.Data...), "\nUne phrase de plus.\n"...)
	if res := rebuildMatchesFull(t, cfg, out); res.Reused != 0 {
		t.Errorf("after an edit of one edition: reused %d, want 0", res.Reused)
	}
}

// TestProgramID: the program is identified by the Go build ID of its
// executable, as `go tool buildid` reads it.
func TestProgramID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if want := "go build ID " + strings.TrimSpace(string(out)); site.ProgramID() != want {
		t.Errorf("ProgramID() = %q, want %q", site.ProgramID(), want)
	}
}

// failingStage is a staging folder whose Put fails for the files of one
// factsheet, to fail a build after others were linked from the previous output.
type failingStage struct {
	*output.Stage
	slug string
}

func (s failingStage) Put(files output.Files) error {
	for p := range files {
		if strings.HasPrefix(p, s.slug+"/") {
			return os.ErrPermission
		}
	}
	return s.Stage.Put(files)
}

// TestReuseFailedBuildKeepsPrevious: a build that fails after linking files
// from the previous output leaves that output as it was, and nothing beside it.
func TestReuseFailedBuildKeepsPrevious(t *testing.T) {
	cfg := seriesConfig(t)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, cfg, out)
	before := readTree(t, out)
	f := cfg.Content.(fstest.MapFS)["utopia.md"]
	f.Data = bytes.Replace(f.Data, []byte("is a common challenge"), []byte("is a shared challenge"), 1)
	stage, err := output.NewStage(out, false)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Sink = failingStage{stage, "utopia"}
	res, err := site.Build(cfg)
	if err == nil {
		t.Fatal("the build did not fail")
	}
	stage.Abort()
	if res.Reused != 2 {
		t.Errorf("reused %d factsheets before failing, want 2", res.Reused)
	}
	sameTree(t, before, readTree(t, out))
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("folders beside the output after a failed build: %v", entries)
	}
}
