package factsheet

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// unitKind classifies the top-level blocks of the converted text.
type unitKind int

const (
	unitBody  unitKind = iota // a heading, paragraph, list or quote of the text
	unitBreak                 // a "---" page break
	unitNotes                 // a paragraph of footnote definitions
	unitUsed                  // a fragment already stitched elsewhere
)

// unit is one top-level block of the converted text, in source order.
type unit struct {
	kind  unitKind
	block *Block      // unitBody: the converted block
	notes []*Footnote // unitNotes: the definitions it holds
}

// topLevel converts the top-level blocks of the Markdown tree into units,
// filing footnote definitions as it meets them.
func (p *fileParser) topLevel(root ast.Node) []*unit {
	convertReferences(root, p.src)
	var units []*unit
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch t := n.(type) {
		case *ast.ThematicBreak:
			units = append(units, &unit{kind: unitBreak})
		case *ast.Paragraph:
			if notes := p.definitions(t); notes != nil {
				for _, fn := range notes {
					p.addDefinition(fn)
				}
				units = append(units, &unit{kind: unitNotes, notes: notes})
				continue
			}
			units = append(units, &unit{block: p.paragraph(t)})
		default:
			if b := p.convert(n); b != nil {
				units = append(units, &unit{block: b})
			}
		}
	}
	return units
}

// paragraph converts a goldmark paragraph.
func (p *fileParser) paragraph(n ast.Node) *Block {
	pos := p.posOf(n)
	return &Block{Kind: BlockParagraph, Pos: pos, Text: p.detach(n)}
}

// convert turns a goldmark block other than a top-level paragraph into a Block,
// or reports why it is left out and returns nil.
func (p *fileParser) convert(n ast.Node) *Block {
	pos := p.posOf(n)
	switch t := n.(type) {
	case *ast.Heading:
		return &Block{Kind: BlockHeading, Pos: pos, Level: t.Level, Text: p.detach(t)}
	case *ast.Paragraph, *ast.TextBlock:
		return p.paragraph(t)
	case *ast.List:
		list := &Block{Kind: BlockList, Pos: pos, Ordered: t.IsOrdered(), Start: t.Start}
		for item := t.FirstChild(); item != nil; item = item.NextSibling() {
			list.Children = append(list.Children, p.item(item))
		}
		return list
	case *ast.Blockquote:
		quote := &Block{Kind: BlockQuote, Pos: pos}
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			if b := p.convert(c); b != nil {
				quote.Children = append(quote.Children, b)
			}
		}
		return quote
	case *ast.HTMLBlock:
		p.warnf(pos, "raw HTML block left out: a factsheet's text is Markdown; write it as text or remove it")
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		p.warnf(pos, "code block left out: a factsheet has no code; check the indentation of this text")
	case *ast.ThematicBreak:
		// a page break inside a list or quote carries nothing
	default:
		p.warnf(pos, "%s block left out: the factsheet format does not know it", n.Kind())
	}
	return nil
}

// item converts a list item: its text (paragraphs joined) and its nested lists.
func (p *fileParser) item(n ast.Node) *Block {
	it := &Block{Kind: BlockItem, Pos: p.posOf(n)}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if it.Text == nil {
				it.Text = p.detach(c)
			} else {
				join(it.Text, p.detach(c))
			}
		default:
			if b := p.convert(c); b != nil {
				it.Children = append(it.Children, b)
			}
		}
	}
	if it.Text == nil {
		it.Text = &Inline{Node: ast.NewTextBlock(), Source: p.src}
	}
	return it
}

// stitch rebuilds the body from its units: a paragraph or list item that stops
// mid-sentence takes the next paragraph as its continuation, a list cut by a
// page break goes on with the list that follows it, and the page breaks and
// footnote blocks in between disappear.
func (p *fileParser) stitch(units []*unit) []*Block {
	var out []*Block
	gap, stitched := false, false
	for _, u := range units {
		if u.kind != unitBody {
			gap = true
			continue
		}
		b := u.block
		last := lastBlock(out)
		switch {
		case gap && last != nil && last.Kind == BlockHeading && b.Kind != BlockList && b.Kind != BlockQuote && startsLowerCase(b.Text):
			join(last.Text, b.Text)
			gap = false
			continue
		case gap && b.Kind == BlockParagraph && p.restOfItem(last, b):
			join(lastItem(last).Text, b.Text)
			gap, stitched = false, true
			continue
		case numberCut(last, b):
			join(openTail(last).Text, numberedText(b))
			if b.Children = b.Children[1:]; len(b.Children) > 0 {
				b.Start = p.itemNumber(b.Children[0])
				out = append(out, b) // the items after it: a list of their own
			}
			gap, stitched = false, true
			continue
		case b.Kind == BlockParagraph && openTail(last) != nil:
			join(openTail(last).Text, b.Text)
			gap, stitched = false, true
			continue
		case b.Kind == BlockList && last != nil && last.Kind == BlockList && last.Ordered == b.Ordered && (gap || stitched):
			p.mergeLists(last, b)
		default:
			if b.Kind == BlockParagraph && startsLowerCase(b.Text) {
				p.warnf(b.Pos, "this paragraph starts in lower case but nothing before it stops mid-sentence: is it a fragment cut by a page break?")
			}
			out = append(out, b)
		}
		gap, stitched = false, false
	}
	for _, b := range out {
		p.joinCutItems(b)
	}
	return out
}

