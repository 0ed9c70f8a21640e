package factsheet

import (
	"strings"
)

// leadIn is the sentence that introduces a list ("the Committee **invites** all Parties:").
type leadIn struct {
	text    *Inline
	verb    string
	urgency Urgency
}

// recommendations finds the recommendations of every chapter: each paragraph
// or list item that a footnote names, with its urgency and lead-in.
func (p *fileParser) recommendations() {
	seen := map[string]*Recommendation{}
	for _, ch := range p.doc.Chapters {
		for _, sec := range ch.Sections {
			var lead *leadIn
			for _, b := range sec.Blocks {
				switch b.Kind {
				case BlockParagraph:
					lead = nil
					if ids, _ := p.identityRefs(b.Text); len(ids) > 0 {
						p.addRecommendation(seen, ch, sec, b, ids, nil)
					} else if strings.HasSuffix(textOf(b.Text), ":") {
						if verb, u, _ := p.vocab.verbOf(b.Text); u != "" {
							lead = &leadIn{text: b.Text, verb: verb, urgency: u}
						}
					}
				case BlockList:
					for _, item := range b.Children {
						p.itemRecommendations(seen, ch, sec, item, lead)
					}
					lead = nil
				default:
					lead = nil
				}
			}
		}
	}
}

// itemRecommendations finds the recommendations of one list item: the item
// itself, or each of its sub-items when every one carries its own identifier.
func (p *fileParser) itemRecommendations(seen map[string]*Recommendation, ch *Chapter, sec *Section, item *Block, lead *leadIn) {
	if sub := namedSubItems(p, item); sub != nil {
		own := lead
		if verb, u, _ := p.vocab.verbOf(item.Text); u != "" {
			own = &leadIn{verb: verb, urgency: u}
		}
		if own == nil {
			own = &leadIn{}
		}
		parent := &leadIn{text: item.Text, verb: own.verb, urgency: own.urgency}
		for _, s := range sub {
			ids, _ := p.identityRefs(s.Text)
			p.addRecommendation(seen, ch, sec, s, ids, parent)
		}
		return
	}
	var ids []string
	forEachInline(item, func(in *Inline) {
		more, _ := p.identityRefs(in)
		ids = append(ids, more...)
	})
	if len(ids) > 0 {
		p.addRecommendation(seen, ch, sec, item, ids, lead)
		return
	}
	if verb, _, _ := p.vocab.verbOf(item.Text); verb != "" {
		p.warnf(item.Pos, "this bullet states an urgency (**%s**) but no footnote names its recommendation: add '<sup>N</sup>' with 'Recommendation X-N'", verb)
	}
}

// namedSubItems returns the sub-items of an item if every sub-item of its
// nested list carries its own recommendation reference, or nil.
func namedSubItems(p *fileParser, item *Block) []*Block {
	var subs []*Block
	for _, c := range item.Children {
		if c.Kind != BlockList {
			return nil
		}
		for _, s := range c.Children {
			if ids, _ := p.identityRefs(s.Text); len(ids) == 0 {
				return nil
			}
			subs = append(subs, s)
		}
	}
	return subs
}

// addRecommendation files the recommendation stated by b, named ids. Its
// urgency is the bold verb of its own text, or else the lead-in's.
func (p *fileParser) addRecommendation(seen map[string]*Recommendation, ch *Chapter, sec *Section, b *Block, ids []string, lead *leadIn) {
	rec := &Recommendation{Section: sec.Kind, Chapter: ch, Pos: b.Pos, Block: b}
	verb, u, unknown := p.vocab.verbOf(b.Text)
	switch {
	case u != "":
		rec.Verb, rec.Urgency = verb, u
	case lead != nil && lead.urgency != "":
		rec.Verb, rec.Urgency, rec.LeadIn = lead.verb, lead.urgency, lead.text
	case unknown != "":
		p.warnf(b.Pos, "unknown urgency verb **%s** in recommendation %s: use %s", unknown, ids[0], p.vocab.verbList)
	default:
		p.warnf(b.Pos, "recommendation %s has no urgency: put %s in its text or in the sentence ending with ':' that introduces its list", ids[0], p.vocab.verbList)
	}
	for _, id := range ids {
		if prev := seen[id]; prev != nil {
			p.warnf(b.Pos, "recommendation %s is named twice (first at line %d): fix the footnote that names it", id, prev.Pos.Line)
			continue
		}
		if chapterOf(id) != ch.Number && !p.chapterMissing(chapterOf(id)) {
			p.warnf(b.Pos, "recommendation %s is stated in chapter %s: check the footnote that names it", id, ch.Number)
		}
		if sec.Kind != SectionSpecific && sec.Kind != SectionGeneric {
			p.warnf(b.Pos, "recommendation %s stands outside a section of recommendations (a heading 'Observations and recommendations ... specific to ...' or 'Generic recommendations ...')", id)
		}
		seen[id] = rec
		rec.IDs = append(rec.IDs, id)
	}
	if len(rec.IDs) == 0 {
		return
	}
	forEachInline(b, func(in *Inline) {
		for _, r := range refsIn(in.Node) {
			rec.Footnotes = appendUnique(rec.Footnotes, r.Number)
		}
	})
	p.setParts(rec)
	b.ID, b.Rec = rec.Anchor(), rec
	p.doc.Recommendations = append(p.doc.Recommendations, rec)
}

// chapterOf is the chapter numeral of an identifier ("IV-5" → "IV").
func chapterOf(id string) string {
	chapter, _, _ := strings.Cut(id, "-")
	return chapter
}

func appendUnique(list []int, n int) []int {
	for _, m := range list {
		if m == n {
			return list
		}
	}
	return append(list, n)
}
