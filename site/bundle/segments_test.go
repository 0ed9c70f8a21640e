package bundle

import (
	"bytes"
	"os"
	"path"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	rendersite "factsheet/site/render"
	"factsheet/site/status"
)

// TestSegmentedMinifyAsWhole minifies every HTML page of the seed's site,
// with and without a status file (whose badges put <svg> in lists), by
// segments and at once: the bytes must be the same, and the recommendation
// pages must have been cut.
func TestSegmentedMinifyAsWhole(t *testing.T) {
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := factsheet.Parse("content/lithuania.md", src)
	if doc == nil {
		t.Fatal("the seed did not parse")
	}
	var ids []string
	for _, r := range doc.Recommendations {
		ids = append(ids, r.IDs...)
	}
	rec, ps := status.Parse("lithuania.status.yaml", mustRead(t, "../status/testdata/lithuania.status.yaml"), ids, "2025-01-01")
	if len(ps) > 0 {
		t.Fatalf("the status fixture has problems against the seed:\n%v", ps)
	}
	for _, opts := range []rendersite.Options{
		{BaseURL: "https://example.org/site/"},
		{Status: map[string]*status.Record{"lithuania": rec}},
	} {
		opts.Templates, opts.Assets = defaults.Templates, defaults.Assets
		files, err := rendersite.Site([]*factsheet.Document{doc}, opts)
		if err != nil {
			t.Fatal(err)
		}
		memo, cut := newSegmentMemo(), 0
		for p, b := range files {
			if path.Ext(p) != ".html" {
				continue
			}
			whole, err := minifyCopy(minifier(), "text/html", b)
			if err != nil {
				t.Fatal(err)
			}
			segmented, err := memo.minifyHTML(minifier(), b)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(whole, segmented) {
				t.Errorf("%s: minified by segments differs from at once", p)
			}
			if segmentCuts(b) != nil {
				cut++
			}
		}
		if cut < 90 {
			t.Errorf("%d pages cut into segments, want the 90 recommendation pages at least", cut)
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSegmentCutsAvoidRawText: no cut in a page whose <main> holds
// preformatted text, a script or a comment.
func TestSegmentCutsAvoidRawText(t *testing.T) {
	items := "<li>a</li>\n<li>b</li>\n<li>c</li>\n<li>d</li>\n<li>e</li>\n<li>f</li>"
	if segmentCuts([]byte("<main><ul>"+items+"</ul></main>")) == nil {
		t.Fatal("a plain list is not cut")
	}
	if segmentCuts([]byte("<main><svg><path/></svg><ul>"+items+"</ul></main>")) == nil {
		t.Error("a list after an <svg> is not cut")
	}
	for _, inner := range []string{"<pre>x</pre>", "<script>x</script>", "<!-- x -->", "<svg><text></li>\n<li></text></svg>", "<textarea>x</textarea>"} {
		if cuts := segmentCuts([]byte("<main>" + inner + "<ul>" + items + "</ul></main>")); cuts != nil {
			t.Errorf("a <main> with %s is cut at %v", inner, cuts)
		}
	}
}
