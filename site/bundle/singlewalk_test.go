package bundle

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	rendersite "factsheet/site/render"
)

// bothWays is SingleFile of the page name in files from tokenizeSome's
// tokens and from tokenize's: output or error, as text. walked is false
// when tokenizeSome gave up (then both are tokenize's).
func bothWays(files output.Files, name string) (some, all string, walked bool) {
	show := func(b []byte, err error) string {
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}
	toks, walked := tokenizeSome(files[name])
	if !walked {
		toks = tokenize(files[name])
	}
	some = show(singleFileOf(files, name, toks))
	all = show(singleFileOf(files, name, tokenize(files[name])))
	return some, all, walked
}

// TestSingleFileWalkAsTokenized bundles the single-file edition of the
// seed (with and without a base URL, minified or not) and of the bundle's
// fixture from tokenizeSome's tokens and from tokenize's: the same bytes,
// and tokenizeSome must not have given up.
func TestSingleFileWalkAsTokenized(t *testing.T) {
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := factsheet.Parse("content/lithuania.md", src)
	if doc == nil {
		t.Fatal("the seed did not parse")
	}
	for _, base := range []string{"", "https://example.org/site/"} {
		for _, minified := range []bool{false, true} {
			files, err := rendersite.Site([]*factsheet.Document{doc}, rendersite.Options{Templates: defaults.Templates, Assets: defaults.Assets, BaseURL: base})
			if err != nil {
				t.Fatal(err)
			}
			if minified {
				if _, err := Minify(files); err != nil {
					t.Fatal(err)
				}
			}
			name := fmt.Sprintf("base %q, minified %v", base, minified)
			some, all, walked := bothWays(files, "downloads/lithuania.html")
			if !walked {
				t.Errorf("%s: tokenizeSome gave up on the single-file edition", name)
			}
			if some != all {
				t.Errorf("%s: SingleFile differs from tokenizeSome's tokens: %s", name, firstDifference(all, some))
			}
		}
	}
	files := fixtureFiles()
	if some, all, _ := bothWays(files, "downloads/demo.html"); some != all {
		t.Errorf("fixture: SingleFile differs from tokenizeSome's tokens: %s", firstDifference(all, some))
	}
}

// FuzzSingleFileWalk holds SingleFile from tokenizeSome's tokens to
// SingleFile from tokenize's on any page (the fixture's files beside it),
// and tokenizeSome's raw bytes to the page.
func FuzzSingleFileWalk(f *testing.F) {
	files := fixtureFiles()
	for _, b := range files {
		f.Add(b)
	}
	f.Add([]byte(`<head><meta charset=utf-8><meta http-equiv="content-security-policy" content="x"><link rel=stylesheet href="../assets/style.css"></head>` +
		`<body><a ID = "x" href="#y">a</a><a href='../demo/index.html'>b</a><a href="#x" href="../x.html">c</a><p/id=z>z</p><a href="../demo/chapters/ii.html#z">to z</a><span\tid\n=\nw>w</span><a href="../demo/chapters/ii.html#w">to w</a><script src="../assets/search.js" defer></script><script>x<y</script></body>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		if toks, ok := tokenizeSome(page); ok {
			var joined bytes.Buffer
			for _, tk := range toks {
				joined.Write(tk.raw)
			}
			if !bytes.Equal(joined.Bytes(), page) {
				t.Fatalf("tokenizeSome's raw bytes are not the page:\n%q\n%q", page, joined.Bytes())
			}
		}
		fs := output.Files{}
		for p, b := range files {
			fs[p] = b
		}
		fs["downloads/demo.html"] = page
		if some, all, _ := bothWays(fs, "downloads/demo.html"); some != all {
			t.Errorf("SingleFile differs from tokenizeSome's tokens on %q:\n%s", page, firstDifference(all, some))
		}
	})
}

// firstDifference shows where got first differs from want.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-60)
	return fmt.Sprintf("at byte %d: want %q, got %q", i, want[from:min(len(want), i+60)], got[from:min(len(got), i+60)])
}
