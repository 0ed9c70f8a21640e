package factsheet

// Part is the words of a shared text that are some of its identifiers' own.
// A text that names identifiers at several references, one of them
// mid-sentence ("... is investigated and prosecuted<sup>16</sup> and to take
// into account ...<sup>17</sup>"), stays one text, but each reference closes
// the words of the identifiers it names: from the reference before it (or
// the start of the text) up to and including itself; the last part also
// runs to the end of the text, sub-items included.
type Part struct {
	IDs []string     `json:"ids"`
	Ref *FootnoteRef `json:"-"` // the naming reference that closes the part
}

// Own returns the references that bound the words of identifier id in a
// text with parts: its words start after from (nil: at the start of the
// text) and end with to (nil: at the end of the text). ok is false when the
// text has no parts or does not name id.
func (r *Recommendation) Own(id string) (from, to *FootnoteRef, ok bool) {
	for i, part := range r.Parts {
		for _, x := range part.IDs {
			if x != id {
				continue
			}
			if i > 0 {
				from = r.Parts[i-1].Ref
			}
			if i+1 < len(r.Parts) {
				to = part.Ref
			}
			return from, to, true
		}
	}
	return nil, nil, false
}

// setParts records the parts of a recommendation's text when it names its
// identifiers at more than one reference.
func (p *fileParser) setParts(rec *Recommendation) {
	mine := map[string]bool{}
	for _, id := range rec.IDs {
		mine[id] = true
	}
	var parts []Part
	forEachInline(rec.Block, func(in *Inline) {
		for c := in.Node.FirstChild(); c != nil; c = c.NextSibling() {
			r, ok := c.(*FootnoteRef)
			if !ok || p.notes[r.Number] == nil {
				continue
			}
			var ids []string
			for _, id := range p.notes[r.Number].Names {
				if mine[id] {
					ids = append(ids, id)
					delete(mine, id)
				}
			}
			if len(ids) > 0 {
				parts = append(parts, Part{IDs: ids, Ref: r})
			}
		}
	})
	if len(parts) > 1 {
		rec.Parts = parts
	}
}
