package bundle

import (
	"bytes"
	"testing"

	"factsheet/site/output"
)

// TestMayLinkMissing: the byte scan that lets a page skip tokenizing says
// "no missing link" only when the tokenizer would leave the page unchanged,
// and finds the missing links however the attribute is written.
func TestMayLinkMissing(t *testing.T) {
	files := output.Files{"d/a.html": nil, "d/b.html": nil, "assets/s.css": nil}
	for _, c := range []struct {
		page string
		may  bool
	}{
		{`<a href="b.html">b</a><a href="#x">x</a><a href="https://x.org/">o</a><link href="../assets/s.css">`, false},
		{`<a href="c.html">c</a>`, true},
		{`<a HREF = "c.html">c</a>`, true},
		{`<a href='b.html'>b</a>`, true}, // not double-quoted: the tokenizer decides
		{`<a href=b.html>b</a>`, true},   // idem
		{`<a hreflang="fr" href="b.html">`, false},
		{`<script>var s = '<a href="c.html">';</script><a href="b.html">`, true}, // script text: the tokenizer decides
		{`<A<sCript ><A href="c.html"></sCript>`, true},                          // "a<script" is a tag name, not a script
		{`<scriptx><a href="c.html"></a>`, true},
		{`<script>unclosed <a href="c.html">`, true},
		{`<a href="b.html?q=1&amp;r=2#top">`, false},
		{`<a href="c.html&amp;">`, true},
		{`<p>İstanbul ẞ Ω</p><a href="c.html">`, true}, // letters whose lower case is longer or shorter
		{`<p>İstanbul ẞ Ω</p><a href="b.html">`, false},
	} {
		page := []byte(c.page)
		files["d/a.html"] = page
		if got := mayLinkMissing(files, "d/a.html", page); got != c.may {
			t.Errorf("%s: mayLinkMissing = %v, want %v", c.page, got, c.may)
		}
		if !c.may && !bytes.Equal(dropMissingLinksOf(files, "d/a.html"), page) {
			t.Errorf("%s: the tokenizer changes a page the scan passed", c.page)
		}
	}
	for _, p := range fixtureFiles().Paths() { // the fixture site: same verdict as the tokenizer
		f := fixtureFiles()
		if !mayLinkMissing(f, p, f[p]) && !bytes.Equal(dropMissingLinksOf(f, p), f[p]) {
			t.Errorf("%s: the tokenizer changes a page the scan passed", p)
		}
	}
}
