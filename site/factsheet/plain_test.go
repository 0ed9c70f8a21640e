package factsheet

import (
	"os"
	"strings"
	"testing"
)

// TestCollapseSpace checks collapseSpace against what it replaces,
// strings.Join(strings.Fields(s), " "), on white space of every kind,
// invalid UTF-8 and text without white space.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a ", "\ta\n\nb  c\r\n", "a\u00a0b\u2003 c\u3000", "\u0085x\u0085",
		"a\xffb \xe2\x80 c", "word", "  two   words  ", "é à\u2028ü",
	} {
		if got, want := string(collapseSpace([]byte(s))), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSealedPlain: once the seed is parsed, every inline text of the
// document keeps its plain text, the same as Plain computes afresh.
func TestSealedPlain(t *testing.T) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Parse("content/lithuania.md", src)
	if doc == nil {
		t.Fatal("the seed did not parse")
	}
	sealed := 0
	doc.eachInline(func(in *Inline) {
		if in.plain == nil {
			t.Errorf("an inline text is not sealed: %q", (&Inline{Node: in.Node, Source: in.Source}).Plain())
			return
		}
		sealed++
		if fresh := (&Inline{Node: in.Node, Source: in.Source}).Plain(); *in.plain != fresh {
			t.Errorf("sealed %q, computed %q", *in.plain, fresh)
		}
	})
	if sealed < 300 {
		t.Errorf("%d inline texts sealed, want the seed's paragraphs, items and footnotes", sealed)
	}
}
