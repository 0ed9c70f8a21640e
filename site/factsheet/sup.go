package factsheet

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// supParser reads the footnote markers "<sup>" and "</sup>" as goldmark's raw
// HTML parser does, one *ast.RawHTML of the tag's bytes, without its regular
// expressions: a factsheet has hundreds of them. Anything else starting with
// '<' is left to goldmark's parsers.
type supParser struct{}

var (
	supOpen  = []byte("<sup>")
	supClose = []byte("</sup>")
)

// supPriority puts supParser before goldmark's raw HTML parser (400) and its
// autolink parser (300), which never takes "<sup>" or "</sup>": neither is
// an address.
const supPriority = 250

// Trigger implements parser.InlineParser.
func (supParser) Trigger() []byte { return []byte{'<'} }

// Parse implements parser.InlineParser.
func (supParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	tag := supOpen
	if !bytes.HasPrefix(line, tag) {
		if tag = supClose; !bytes.HasPrefix(line, tag) {
			return nil
		}
	}
	node := ast.NewRawHTML()
	node.Segments.Append(text.NewSegment(segment.Start, segment.Start+len(tag)))
	block.Advance(len(tag))
	return node
}

// withSup is the parser option that adds supParser.
var withSup = parser.WithInlineParsers(util.Prioritized(supParser{}, supPriority))
