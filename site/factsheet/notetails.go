package factsheet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A footnote definition cut by a page break leaves its rest as a paragraph
// without references in one of two places, as the conversion writes pages:
//   - run over into the next page's footnote area: after its rule, before its
//     definitions (or alone there when that page has none);
//   - stranded just before the footnote area of its own page.
// continueFootnotes finds these tails by their place, not by their wording.

// continueFootnotes completes each definition cut by a page break with its
// tail, and warns about those left cut.
func (p *fileParser) continueFootnotes(units []*unit) {
	t := &tails{units: units, open: map[*Footnote]bool{}, vocab: p.vocab}
	for _, u := range units {
		for _, fn := range u.notes {
			if endsMidSentence(fn.Text) {
				t.open[fn] = true
			}
		}
	}
	if len(t.open) == 0 {
		return
	}
	t.runOver()
	t.stranded()
	t.alone()
	p.reportCut(t)
}

// tails carries the units of the text and the definitions still cut.
type tails struct {
	units []*unit
	open  map[*Footnote]bool
	vocab *Vocabulary // the grammar's words in the file's language
}

// take makes units[j] the rest of fn.
func (t *tails) take(j int, fn *Footnote) {
	join(fn.Text, t.units[j].block.Text)
	t.units[j].kind = unitUsed
	delete(t.open, fn)
}

// runOver takes the tails between a rule and definitions first: their place
// alone tells what they are.
func (t *tails) runOver() {
	for j := range t.units {
		if isTailCandidate(t.units, j) && afterArea(t.units, j) && nextIsNotes(t.units, j) {
			if fn := openBefore(t.units, j, t.open); fn != nil {
				t.take(j, fn)
			} else if fn := openAfter(t.units, j, t.open); fn != nil {
				t.take(j, fn)
			}
		}
	}
}

// stranded takes a fragment right before the footnote area, which the text
// before cannot take: it is complete, or its rest follows the area.
func (t *tails) stranded() {
	units := t.units
	for j := range units {
		if !isTailCandidate(units, j) || afterArea(units, j) || !nextIsNotes(units, j) {
			continue
		}
		fn := openAfter(units, j, t.open)
		if fn == nil {
			continue
		}
		if needsRest(units, j) && (restAfterArea(units, j) || t.completesNames(fn, units[j])) ||
			!needsRest(units, j) && (t.tailLike(fn, units[j]) || headingCutBefore(units, j) || leadInCutBefore(units, j)) {
			t.take(j, fn)
		}
	}
}

// alone takes the tails run over into a footnote area without definitions:
// right after its rule, where the text before is complete or goes on after them.
func (t *tails) alone() {
	units := t.units
	for j := range units {
		if !isTailCandidate(units, j) || !afterArea(units, j) || units[j-1].kind != unitBreak {
			continue
		}
		fn := openBefore(units, j, t.open)
		if fn != nil && (needsRest(units, j) && lowerRest(units, j+1) || !needsRest(units, j) && t.tailLike(fn, units[j])) {
			t.take(j, fn)
		}
	}
}

// reportCut warns about each definition left cut, naming the paragraph
// that may be its rest when there is one.
func (p *fileParser) reportCut(t *tails) {
	for i, u := range t.units {
		for _, fn := range u.notes {
			if !t.open[fn] {
				continue
			}
			if j := nearestCandidate(t.units, i); j >= 0 {
				p.warnf(fn.Pos, "footnote %d ends mid-sentence and its rest cannot be told from the text around it: if the paragraph at line %d is its rest, move it right after the definition; otherwise check the page break", fn.Number, t.units[j].block.Pos.Line)
				continue
			}
			p.warnf(fn.Pos, "footnote %d ends mid-sentence and no fragment beside the footnotes continues it: check the page break", fn.Number)
		}
	}
}

// isTailCandidate tells whether units[j] may be the tail of a footnote: a
// paragraph without references that ends a sentence.
func isTailCandidate(units []*unit, j int) bool {
	u := units[j]
	return u.kind == unitBody && u.block.Kind == BlockParagraph && len(refsIn(u.block.Text.Node)) == 0 && !endsMidSentence(u.block.Text)
}

// afterArea tells whether units[j] comes right after a rule or definitions.
func afterArea(units []*unit, j int) bool {
	return j > 0 && units[j-1].kind != unitBody
}

// nextIsNotes tells whether definitions follow units[j], past any rule.
func nextIsNotes(units []*unit, j int) bool {
	for k := j + 1; k < len(units); k++ {
		switch units[k].kind {
		case unitNotes:
			return true
		case unitBody:
			return false
		}
	}
	return false
}

