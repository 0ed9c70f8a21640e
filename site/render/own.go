package render

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"factsheet/site/factsheet"
)

// ownWords marks, on one identifier's page, the words of a shared text that
// are that identifier's own (factsheet.Part): a <mark> opens after the
// reference that closes the words before them (or at the start), closes
// after the identifier's own reference (or at the end), and opens again in
// each text rendered while they run, such as sub-items. Each mark carries
// words for screen readers, which do not announce <mark> itself.
type ownWords struct {
	start, end string   // the words for screen readers at the start and end of the mark, escaped
	from, to   ast.Node // nil: from the start, to the end
	on         bool
}

// newOwnWords returns the marking of id's own words in r's text, or nil when
// the whole text is id's; start and end are what screen readers hear where
// the mark opens and closes.
func newOwnWords(r *factsheet.Recommendation, id, start, end string) *ownWords {
	from, to, ok := r.Own(id)
	if !ok {
		return nil
	}
	o := &ownWords{start: template.HTMLEscapeString(start), end: template.HTMLEscapeString(end), on: from == nil}
	if from != nil {
		o.from = from
	}
	if to != nil {
		o.to = to
	}
	return o
}

func (o *ownWords) open(w util.BufWriter) {
	_, _ = w.WriteString(`<mark class="own"><span class="visually-hidden">` + o.start + ` </span>`)
}

func (o *ownWords) close(w util.BufWriter) {
	_, _ = w.WriteString(`<span class="visually-hidden"> ` + o.end + `</span></mark>`)
}

// ownRef writes a footnote reference, opening or closing the mark of the
// own words at the references that bound them.
func (in *inliner) ownRef(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	s, err := in.footnoteRef(w, src, node, entering)
	if o := in.own; o != nil && entering {
		switch {
		case node == o.to && o.on:
			o.close(w)
			o.on = false
		case node == o.from:
			o.open(w)
			o.on = true
		}
	}
	return s, err
}

// ownNote is the sentence shown above a shared text on the page of id when
// the text marks id's own words, or "".
func (d *docSite) ownNote(r *factsheet.Recommendation, id string) string {
	if _, _, ok := r.Own(id); !ok {
		return ""
	}
	var others []string
	for _, x := range r.IDs {
		if x != id {
			others = append(others, x)
		}
	}
	return d.cat.T("own.note", strings.Join(others, ", "), id)
}
