package site_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/bundle"
	"factsheet/site/linkcheck"
	"factsheet/site/output"
	"factsheet/site/render"
	"factsheet/site/search"

	"golang.org/x/net/html"
)

// seedConfig is the configuration of `factsheet build` on the embedded seed, into out.
func seedConfig(out string) site.Config {
	return site.Config{
		Content: defaults.Content, ContentDir: "content",
		Templates: defaults.Templates, Assets: defaults.Assets,
		Out: out, Minify: true,
	}
}

// readTree reads every file under dir, keyed by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameTree fails unless the two folders hold the same files with the same bytes.
func sameTree(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
	for p, x := range a {
		if y, ok := b[p]; !ok {
			t.Errorf("%s missing from the second tree", p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s differs", p)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	dir := t.TempDir()
	var trees []map[string][]byte
	for _, name := range []string{"one", "two"} {
		if _, err := site.Build(seedConfig(filepath.Join(dir, name))); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, readTree(t, filepath.Join(dir, name)))
	}
	if _, ok := trees[0]["downloads/lithuania-offline.zip"]; !ok {
		t.Fatal("no offline zip built")
	}
	sameTree(t, trees[0], trees[1])
}

func TestBuildFailureKeepsPrevious(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(seedConfig(out)); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	seed, err := fs.ReadFile(defaults.Content, "lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	broken := bytes.Replace(seed, []byte("\ntitle:"), []byte("\ntitle: [unclosed\n  :"), 1)
	if bytes.Equal(broken, seed) {
		t.Fatal("the seed has no title line to break")
	}
	cfg := seedConfig(out)
	cfg.Content = fstest.MapFS{"lithuania.md": {Data: broken}}
	if _, err := site.Build(cfg); err == nil {
		t.Fatal("a build of a factsheet with broken front matter must fail")
	}
	sameTree(t, before, readTree(t, out))
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary folders left beside the output: %v", entries)
	}
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "mine")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := site.Build(seedConfig(out))
	if err == nil || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("err = %v, want a refusal mentioning -force", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "notes.txt")); string(b) != "keep me" {
		t.Error("the refused build touched the folder")
	}
	cfg := seedConfig(out)
	cfg.Force = true
	if _, err := site.Build(cfg); err != nil {
		t.Fatalf("with -force: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, output.Marker)); err != nil {
		t.Error("the forced build did not mark the folder as ours")
	}
}

// seedFiles builds the seed into a temporary folder and returns its files.
func seedFiles(t *testing.T, minify bool) *site.Result {
	t.Helper()
	cfg := seedConfig(filepath.Join(t.TempDir(), "public"))
	cfg.Minify = minify
	res, err := site.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestBuildMinifyKeepsPagesWhole(t *testing.T) {
	plain, small := seedFiles(t, false), seedFiles(t, true)
	if small.BytesSaved <= 0 {
		t.Errorf("minify saved %d bytes", small.BytesSaved)
	}
	if problems := linkcheck.Check(small.Files); len(problems) > 0 {
		t.Errorf("%d link problems in the minified site, first: %s", len(problems), problems[0])
	}
	pages := 0
	for _, p := range plain.Files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		a, b := visibleText(t, plain.Files[p]), visibleText(t, small.Files[p])
		if a != b {
			t.Errorf("%s: minify changed the text:\n%.300s\n%.300s", p, a, b)
		}
		if len(small.Files[p]) > len(plain.Files[p]) {
			t.Errorf("%s: %d bytes minified, %d plain", p, len(small.Files[p]), len(plain.Files[p]))
		}
	}
	if pages < 100 {
		t.Errorf("only %d pages compared", pages)
	}
}

// visibleText parses a page as a browser would and returns its text, white
// space collapsed, without the download sizes (which minifying changes).
// Text nodes are joined as they are, blocks apart, so that a space dropped
// between two words (or inline elements) shows.
func visibleText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			sb.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || isSize(n)):
			return
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			sb.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteString(" ")
		}
	}
	walk(doc)
	return strings.Join(strings.Fields(sb.String()), " ")
}

// blocks are the elements around which the minifier may drop white space.
var blocks = map[string]bool{}

func init() {
	for _, e := range strings.Fields("html head body title meta link header footer main nav section article aside " +
		"h1 h2 h3 h4 h5 h6 p div ul ol li dl dt dd table thead tbody tr th td form label input br hr pre blockquote figure figcaption details summary noscript option select") {
		blocks[e] = true
	}
}

// isSize tells whether n is a download size, <span class="size" data-download=...>.
func isSize(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "data-download" {
			return true
		}
	}
	return false
}

