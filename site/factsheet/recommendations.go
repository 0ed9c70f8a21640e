package factsheet

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// levels reads the urgency levels that the introduction defines as list items
// of the form **"Require"**: meaning.
func (p *fileParser) levels(intro *Chapter) []Level {
	found := map[Urgency]Level{}
	for _, sec := range intro.Sections {
		for _, b := range sec.Blocks {
			if b.Kind != BlockList {
				continue
			}
			for _, item := range b.Children {
				if l, ok := p.vocab.levelOf(item.Text); ok {
					found[l.Urgency] = l
				}
			}
		}
	}
	var levels []Level
	for i, u := range Urgencies {
		l, ok := found[u]
		if !ok {
			l = p.vocab.defaults[i]
			p.warnf(intro.Pos, "the introduction does not define the urgency level %q (a list item **\"%s\"**: meaning); the standard meaning is used", u, l.Word)
		}
		levels = append(levels, l)
	}
	return levels
}

// levelOf reads a definition item: a bold level word, a colon, its meaning.
func (v *Vocabulary) levelOf(in *Inline) (Level, bool) {
	e, ok := in.Node.FirstChild().(*ast.Emphasis)
	if !ok || e.Level != 2 {
		return Level{}, false
	}
	word := strings.Trim((&Inline{Node: e, Source: in.Source}).Plain(), "\"“”'‘’«» \u00a0\u202f")
	u, ok := v.urgencyOf(word)
	if !ok {
		return Level{}, false
	}
	text := textOf(in)
	colon := strings.Index(text, ":")
	if colon < 0 {
		return Level{}, false
	}
	meaning := strings.TrimSpace(text[colon+1:])
	meaning = strings.TrimRight(meaning, ";. ")
	return Level{Urgency: u, Word: word, Meaning: meaning}, true
}

// verbOf finds the urgency verb in bold in a text. It also returns a bold
// single word that is not an urgency verb, for the problem report.
func (v *Vocabulary) verbOf(in *Inline) (verb string, u Urgency, unknown string) {
	for _, bold := range boldTexts(in) {
		if found, ok := v.urgencyOf(bold); ok {
			return bold, found, ""
		}
		if w := strings.TrimSpace(bold); !strings.ContainsAny(w, " \"“”") && w != "" && strings.ToLower(w) == w {
			unknown = w
		}
	}
	return "", "", unknown
}

// identityRefs returns the recommendation identifiers named by the footnote
// references directly inside an inline, and the references themselves.
func (p *fileParser) identityRefs(in *Inline) (ids []string, refs []*FootnoteRef) {
	for c := in.Node.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*FootnoteRef); ok {
			if fn := p.notes[r.Number]; fn != nil && len(fn.Names) > 0 {
				ids = append(ids, fn.Names...)
				refs = append(refs, r)
			}
		}
	}
	return ids, refs
}

// splitFusedItems splits, in every list of b, a bullet that the conversion
// fused from two: after a reference naming a recommendation, at the end of a
// sentence, more text follows. That text becomes the next bullet.
func (p *fileParser) splitFusedItems(b *Block) {
	if b.Kind == BlockList {
		var items []*Block
		for _, item := range b.Children {
			items = append(items, p.splitItem(item)...)
		}
		b.Children = items
	}
	for _, c := range b.Children {
		p.splitFusedItems(c)
	}
}

// splitItem returns the bullets that one item holds.
func (p *fileParser) splitItem(item *Block) []*Block {
	_, refs := p.identityRefs(item.Text)
	for _, r := range refs {
		before := textBefore(item.Text, r)
		if before == "" || !strings.ContainsAny(before[len(before)-1:], ".;") {
			continue
		}
		rest := p.splitAfter(item.Text, r)
		if rest == nil {
			continue
		}
		next := &Block{Kind: BlockItem, Pos: p.posOf(rest.Node), Text: rest, Children: item.Children}
		item.Children = nil
		return append([]*Block{item}, p.splitItem(next)...)
	}
	return []*Block{item}
}
