package factsheet

import (
	"bytes"
	"strings"
	"unicode/utf8"

	meta "github.com/yuin/goldmark-meta"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxFileSize is the largest factsheet accepted; converted factsheets are about 100 KB.
const maxFileSize = 8 << 20

// markdown is the goldmark parser of factsheet files: CommonMark plus YAML
// front matter, with a quicker reading of footnote markers (supParser).
var markdown = goldmark.New(goldmark.WithExtensions(meta.Meta), goldmark.WithParserOptions(withSup))

// parser carries the state of parsing one file: the source, its line index and
// the problems found so far.
type fileParser struct {
	file     string
	src      []byte
	lines    []int // byte offset of the start of each line
	problems Problems
	doc      *Document
	notes    map[int]*Footnote // footnote definitions by number
	vocab    *Vocabulary       // the grammar's words in the language of the file
	toc      []*tocEntry       // the chapters the table of contents lists
}

// Parse rebuilds one factsheet from the content of a file; name is used in
// positions. It returns the document and every problem found, sorted by
// position. The document is nil when an error makes it unusable (no front
// matter, invalid text); otherwise it is complete and warnings say what the
// parser could not place.
func Parse(name string, src []byte) (*Document, Problems) {
	p := &fileParser{file: name, src: src, notes: map[int]*Footnote{}, vocab: vocabularies()["en"]}
	p.indexLines()
	if doc := p.parse(); doc != nil && !p.problems.HasErrors() {
		p.problems.Sort()
		doc.sealPlain()
		return doc, p.problems
	}
	p.problems.Sort()
	return nil, p.problems
}

func (p *fileParser) parse() *Document {
	switch {
	case len(bytes.TrimSpace(p.src)) == 0:
		p.errorf(1, "the file is empty: a factsheet starts with a '---' front matter block followed by the converted text")
		return nil
	case len(p.src) > maxFileSize:
		p.errorf(1, "the file is %d bytes, more than the %d accepted: is it really a converted factsheet?", len(p.src), maxFileSize)
		return nil
	case !utf8.Valid(p.src):
		p.errorf(p.lineOf(invalidUTF8(p.src)), "the text is not valid UTF-8: convert the file to UTF-8")
		return nil
	}
	ctx := parser.NewContext()
	root := markdown.Parser().Parse(text.NewReader(p.src), parser.WithContext(ctx))
	m, ok := p.frontMatter(ctx)
	if !ok {
		return nil
	}
	p.doc = &Document{Meta: m, File: p.file, Source: p.src, KeyLines: p.keyLines(p.frontMatterEnd())}
	p.useLanguage(m.Language)
	blocks := p.topLevel(root)
	p.buildDocument(blocks)
	p.doc.Abbreviations = p.abbreviations()
	return p.doc
}

// indexLines records where each line starts, to turn byte offsets into positions.
func (p *fileParser) indexLines() {
	p.lines = []int{0}
	for i, c := range p.src {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
}

// lineOf returns the 1-based line of a byte offset.
func (p *fileParser) lineOf(offset int) int {
	lo, hi := 0, len(p.lines)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if p.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// posAt turns a byte offset into a position.
func (p *fileParser) posAt(offset int) Pos {
	line := p.lineOf(offset)
	col := utf8.RuneCount(p.src[p.lines[line-1]:offset]) + 1
	return Pos{File: p.file, Line: line, Col: col}
}

// posOf returns the position of a node's first character.
func (p *fileParser) posOf(n ast.Node) Pos {
	if off, ok := firstOffset(n); ok {
		return p.posAt(off)
	}
	return Pos{File: p.file, Line: 1}
}

// firstOffset finds the first source offset covered by a node or its descendants.
func firstOffset(n ast.Node) (int, bool) {
	if n == nil {
		return 0, false
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := firstOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}

// errorf records an error at a line.
func (p *fileParser) errorf(line int, format string, args ...any) {
	p.problems = append(p.problems, Problem{Pos: Pos{File: p.file, Line: line}, Severity: Error, Message: message(format, args...)})
}

// message formats a problem's message on one line of valid UTF-8, whatever
// the arguments quote from the file.
func message(format string, args ...any) string {
	return normalizeSpace(strings.ToValidUTF8(sprintf(format, args...), "\uFFFD"))
}

// warnf records a warning at a position.
func (p *fileParser) warnf(pos Pos, format string, args ...any) {
	p.problems = append(p.problems, Problem{Pos: pos, Severity: Warning, Message: message(format, args...)})
}

// failf records an error at a position.
func (p *fileParser) failf(pos Pos, format string, args ...any) {
	p.problems = append(p.problems, Problem{Pos: pos, Severity: Error, Message: message(format, args...)})
}

// useLanguage picks the grammar's words of the file's language, warning when
// the grammar does not know it.
func (p *fileParser) useLanguage(lang string) {
	v, ok := vocabularyOf(lang)
	if !ok {
		p.warnf(Pos{File: p.file, Line: 1}, "language %q: the grammar knows no words of it (site/factsheet/grammar/%s.json), the English ones are used", lang, lang)
	}
	p.vocab = v
}