func TestSeedSingleFile(t *testing.T) {
	res := seedFiles(t, true)
	page := res.Files["downloads/lithuania.html"]
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids, hashes := map[string]bool{}, map[string]bool{}
	var policy string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "content" && strings.Contains(a.Val, "default-src"):
				policy = a.Val
			case a.Key == "src" || a.Key == "href" || a.Key == "action":
				ok := strings.HasPrefix(a.Val, "#") || strings.HasPrefix(a.Val, "data:") ||
					n.Data == "a" && (strings.HasPrefix(a.Val, "https://") || strings.HasPrefix(a.Val, "http://") || strings.HasPrefix(a.Val, "mailto:"))
				if !ok {
					t.Errorf("<%s %s=%q>: the single-file edition must not refer outside itself", n.Data, a.Key, a.Val)
				}
			}
		}
		if (n.Data == "script" || n.Data == "style") && n.FirstChild != nil {
			h := sha256.Sum256([]byte(n.FirstChild.Data))
			hashes["'sha256-"+base64.StdEncoding.EncodeToString(h[:])+"'"] = true
		}
	}
	if len(hashes) < 3 {
		t.Errorf("%d inline scripts and styles, want the stylesheet, the index and search.js", len(hashes))
	}
	for h := range hashes {
		if !strings.Contains(policy, h) {
			t.Errorf("policy %q lacks %s", policy, h)
		}
	}
	if strings.Contains(policy, "unsafe-inline") {
		t.Errorf("policy allows unsafe-inline: %s", policy)
	}
	var recs struct {
		Recommendations []struct{ ID string } `json:"recommendations"`
	}
	if err := json.Unmarshal(res.Files["lithuania/recommendations.json"], &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs.Recommendations) != 90 {
		t.Errorf("%d recommendations in the seed, want 90", len(recs.Recommendations))
	}
	for _, r := range recs.Recommendations {
		if !ids["rec-"+strings.ToLower(r.ID)] {
			t.Errorf("single-file edition has no anchor rec-%s", strings.ToLower(r.ID))
		}
	}
}

func TestSeedOfflineZip(t *testing.T) {
	res := seedFiles(t, true)
	b := res.Files["downloads/lithuania-offline.zip"]
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	root := bundle.ZipRoot("lithuania")
	inside := output.Files{}
	for _, f := range r.File {
		name, ok := strings.CutPrefix(f.Name, root)
		if !ok {
			t.Fatalf("%s is outside the top folder %s", f.Name, root)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		inside[name], _ = io.ReadAll(rc)
		rc.Close()
	}
	for _, must := range []string{"index.html", "lithuania/index.html", "lithuania/chapters/iv.html", "lithuania/recommendations/iv-5.html", "lithuania/search-index.js", "assets/style.css", "downloads/lithuania.html"} {
		if _, ok := inside[must]; !ok {
			t.Errorf("zip lacks %s", must)
		}
	}
	if problems := linkcheck.Check(inside); len(problems) > 0 {
		for _, p := range problems[:min(len(problems), 10)] {
			t.Error(p)
		}
	}
	home := res.Files["lithuania/index.html"]
	for _, name := range []string{"lithuania.html", "lithuania-offline.zip"} {
		want := `data-download="` + name + `">` + bundle.HumanSize(len(res.Files["downloads/"+name])) + "<"
		if !bytes.Contains(home, []byte(want)) {
			t.Errorf("the home page does not show the size of %s (%s)", name, want)
		}
	}
}

// BenchmarkBuild measures the whole build of the seed, written to disk.
func BenchmarkBuild(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := site.Build(seedConfig(out)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBundle measures the minify and bundle stages alone on the rendered
// and indexed seed, which BenchmarkBuild's figure includes.
func BenchmarkBundle(b *testing.B) {
	docs, _, err := site.Load(defaults.Content, "content")
	if err != nil {
		b.Fatal(err)
	}
	files, err := render.Site(docs, render.Options{Templates: defaults.Templates, Assets: defaults.Assets})
	if err != nil {
		b.Fatal(err)
	}
	index, err := search.Index(docs)
	if err != nil {
		b.Fatal(err)
	}
	files.Merge(index)
	b.ReportAllocs()
	for b.Loop() {
		work := output.Files{}
		work.Merge(files)
		if _, err := bundle.Minify(work); err != nil {
			b.Fatal(err)
		}
		if err := bundle.Offline(work, docs); err != nil {
			b.Fatal(err)
		}
	}
}
