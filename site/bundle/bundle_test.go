package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"factsheet/site/output"
)

func TestHumanSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 bytes", 999: "999 bytes", 1000: "1 KB", 45_499: "45 KB", 999_499: "999 KB", 999_500: "1.0 MB", 1_234_567: "1.2 MB"} {
		if got := HumanSize(n); got != want {
			t.Errorf("HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMinifySavesBytesAndKeepsText(t *testing.T) {
	files := fixtureFiles()
	before := copyFiles(files)
	saved, err := Minify(files)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range files.Paths() {
		if len(files[p]) > len(before[p]) {
			t.Errorf("%s grew from %d to %d bytes", p, len(before[p]), len(files[p]))
		}
		total += len(before[p]) - len(files[p])
	}
	if saved <= 0 || saved != total {
		t.Errorf("saved = %d, want the %d bytes actually saved (> 0)", saved, total)
	}
	for _, p := range []string{"assets/style.css", "demo/recommendations.json", "assets/search.js", "demo/recommendations/unused.xml", "demo/chapters/untouched-image.svg"} {
		if len(files[p]) >= len(before[p]) {
			t.Errorf("%s not minified: %q", p, files[p])
		}
	}
	if !bytes.Equal(files["demo/recommendations.csv"], before["demo/recommendations.csv"]) {
		t.Error("CSV is not a minified type and must be left alone")
	}
	for _, p := range files.Paths() {
		if path.Ext(p) != ".html" {
			continue
		}
		if textOf(files[p]) != textOf(before[p]) {
			t.Errorf("%s: text changed by minify:\n%s\n%s", p, textOf(before[p]), textOf(files[p]))
		}
		if got, want := refs(files[p]), refs(before[p]); len(got) != len(want) {
			t.Errorf("%s: references changed by minify: %v, want %v", p, got, want)
		}
		for _, must := range []string{"<!DOCTYPE html>", "<html", "<head>", "<body", "</body>", "</html>", `method="get"`} {
			if !bytes.Contains(files[p], []byte(must)) {
				t.Errorf("%s: minified page lost %s", p, must)
			}
		}
	}
	if !bytes.Contains(files["downloads/demo.html"], []byte("<pre>keep   this\n   spacing</pre>")) {
		t.Error("minify changed the white space of <pre>")
	}
}

// inlineBodies returns the raw text of every inline script and style of a page.
func inlineBodies(b []byte) (scripts, styles []string) {
	toks := tokenize(b)
	for i, tk := range toks {
		if tk.tag == nil || (tk.tag.name != "script" && tk.tag.name != "style") {
			continue
		}
		body := ""
		if i+1 < len(toks) && toks[i+1].text {
			body = string(toks[i+1].raw)
		}
		if tk.tag.name == "script" {
			scripts = append(scripts, body)
		} else {
			styles = append(styles, body)
		}
	}
	return scripts, styles
}

func hashSource(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

func TestSingleFile(t *testing.T) {
	for _, minified := range []bool{false, true} {
		files := fixtureFiles()
		if minified {
			if _, err := Minify(files); err != nil {
				t.Fatal(err)
			}
		}
		b, err := SingleFile(files, "downloads/demo.html")
		if err != nil {
			t.Fatal(err)
		}
		checkSingleFile(t, b)
		// The zip takes the page as it is (zipper.cleanBySingleFile): even
		// alone, without any other file, it has no link to relink.
		alone := output.Files{"downloads/demo.html": b}
		if got := dropMissingLinksOf(alone, "downloads/demo.html"); !bytes.Equal(got, b) {
			t.Error("the single-file edition still has links to relink")
		}
	}
}

func checkSingleFile(t *testing.T, b []byte) {
	t.Helper()
	for _, r := range refs(b) {
		ok := strings.HasPrefix(r[1], "#") || strings.HasPrefix(r[1], "data:") ||
			r[0] == "a" && strings.HasPrefix(r[1], "https://")
		if !ok {
			t.Errorf("outside reference left in the single-file edition: <%s> %q", r[0], r[1])
		}
	}
	for _, want := range []string{`href="#rec-ii-1"`, `href="#chapter-ii"`, `href="https://www.coe.int/lanzarote"`, `src="data:image/png;base64,`, `href="data:image/svg+xml;base64,`, `url("data:image/svg+xml;base64,`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("single-file edition lacks %s", want)
		}
	}
	if c := bytes.Count(b, []byte("<a href=\"#rec-ii-1\"")); c != 2 {
		t.Errorf("%d links to #rec-ii-1, want 2 (from the recommendation page and the chapter anchor)", c)
	}
	if bytes.Contains(b, []byte(fixtureCSP)) || bytes.Count(b, []byte("Content-Security-Policy")) != 1 {
		t.Error("the page's own CSP must be replaced by exactly one new one")
	}
	scripts, styles := inlineBodies(b)
	if len(scripts) != 3 || len(styles) != 1 || !strings.Contains(scripts[0], "pwned") {
		t.Fatalf("%d scripts and %d styles inline, want 3 (the stray one first) and 1", len(scripts), len(styles))
	}
	stray := scripts[0]
	scripts = scripts[1:]
	if !strings.HasPrefix(scripts[0], "window.factsheetIndex") || !strings.Contains(scripts[1], "factsheetSearch") {
		t.Errorf("deferred scripts out of order: %q", scripts)
	}
	if strings.Contains(strings.ToLower(scripts[1]), "</script") || strings.Contains(scripts[1], "<!--") {
		t.Errorf("inline script not escaped: %q", scripts[1])
	}
	m := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no CSP meta")
	}
	policy := strings.ReplaceAll(string(m[1]), "&#39;", "'")
	for _, s := range append(scripts, styles...) {
		if !strings.Contains(policy, hashSource(s)) {
			t.Errorf("CSP %q lacks the hash of inline %.40q", policy, s)
		}
	}
	if strings.Contains(policy, hashSource(stray)) {
		t.Error("an inline script that the bundle did not inline (content that escaped escaping) must not be allowed")
	}
	if strings.Contains(policy, "unsafe-inline") || !strings.Contains(policy, "default-src 'none'") {
		t.Errorf("policy too open: %s", policy)
	}
	body := b[bytes.Index(b, []byte("<body")):]
	if bytes.Index(body, []byte("window.factsheetIndex")) < bytes.Index(body, []byte("fn-1")) {
		t.Error("deferred scripts must move to the end of <body>")
	}
	if bytes.Index(b, []byte("Content-Security-Policy")) > bytes.Index(b, []byte("<style")) {
		t.Error("the CSP meta must come before the first style")
	}
}