// needsRest tells whether the body text before units[j] may continue with
// it: it stops mid-sentence, or it is a heading cut by a page break before a
// lower-case units[j].
func needsRest(units []*unit, j int) bool {
	for k := j - 1; k >= 0; k-- {
		if units[k].kind == unitBody {
			b := units[k].block
			if b.Kind == BlockHeading {
				return k < j-1 && startsLowerCase(units[j].block.Text)
			}
			return openTail(b) != nil
		}
	}
	return false
}

// restAfterArea tells whether the footnote area after units[j] is followed
// by a paragraph, which can be the rest of the text cut before units[j].
func restAfterArea(units []*unit, j int) bool {
	k := j + 1
	for k < len(units) && units[k].kind != unitBody {
		k++
	}
	return paragraph(units, k)
}

// headingCutBefore tells whether units[j] follows a heading whose rest comes
// after the footnote area: a lower-case paragraph.
func headingCutBefore(units []*unit, j int) bool {
	if j == 0 || units[j-1].kind != unitBody || units[j-1].block.Kind != BlockHeading {
		return false
	}
	k := j + 1
	for k < len(units) && units[k].kind != unitBody {
		k++
	}
	return lowerRest(units, k)
}

// lowerRest tells whether units[k] is a paragraph or a heading starting in
// lower case: the rest of a text cut by a page break.
func lowerRest(units []*unit, k int) bool {
	return lowerParagraph(units, k) || k < len(units) && units[k].kind == unitBody && units[k].block.Kind == BlockHeading && startsLowerCase(units[k].block.Text)
}

// leadInCutBefore tells whether units[j] stands between a lead-in ending
// with ":" and, after the footnote area, the list it introduces.
func leadInCutBefore(units []*unit, j int) bool {
	if !paragraph(units, j-1) || !strings.HasSuffix(textOf(units[j-1].block.Text), ":") {
		return false
	}
	k := j + 1
	for k < len(units) && units[k].kind != unitBody {
		k++
	}
	return k < len(units) && units[k].kind == unitBody && units[k].block.Kind == BlockList
}

// paragraph tells whether units[k] is a paragraph of the text.
func paragraph(units []*unit, k int) bool {
	return k >= 0 && k < len(units) && units[k].kind == unitBody && units[k].block.Kind == BlockParagraph
}

// lowerParagraph tells whether units[k] is a paragraph starting in lower case.
func lowerParagraph(units []*unit, k int) bool {
	return paragraph(units, k) && startsLowerCase(units[k].block.Text)
}

// startsUpperCase tells whether a text starts with an upper-case letter.
func startsUpperCase(in *Inline) bool {
	r, _ := utf8.DecodeRuneInString(textOf(in))
	return unicode.IsUpper(r)
}

// openBefore returns the last cut definition still open in the footnote
// area around units[j] or in the one before the page that ends there.
func openBefore(units []*unit, j int, open map[*Footnote]bool) *Footnote {
	k := j - 1
	for pass := 0; pass < 2; pass++ {
		for ; k >= 0 && units[k].kind != unitBody; k-- {
			for i := len(units[k].notes) - 1; i >= 0; i-- {
				if fn := units[k].notes[i]; open[fn] {
					return fn
				}
			}
		}
		for k >= 0 && units[k].kind == unitBody {
			k--
		}
	}
	return nil
}

// openAfter returns the first cut definition of the footnote area after
// units[j] that is still open.
func openAfter(units []*unit, j int, open map[*Footnote]bool) *Footnote {
	for k := j + 1; k < len(units) && units[k].kind != unitBody; k++ {
		for _, fn := range units[k].notes {
			if open[fn] {
				return fn
			}
		}
	}
	return nil
}

// tailLike tells whether a fragment reads as the rest of a cut footnote
// rather than a paragraph of its own: it does not start in upper case, or
// it completes a footnote naming recommendations ("Recommendations X-5," and
// "X-6.").
func (t *tails) tailLike(fn *Footnote, u *unit) bool {
	return !startsUpperCase(u.block.Text) || t.completesNames(fn, u)
}

// completesNames tells whether a fragment completes a cut footnote into one
// that names recommendations.
func (t *tails) completesNames(fn *Footnote, u *unit) bool {
	return t.vocab.namedRecommendations(fn.Text.Plain()+" "+u.block.Text.Plain()) != nil
}

// nearestCandidate returns the paragraph that could be the rest of a
// definition in units[i]: the nearest one without references, ending a
// sentence, right before or after a footnote area; -1 if none.
func nearestCandidate(units []*unit, i int) int {
	for d := 1; d <= 8; d++ {
		for _, j := range []int{i - d, i + d} {
			if j >= 0 && j < len(units) && isTailCandidate(units, j) && (afterArea(units, j) && !needsRest(units, j) || nextIsNotes(units, j)) {
				return j
			}
		}
	}
	return -1
}