func lastBlock(blocks []*Block) *Block {
	if len(blocks) == 0 {
		return nil
	}
	return blocks[len(blocks)-1]
}

// openTail returns the paragraph or deepest last list item ending a block if
// its text stops mid-sentence, or nil.
func openTail(b *Block) *Block {
	for b != nil && b.Kind == BlockList && len(b.Children) > 0 {
		item := b.Children[len(b.Children)-1]
		if n := len(item.Children); n > 0 && item.Children[n-1].Kind == BlockList {
			b = item.Children[n-1]
			continue
		}
		b = item
	}
	if b != nil && (b.Kind == BlockParagraph || b.Kind == BlockItem) && endsMidSentence(b.Text) {
		return b
	}
	return nil
}

// mergeLists appends the items of next, the rest of a list cut by a page break,
// to list; a first item that continues a cut sentence is joined to it.
func (p *fileParser) mergeLists(list, next *Block) {
	items := next.Children
	if tail := openTail(list); tail != nil && len(items) > 0 && startsLowerCase(items[0].Text) {
		join(tail.Text, items[0].Text)
		tail.Children = append(tail.Children, items[0].Children...)
		items = items[1:]
	}
	list.Children = append(list.Children, items...)
}

// joinCutItems joins, in every list of b, an item that stops mid-sentence with
// an unclosed parenthesis to the next item when that one closes it: the bullet
// "- at these levels)." continues the bullet before it.
func (p *fileParser) joinCutItems(b *Block) {
	if b.Kind == BlockList {
		var kept []*Block
		for _, item := range b.Children {
			if prev := lastBlock(kept); prev != nil && len(prev.Children) == 0 && endsMidSentence(prev.Text) &&
				unbalancedParens(prev.Text) > 0 && unbalancedParens(item.Text) < 0 && startsLowerCase(item.Text) {
				join(prev.Text, item.Text)
				prev.Children = item.Children
				continue
			}
			kept = append(kept, item)
		}
		b.Children = kept
	}
	for _, c := range b.Children {
		p.joinCutItems(c)
	}
}

// numberCut tells whether b is the rest of a sentence cut before a number
// ending with a full stop ("in March | 2022. Parties are ..."), which
// Markdown reads as a numbered list: the text before stops mid-sentence,
// and b does not go on with a numbered list before it.
func numberCut(last, b *Block) bool {
	if b.Kind != BlockList || !b.Ordered || b.Start < 2 || len(b.Children) == 0 || len(b.Children[0].Children) > 0 || openTail(last) == nil {
		return false
	}
	return !(last.Kind == BlockList && last.Ordered && last.Start+len(last.Children) == b.Start)
}

// numberedText is the text of the first item of b with its number put back.
func numberedText(b *Block) *Inline {
	text := b.Children[0].Text
	number := ast.NewString([]byte(strconv.Itoa(b.Start) + ". "))
	if first := text.Node.FirstChild(); first != nil {
		text.Node.InsertBefore(text.Node, first, number)
	} else {
		text.Node.AppendChild(text.Node, number)
	}
	return text
}

// itemNumber reads the number written before a numbered item, or 0.
func (p *fileParser) itemNumber(item *Block) int {
	line := p.src[p.lines[item.Pos.Line-1]:]
	n := 0
	for _, c := range bytes.TrimLeft(line, " \t") {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// restOfItem tells whether paragraph b, after a page break, is the rest of
// the last item of list last cut after a full stop: b carries a reference
// naming a recommendation and no urgency verb of its own, and the item
// names none.
func (p *fileParser) restOfItem(last, b *Block) bool {
	item := lastItem(last)
	if item == nil || len(item.Children) > 0 {
		return false
	}
	own, _ := p.identityRefs(item.Text)
	named, _ := p.identityRefs(b.Text)
	_, u, _ := p.vocab.verbOf(b.Text)
	return len(own) == 0 && len(named) > 0 && u == ""
}

// lastItem returns the last item of a list, at any depth, or nil.
func lastItem(b *Block) *Block {
	if b == nil || b.Kind != BlockList || len(b.Children) == 0 {
		return nil
	}
	item := b.Children[len(b.Children)-1]
	if n := len(item.Children); n > 0 && item.Children[n-1].Kind == BlockList {
		return lastItem(item.Children[n-1])
	}
	return item
}
