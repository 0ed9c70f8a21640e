package linkcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factsheet/site/output"
)

// page wraps a body into a minimal HTML page.
func htmlPage(body string) []byte {
	return []byte("<!doctype html><html lang=en><head><title>t</title></head><body>" + body + "</body></html>")
}

// good is a small site whose every link resolves.
func good() output.Files {
	return output.Files{
		"index.html":          htmlPage(`<a href="lt/index.html">Lithuania</a><a href="https://www.coe.int/">CoE</a><a href="mailto:a@b.c">mail</a>`),
		"assets/style.css":    []byte("body{}"),
		"assets/search.js":    []byte(""),
		"lt/index.html":       htmlPage(`<link rel="stylesheet" href="../assets/style.css"><script src="../assets/search.js" defer></script><a href="chapters/ii.html#rec-ii-6">II-6</a><form action="search.html"></form><a href="search.html?q=x">s</a>`),
		"lt/search.html":      htmlPage(`<a href="../index.html">home</a>`),
		"lt/chapters/ii.html": htmlPage(`<p id="rec-ii-6">text<sup id="fnref-1"><a href="#fn-1">1</a></sup> and again<a id="fnref-1-2" href="#fn-1">1</a></p><ol><li id="fn-1">note <a href="#fnref-1">↩</a> <a href="#fnref-1-2">↩</a></li></ol><a href="../../index.html">top</a><a href="ii.html#rec-ii-6">self</a>`),
	}
}

func TestCheckGoodSite(t *testing.T) {
	files := good()
	if ps := Check(files); len(ps) != 0 {
		t.Fatalf("a good site has problems:\n%s", join(ps))
	}
}

func TestCheckBrokenLinks(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"missing file", `<a href="chapters/x.html">x</a>`, `href="chapters/x.html": no file lt/chapters/x.html in the site`},
		{"missing anchor", `<a href="chapters/ii.html#rec-ii-7">x</a>`, `no element with id "rec-ii-7" in lt/chapters/ii.html`},
		{"missing own anchor", `<a href="#nowhere">x</a>`, `no element with id "nowhere" in lt/index.html`},
		{"dead hash", `<a href="#">x</a>`, `href="#": empty fragment '#'`},
		{"empty href", `<a href="">x</a>`, `href="": empty URL`},
		{"javascript", `<a href="JavaScript:alert(1)">x</a>`, `javascript: URL`},
		{"root relative", `<a href="/lt/index.html">x</a>`, `root-relative URL`},
		{"protocol relative", `<script src="//cdn.example/x.js"></script>`, `src="//cdn.example/x.js": protocol-relative URL`},
		{"folder", `<a href="chapters/">x</a>`, `links to the folder lt/chapters/`},
		{"folder without slash", `<a href="../lt">x</a>`, `links to the folder lt/`},
		{"outside", `<a href="../../etc/passwd">x</a>`, `points outside the site`},
		{"missing script", `<script src="../assets/nope.js"></script>`, `src="../assets/nope.js": no file assets/nope.js`},
		{"missing image in srcset", `<img alt="" src="../assets/style.css" srcset="../assets/a.png 2x">`, `srcset="../assets/a.png": no file assets/a.png`},
		{"anchor into css", `<a href="../assets/style.css#x">x</a>`, `not an HTML page`},
		{"duplicate id", `<p id="d"></p><p id="d"></p>`, `id="d": the id is used more than once`},
		{"form action", `<form action="find.html"></form>`, `action="find.html": no file lt/find.html`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			files["lt/index.html"] = htmlPage(tt.body)
			ps := Check(files)
			if len(ps) != 1 || !strings.Contains(ps[0].String(), tt.want) || ps[0].Page != "lt/index.html" {
				t.Fatalf("want one problem on lt/index.html containing %q, got:\n%s", tt.want, join(ps))
			}
		})
	}
}

func TestCheckFootnotes(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"no back-link", `<p><sup id="fnref-1"><a href="#fn-1">1</a></sup></p><ol><li id="fn-1">note</li></ol>`,
			`href="#fn-1": footnote fn-1 has no link back to its reference #fnref-1`},
		{"reference without id", `<p><a href="#fn-1">1</a></p><ol><li id="fn-1">note</li></ol>`,
			`footnote reference without an id`},
		{"never referenced", `<p id="fnref-1">x</p><ol><li id="fn-1">note</li></ol>`,
			`id="fn-1": footnote never referenced on its page`},
		{"back-link to another note's reference", `<p><sup id="fnref-1"><a href="#fn-1">1</a></sup><sup id="fnref-2"><a href="#fn-2">2</a></sup></p><ol><li id="fn-1">a <a href="#fnref-1">↩</a></li><li id="fn-2">b <a href="#fnref-2">↩</a><a href="#fnref-1">↩</a></li></ol>`,
			`back-link from footnote fn-2 to #fnref-1, which is not a reference to that footnote`},
		{"missing footnote", `<p><sup id="fnref-3"><a href="#fn-3">3</a></sup></p>`,
			`no element with id "fn-3"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := good()
			files["lt/chapters/ii.html"] = htmlPage(`<p id="rec-ii-6"></p>` + tt.body)
			ps := Check(files)
			if len(ps) != 1 || !strings.Contains(ps[0].String(), tt.want) {
				t.Fatalf("want one problem containing %q, got:\n%s", tt.want, join(ps))
			}
		})
	}
}

func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	files := good()
	files["lt/index.html"] = htmlPage(`<a href="chapters/ii.html#rec-ii-6">x</a><a href="chapters/iii.html">y</a>`)
	for p, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := CheckDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].String() != `lt/index.html: href="chapters/iii.html": no file lt/chapters/iii.html in the site` {
		t.Fatalf("got:\n%s", join(ps))
	}
}

func join(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}
