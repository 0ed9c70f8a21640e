package search

import (
	"strings"

	"factsheet/site/factsheet"
)

// Part is what the search across the series keeps of one factsheet: its
// search documents, and whose they are. It holds no document, so that the
// series index can be made from parts gathered one factsheet at a time, and
// it holds them compactly, as the parts of every factsheet stay in memory
// until the series index is made: each distinct string of its documents
// once, in one string, and the documents as spans of it (no pointer for the
// garbage collector to follow).
type Part struct {
	Slug  string
	Party string
	lang  string // the tag of its analysis
	text  string // the distinct strings of the documents, one after the other
	docs  []partDoc
}

// partDoc is a search document of a Part: its fields (as partFields lists
// them) as spans of Part.text.
type partDoc [partFields]span

// span is a string of Part.text: its offset and length.
type span struct{ at, n uint32 }

// partFields is the number of a record's fields a Part keeps; the Party and
// the language are the Part's.
const partFields = 8

// fields lists the fields of a record that a Part keeps, in the order of
// partDoc.
func (r *record) fields() [partFields]*string {
	return [partFields]*string{&r.Kind, &r.ID, &r.Title, &r.URL, &r.Urgency, &r.Chapter, &r.Text, &r.Context}
}

// NewPart takes the search documents of a factsheet, each with the
// factsheet's Party and language.
func NewPart(doc *factsheet.Document) Part { return newPart(doc, records(doc)) }

// newPart is the Part of a factsheet whose search documents are recs
// (records(doc)).
func newPart(doc *factsheet.Document, recs []record) Part {
	p := Part{Slug: doc.Meta.Slug, Party: doc.Meta.Party, lang: languageOf(doc.Meta.Language).tag, docs: make([]partDoc, len(recs))}
	at := map[string]span{}
	var distinct []string
	size := 0
	for i := range recs {
		for f, s := range recs[i].fields() {
			sp, ok := at[*s]
			if !ok {
				sp = span{at: uint32(size), n: uint32(len(*s))}
				at[*s] = sp
				distinct = append(distinct, *s)
				size += len(*s)
			}
			p.docs[i][f] = sp
		}
	}
	var b strings.Builder
	b.Grow(size)
	for _, s := range distinct {
		b.WriteString(s)
	}
	p.text = b.String()
	return p
}

// records returns the search documents of the part, each with the Part's
// Party and language; their strings are parts of Part.text.
func (p Part) records() []record {
	out := make([]record, len(p.docs))
	for i, d := range p.docs {
		r := &out[i]
		for f, s := range r.fields() {
			*s = p.text[d[f].at : d[f].at+d[f].n]
		}
		r.Party, r.Lang = p.Party, p.lang
	}
	return out
}
