package factsheet

import (
	"strconv"
	"strings"
)

// The end of a page in the simulated conversion: its footnote area.

// pageRefs files the footnotes first referenced in f.md[from:to] on the current page.
func (s *simulator) pageRefs(f *flat, from, to int) {
	for _, r := range f.refs {
		if r.off >= from && r.off < to && !s.defined[r.n] {
			s.defined[r.n] = true
			s.notes = append(s.notes, r.n)
		}
	}
}

// pageBreak writes the footnote area of the page and starts a new page. A
// heading cut by the break always gets a rule.
func (s *simulator) pageBreak(rule bool) {
	var defs []string
	var last *flat
	for _, n := range s.notes {
		last = s.em.flatten(footnoteOf(s.doc, n).Text)
		defs = append(defs, "<sup>"+strconv.Itoa(n)+"</sup> "+last.md)
	}
	s.notes = nil
	tail, stranded := s.cutLastNote(last)
	if tail != "" {
		defs[len(defs)-1] = strings.TrimSuffix(defs[len(defs)-1], " "+tail)
	}
	if stranded {
		s.block(tail)
	}
	if rule || s.runover != "" || s.rnd.IntN(10) < 7 {
		s.block("---")
	}
	if s.runover != "" {
		s.block(s.runover)
		s.runover = ""
	}
	if len(defs) > 2 && s.rnd.IntN(6) == 0 {
		half := 1 + s.rnd.IntN(len(defs)-1)
		defs = append(defs[half:], defs[:half]...)
	}
	if len(defs) > 0 && s.rnd.IntN(5) == 0 {
		s.block(strings.Join(defs, "\n"))
	} else {
		for _, d := range defs {
			s.block(d)
		}
	}
	if tail != "" && !stranded {
		s.runover = tail
	}
	s.left = s.pageLength()
}

// cutLastNote chooses whether the page's last footnote runs over, where it
// is cut, and whether its tail is stranded before the footnote area.
func (s *simulator) cutLastNote(f *flat) (tail string, stranded bool) {
	if f == nil || s.runover != "" || s.rnd.IntN(4) != 0 {
		return "", false
	}
	var cuts []cutPoint
	for _, c := range f.cuts {
		if rest := f.md[c.off+1:]; c.mid && c.words > 1 && !blockStart.MatchString(rest) && !numberStart.MatchString(rest) {
			cuts = append(cuts, c)
		}
	}
	if len(cuts) == 0 {
		return "", false
	}
	c := cuts[s.rnd.IntN(len(cuts))]
	return f.md[c.off+1:], s.rnd.IntN(2) == 0
}
