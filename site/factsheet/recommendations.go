package factsheet

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// levels reads the urgency levels that the introduction defines as list items
// of the form **"Require"**: meaning. The words are those of the language's
// vocabulary; when the introduction uses none of them but has a list of
// exactly three such definitions, those are the levels, strongest first, and
// their words become urgency verbs of the file.
func (p *fileParser) levels(intro *Chapter) []Level {
	found := map[Urgency]Level{}
	var legend []Level // the first list of definitions whose words the vocabulary does not know
	for _, sec := range intro.Sections {
		for _, b := range sec.Blocks {
			if b.Kind != BlockList {
				continue
			}
			var defs []Level
			for _, item := range b.Children {
				l, ok := definitionOf(item.Text)
				if !ok {
					continue
				}
				if u, known := p.vocab.urgencyOf(l.Word); known {
					l.Urgency = u
					found[u] = l
				} else {
					defs = append(defs, l)
				}
			}
			if len(defs) == len(Urgencies) && legend == nil {
				legend = defs
			}
		}
	}
	if len(found) == 0 && legend != nil {
		words := map[string]Urgency{}
		for i, u := range Urgencies {
			legend[i].Urgency = u
			found[u] = legend[i]
			words[strings.ToLower(legend[i].Word)] = u
		}
		p.vocab = p.vocab.with(words)
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

// definitionOf reads a definition item: a bold word, a colon, its meaning.
// The level is left to the caller.
func definitionOf(in *Inline) (Level, bool) {
	e, ok := in.Node.FirstChild().(*ast.Emphasis)
	if !ok || e.Level != 2 {
		return Level{}, false
	}
	word := strings.Trim((&Inline{Node: e, Source: in.Source}).Plain(), "\"“”'‘’«» \u00a0\u202f")
	text := textOf(in)
	colon := strings.Index(text, ":")
	if colon < 0 || word == "" || strings.Contains(word, " ") {
		return Level{}, false
	}
	meaning := strings.TrimSpace(text[colon+1:])
	meaning = strings.TrimRight(meaning, ";. \u00a0\u202f")
	return Level{Word: word, Meaning: meaning}, true
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
