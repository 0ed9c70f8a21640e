package bundle

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"factsheet/site/output"
)

// TestEscapeRawShortcut: escapeRaw returns a script or style as it is only
// when the full escape would not change it.
func TestEscapeRawShortcut(t *testing.T) {
	for _, c := range []string{
		"", "x = 1", "a </b> c", "s = '</scrip'", "</s", "</sty>", "a < /script",
		"x = '</script>'", "x = '</SCRIPT'", "x = '</ScRiPt '", "x = '</ſcript'", "x = '</scrİpt'",
		"x = '<!-- y'", "a\r\nb", "a\rb", "p { content: '</style' }", "p { content: '</STYLE>' }",
	} {
		for _, element := range []string{"script", "style"} {
			b := []byte(c)
			full := escapeRawAll(b, element)
			if !needsEscape(b, element) && !bytes.Equal(full, b) {
				t.Errorf("%q in <%s>: the shortcut keeps it, the full escape gives %q", c, element, full)
			}
			if got := escapeRaw(b, element); !bytes.Equal(got, full) {
				t.Errorf("%q in <%s>: escapeRaw = %q, want %q", c, element, got, full)
			}
		}
	}
}

// TestASCIILowerInto: the word-at-a-time lower-casing changes exactly the
// bytes 'A' to 'Z', whatever their neighbours and their place in the word.
func TestASCIILowerInto(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, fill := range []byte{0, '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0x7f, 0x80, 0xc1, 0xda, 0xff} {
			b := bytes.Repeat([]byte{fill}, 19) // two words and a tail
			for at := range b {
				b[at] = byte(c)
				out := make([]byte, len(b))
				asciiLowerInto(out, b)
				for i, x := range b {
					want := x
					if 'A' <= x && x <= 'Z' {
						want += 'a' - 'A'
					}
					if out[i] != want {
						t.Fatalf("%q: byte %d is %#x, want %#x", b, i, out[i], want)
					}
				}
				b[at] = fill
			}
		}
	}
}

// TestScanHrefsKnownTargets: the targets remembered from one page of a
// folder give its other pages the verdicts a fresh scan gives, also for the
// values that point to the page itself (empty, a query, an entity).
func TestScanHrefsKnownTargets(t *testing.T) {
	files := output.Files{"d/a.html": nil, "d/b.html": nil}
	page := []byte(`<a href="">self</a><a href="?q=1">q</a><a href="&#63;q">e</a><a href="b.html">b</a><a href="c.html">c</a><a href="#x">x</a>`)
	known := targets{}
	for _, p := range []string{"d/a.html", "d/c.html", "d/b.html", "d/c.html"} {
		got, gotSure := scanHrefs(files, p, page, asciiLower(page), known)
		want, wantSure := scanHrefs(files, p, page, asciiLower(page), targets{})
		if gotSure != wantSure || !slices.Equal(got, want) {
			t.Errorf("%s: with known targets %v %v, fresh %v %v", p, got, gotSure, want, wantSure)
		}
	}
	if got, _ := scanHrefs(files, "d/c.html", page, asciiLower(page), known); len(got) != 4 {
		t.Errorf("d/c.html, missing from the files: %d links to missing files, want 4 (three to itself, one to c.html)", len(got))
	}
}

// TestIndexByRare: looking for the rare byte finds what bytes.Index finds.
func TestIndexByRare(t *testing.T) {
	for _, b := range []string{"", "h", "href", "hre", "ref", "xhref", "hrefhref", "hhhref", "hrehref", "f href", "fffhre", "hreF href"} {
		for rare := range len("href") {
			if got, want := indexByRare([]byte(b), "href", rare), strings.Index(b, "href"); got != want {
				t.Errorf("indexByRare(%q, href, %d) = %d, want %d", b, rare, got, want)
			}
		}
	}
}