func TestSingleFileMissingReference(t *testing.T) {
	files := fixtureFiles()
	delete(files, "assets/search.js")
	_, err := SingleFile(files, "downloads/demo.html")
	if err == nil || !strings.Contains(err.Error(), "assets/search.js") {
		t.Errorf("err = %v, want one naming the missing assets/search.js", err)
	}
	if _, err := SingleFile(files, "downloads/none.html"); err == nil {
		t.Error("a missing single-file page must be an error")
	}
}

// unzip reads a zip into files keyed by full entry name, checking fixed metadata.
func unzip(t *testing.T, b []byte) output.Files {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	got := output.Files{}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		if f.Mode().Perm() != 0o644 || f.Modified.Format("2006-01-02") != "2024-05-06" {
			t.Errorf("%s: mode %v, time %v; want 0644 and the last update", f.Name, f.Mode(), f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("zip entries not sorted: %v", names)
	}
	return got
}

func TestWithCSPPlacement(t *testing.T) {
	for page, want := range map[string]string{
		`<html><head><meta charset="utf-8"><title>x</title></head></html>`:                           `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"`,
		`<html><head><title>x</title><meta http-equiv="content-security-policy" content="a"></head>`: `<head><meta http-equiv="Content-Security-Policy"`,
		`<p>bare</p>`: `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;; style-src &#39;none&#39;;`,
	} {
		got := string(render(withCSP(tokenize([]byte(page)))))
		if !strings.Contains(got, want) || strings.Count(strings.ToLower(got), "content-security-policy") != 1 {
			t.Errorf("withCSP(%s) = %s, want it to contain %s once", page, got, want)
		}
	}
}

func TestMinifyLeavesInputAlone(t *testing.T) {
	files := fixtureFiles()
	files["assets/quotes.js"] = []byte(`window.q = {"it's": ':', "say \"hi\"": "'", 'x': "a\u0027b"};` + "\n")
	files["assets/UPPER.html"] = []byte(`<!DOCTYPE html><HTML LANG="en"><HEAD><TITLE>x</TITLE></HEAD><BODY CLASS="A">t</BODY></HTML>`)
	shared := map[string][]byte{}
	for p, b := range files {
		shared[p] = b // the same backing arrays as files
	}
	before := copyFiles(files)
	if _, err := Minify(files); err != nil {
		t.Fatal(err)
	}
	for p, b := range shared {
		if !bytes.Equal(b, before[p]) {
			t.Errorf("%s: Minify changed its input in place:\n%q\n%q", p, before[p], b)
		}
	}
	tokenize(shared["assets/UPPER.html"])
	if !bytes.Equal(shared["assets/UPPER.html"], before["assets/UPPER.html"]) {
		t.Error("tokenize changed its input in place")
	}
}

func TestHumanSizeIn(t *testing.T) {
	for _, c := range []struct {
		n           int
		units, want string
	}{
		{870, "octets ko Mo ,", "870 octets"},
		{73_400, "octets ko Mo ,", "73 ko"},
		{1_240_000, "octets ko Mo ,", "1,2 Mo"},
		{1_240_000, "bytes KB MB .", "1.2 MB"},
		{73_400, "", "73 KB"},
	} {
		if got := HumanSizeIn(c.n, c.units); got != c.want {
			t.Errorf("HumanSizeIn(%d, %q) = %q, want %q", c.n, c.units, got, c.want)
		}
	}
}
