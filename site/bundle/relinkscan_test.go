package bundle

import (
	"bytes"
	"testing"

	"factsheet/site/output"
)

// TestRelinkFastMatchesTokenizer: the pages whose missing links the byte
// scan relinks come out byte for byte as the tokenizer writes them, and the
// common case (double-quoted links to missing pages) does skip the tokenizer.
func TestRelinkFastMatchesTokenizer(t *testing.T) {
	head := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title>`
	canon := `<link rel="canonical" href="https://x.org/site/d/a.html">`
	files := output.Files{"d/a.html": nil, "d/b.html": nil, "assets/s.css": nil}
	for _, c := range []struct {
		page string
		fast bool // the scan settles it without the tokenizer
	}{
		{head + `</head><body><a href="c.html" class="k" rel="next">c</a> <a href="b.html">b</a></body>`, true},
		{head + canon + `</head><body><a class=k href="../r/x.html#p1" TARGET="_blank">x</a></body>`, true},
		{head + `</head><body><a href="b.html" href="c.html">two</a><a href="c.html" href="b.html">two</a></body>`, true},
		{head + `</head><body><link href="c.css"><area href="c.html" alt="&amp;"><a\nhref="c.html"\n>n</a></body>`, true},
		{head + `</head><body><a title='x href="c.html"' href="b.html">q</a><a data-x='href="c.html"'>q</a></body>`, true},
		{head + `</head><body><!-- <a href="c.html"> --><a href="c.html">c</a></body>`, true},
		{head + `</head><body><svg><a href="c.html">s</a></svg></body>`, true},
		{head + `</head><body><a href="c.html">c</a><link rel="canonical" href="https://x.org/d/a.html"></body>`, true},
		{`<a href="c.html">no head</a>`, true},
		{head + `</head><body><p>&lt;a href="c.html"&gt;</p></body>`, true},              // an href in the text
		{head + `</head><body><a title="1>0" href="c.html">c</a></body>`, true},          // a '>' inside a value
		{head + `</head><body><textarea><a href="c.html"></textarea></body>`, true},      // text that is not markup
		{head + `</head><body><A<sCript ><A href="c.html"></sCript></body>`, true},       // no script: "a<script" is a tag name
		{head + `</head><body><script>x='<a href="c.html">'</script></body>`, true},      // a script's text
		{head + `</head><body><a href=c.html>c</a></body>`, false},                       // not double-quoted
		{head + `</head><body><a href="c.html"`, false},                                  // a tag cut short
		{head + `</head><body><script><!--<a href="c.html"></script></body>`, false},     // a script's escaped text
		{head + `</head><body><svg>` + "\x00" + `</svg><a href="c.html"></body>`, false}, // the lexer stops at a NUL in SVG
	} {
		page := []byte(c.page)
		files["d/a.html"] = page
		want := dropMissingLinksOf(files, "d/a.html")
		got, ok := relinkFast(files, "d/a.html", page, targets{})
		if ok != c.fast {
			t.Errorf("%s: relinkFast ok = %v, want %v", c.page, ok, c.fast)
		}
		if ok && !bytes.Equal(got, want) {
			t.Errorf("%s:\nscan:      %s\ntokenizer: %s", c.page, got, want)
		}
	}
	f := fixtureFiles() // the fixture site, its pages cut off from some of their links
	for _, p := range f.Paths() {
		if bytes.Contains([]byte(p), []byte("/r")) {
			delete(f, p)
		}
	}
	for _, p := range f.Paths() {
		if got, ok := relinkFast(f, p, f[p], targets{}); ok && !bytes.Equal(got, dropMissingLinksOf(f, p)) {
			t.Errorf("%s: the scan's relinking differs from the tokenizer's", p)
		}
	}
}

// relinkPages are small pages on which the byte scan and the tokenizer once
// disagreed about where a tag starts or what is markup: a '<' inside a tag or
// a quoted value before a missing link, a link inside a value, an end tag or
// a comment the tokenizer reads differently from the scan.
var relinkPages = []string{
	`<a title="x<y" href="c.html">c</a>`,
	`<img alt='a<b'><a title='x<y' href="c.html">c</a>`,
	`<a title=x<y href="c.html">c</a>`,
	`<a <b href="c.html">c</a>`,
	`<img alt='<a href="c.html">'>`,
	`<img alt="x" title='<a href="c.html">'>`,
	`</x <a href="c.html">`,
	`<!x <a href="c.html">`,
	`<?x <a href="c.html">`,
	`<![CDATA[<a href="c.html">]]>`,
	`<xml><a href="c.html"></xml>`,
	`<title></titlex><a href="c.html"></title>`,
	`<script><!--<script></script><a href="c.html"></script>--></script>`,
	`<meta content='<link rel="canonical" href="https://x.org/site/d/a.html">'><a href="c.html">`,
	`<link rel="&#99;anonical" href="https://x.org/site/d/a.html"><a href="c.html">`,
}

// TestRelinkFastAmbiguousPages: on pages whose markup the byte scan could
// misread, relinkFast gives the tokenizer's result or leaves the page to it.
func TestRelinkFastAmbiguousPages(t *testing.T) {
	head := `<!DOCTYPE html><html><head><title>T</title>`
	for _, body := range relinkPages {
		for _, page := range []string{head + `</head><body>` + body, head + body + `</head>`} {
			checkRelinkFast(t, []byte(page))
		}
	}
}

// FuzzRelinkFast: for any page, relinkFast gives the tokenizer's result or
// leaves the page to it.
func FuzzRelinkFast(f *testing.F) {
	for _, b := range fixtureFiles() {
		f.Add(b)
	}
	for _, body := range relinkPages {
		f.Add([]byte(`<head><link rel="canonical" href="https://x.org/site/d/a.html"></head>` + body))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		checkRelinkFast(t, page)
	})
}

// checkRelinkFast fails when relinkFast settles the page d/a.html of a small
// site (with d/b.html, without d/c.html) otherwise than dropMissingLinksOf.
func checkRelinkFast(t *testing.T, page []byte) {
	t.Helper()
	files := output.Files{"d/a.html": page, "d/b.html": nil, "assets/s.css": nil}
	want := dropMissingLinksOf(files, "d/a.html")
	if got, ok := relinkFast(files, "d/a.html", page, targets{}); ok && !bytes.Equal(got, want) {
		t.Errorf("%q:\nscan:      %q\ntokenizer: %q", page, got, want)
	}
}
