package render

import (
	"bytes"
	"html/template"
	"slices"

	"factsheet/site/factsheet"
)

// contextView is "What the Committee found" on a recommendation page: the
// headings the recommendation stands under and the observation before it,
// all text of the factsheet.
type contextView struct {
	Section template.HTML // the section's heading ("Observations and recommendations ... specific to Lithuania")
	Sub     template.HTML // the sub-heading it stands under, if any
	Text    template.HTML // the observation: the blocks of the section before it
	// Long tells that the observation is long enough to be shown in a box
	// of its own height, which scrolls, so that the recommendation below
	// it stays in the first screen of the page.
	Long bool
}

// longObservation is the length (characters of plain text) beyond which an
// observation scrolls in a box of its own.
const longObservation = 400

// observation finds where a recommendation stands: its section, the last
// sub-heading before it, and the blocks between the last boundary (that
// sub-heading, the section's start or a block stating another
// recommendation) and the block holding it, its lead-in left out.
func observation(r *factsheet.Recommendation) (sec *factsheet.Section, sub *factsheet.Block, blocks []*factsheet.Block) {
	for _, s := range r.Chapter.Sections {
		sub, blocks = nil, nil
		for _, b := range s.Blocks {
			if holds(b, r.Block) {
				return s, sub, blocks
			}
			switch {
			case b.Kind == factsheet.BlockHeading:
				sub, blocks = b, nil
			case statesRec(b):
				blocks = nil
			case b.Text != nil && b.Text == r.LeadIn:
			default:
				blocks = append(blocks, b)
			}
		}
	}
	return nil, nil, nil
}

// holds tells whether block b is target or contains it.
func holds(b, target *factsheet.Block) bool {
	if b == target {
		return true
	}
	return slices.ContainsFunc(b.Children, func(c *factsheet.Block) bool { return holds(c, target) })
}

// statesRec tells whether a block or one of its children states a recommendation.
func statesRec(b *factsheet.Block) bool {
	return b.Rec != nil || slices.ContainsFunc(b.Children, statesRec)
}

// contextOf renders the context of a recommendation; its footnote
// references are recorded in refs, so that the page lists their footnotes.
// It returns nil when the recommendation stands under no heading and after
// no observation.
func (d *docSite) contextOf(r *factsheet.Recommendation, refs *refs) *contextView {
	sec, sub, blocks := observation(r)
	if sec == nil || (sec.Heading == nil && sub == nil && len(blocks) == 0) {
		return nil
	}
	v := &contextView{}
	if sec.Heading != nil {
		v.Section = d.in.html(sec.Heading.Text, refs)
	}
	if sub != nil {
		v.Sub = d.in.html(sub.Text, refs)
	}
	var w bytes.Buffer
	b := &body{in: d.in, refs: refs}
	b.blocks(&w, blocks)
	v.Text = template.HTML(w.String())
	n := 0
	for _, blk := range blocks {
		n += len(blockPlain(blk))
	}
	v.Long = n > longObservation
	return v
}
