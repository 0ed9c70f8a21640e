package factsheet

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	meta "github.com/yuin/goldmark-meta"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// TestSupParserAsGoldmark checks that supParser changes nothing: the seed and
// texts with "<sup>" and other tags in every form render to the same HTML and
// parse to the same tree, segment for segment, with it as without it.
func TestSupParserAsGoldmark(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		string(seed),
		"a<sup>1</sup> b<sup>2,3</sup>.\n\n<sup>1</sup> The note.\n",
		"<sup>1</sup>\n", "<sup>1</sup> text <sup>2</sup>\n<sup>3</sup> more</sup>\n",
		"x <sup >1</sup >, <SUP>2</SUP>, <sup\n>3</sup\n>, <sup class=\"n\">4</sup>, <sup/>\n",
		"x <supx>1</supx>, <sup, </sup, <sub>2</sub>, <s>3</s>, </ sup>, <</sup>>\n",
		"x `<sup>1</sup>`, \\<sup>2</sup>, <!-- <sup>3</sup> -->, <https://example.org/>, <a@b.eu>\n",
		"*x<sup>1</sup>* **<sup>2</sup>** <sup>*3*</sup> <sup><sup>4</sup></sup> [l<sup>5</sup>](u)\n",
		"> quoted <sup>1</sup>\n> on </sup>\n\n- item\t<sup>2</sup>\n\t<sup>3</sup>\n\n    code <sup>4</sup>\n",
		"# Heading<sup>1</sup>\n\nSetext <sup>2</sup>\n---\n\n| a<sup>3</sup> |\n",
		"<sup>", "</sup>", "a <sup>", "a </sup>", "<", "a <",
	}
	with := goldmark.New(goldmark.WithExtensions(meta.Meta), goldmark.WithParserOptions(withSup), goldmark.WithRendererOptions(html.WithUnsafe()))
	without := goldmark.New(goldmark.WithExtensions(meta.Meta), goldmark.WithRendererOptions(html.WithUnsafe()))
	for _, in := range inputs {
		got, gotTree := renderTree(t, with, in)
		want, wantTree := renderTree(t, without, in)
		name := in
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		if got != want {
			t.Errorf("%q renders\n%s\nwith supParser, without\n%s", name, got, want)
		}
		if gotTree != wantTree {
			t.Errorf("%q parses to\n%s\nwith supParser, without\n%s", name, gotTree, wantTree)
		}
	}
}

// renderTree renders src to HTML and describes its tree: each node's kind
// and the segments of its text and raw HTML.
func renderTree(t *testing.T, md goldmark.Markdown, src string) (string, string) {
	var out bytes.Buffer
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	var tree bytes.Buffer
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&tree, "%s", n.Kind())
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				fmt.Fprintf(&tree, " %+v", n.Segments.At(i))
			}
		case *ast.Text:
			fmt.Fprintf(&tree, " %+v soft=%v hard=%v", n.Segment, n.SoftLineBreak(), n.HardLineBreak())
		}
		tree.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return out.String(), tree.String()
}
