package render

import (
	"html/template"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/series"
)

// receiptRow is a Party that received an identifier, on its report page.
type receiptRow struct {
	Party string
	Href  string        // the recommendation's page in the Party's factsheet
	Cells template.HTML // its other cells (see receiptCells)
}

// receiptCells are the cells of a receiptRow after the Party's name: the
// same for every identifier a Party received at one urgency and in one
// section, rendered once (see cells).
type receiptCells struct {
	Party   string
	Badge   badge
	Section string // specific or generic
}

// variantView is one wording of an identifier's text.
type variantView struct {
	Parties []string     // the Parties that received this wording
	Segs    []series.Seg // its words, marked against the first wording
}

// textsView is the texts of an identifier in one language.
type textsView struct {
	Language string
	N        int    // the Parties that received it in this language
	Kind     string // series.Identical, series.PartyNamed or series.Different
	Variants []variantView
}

// idView is the data of an identifier's page in a report.
type idView struct {
	ID      string
	Report  link
	Chapter string // "IV. Jurisdiction rules", from the first Party's factsheet
	Rows    []receiptRow
	Texts   []textsView // one per language, most often one
	Prev    *link
	Next    *link
}

// identifiers writes reports/<round>/<id>.html for every identifier.
func (rp *reportPages) identifiers(files output.Files) error {
	r := rp.r
	for i, id := range r.IDs {
		rel := reportIDPage(r, id)
		rs := r.Receipts(id)
		p := rp.page(rel, rp.t.cat.T("rec.title", id)+" · "+clip(r.Title, 80), clip(rs[0].Rec.Text, 200))
		v := &idView{ID: id, Report: link{Label: r.Title, Href: "index.html"}, Chapter: rp.chapterName(rs[0])}
		for _, rc := range rs {
			party := r.Label(rc.Member)
			v.Rows = append(v.Rows, receiptRow{
				Party: party, Href: p.Root + rc.Member.Slug + "/recommendations/" + factsheet.FileStem(id) + ".html",
				Cells: rp.cells(receiptCells{Party: party, Badge: rp.b.badge(rc.Member.Level(rc.Rec.Urgency), "index.html#legend"), Section: rc.Rec.Section}),
			})
		}
		for _, c := range series.CompareByLanguage(rs) {
			tv := textsView{Language: c.Language, Kind: c.Kind}
			for _, vr := range c.Variants {
				vv := variantView{Segs: vr.Segs}
				for _, m := range vr.Members {
					vv.Parties = append(vv.Parties, r.Label(m))
				}
				tv.N += len(vr.Members)
				tv.Variants = append(tv.Variants, vv)
			}
			v.Texts = append(v.Texts, tv)
		}
		if i > 0 {
			v.Prev = &link{Label: r.IDs[i-1], Href: factsheet.FileStem(r.IDs[i-1]) + ".html"}
		}
		if i+1 < len(r.IDs) {
			v.Next = &link{Label: r.IDs[i+1], Href: factsheet.FileStem(r.IDs[i+1]) + ".html"}
		}
		p.Crumbs = []link{{Label: clip(r.Title, 60), Href: "index.html"}, {Label: id}}
		p.Body = v
		if err := rp.write(files, "report-id", rel, p); err != nil {
			return err
		}
	}
	return nil
}

// cells renders c, once per report.
func (rp *reportPages) cells(c receiptCells) template.HTML {
	k := c.Party + "\x00" + string(c.Badge.HTML) + "\x00" + c.Section
	if h, ok := rp.receipts[k]; ok {
		return h
	}
	h, err := rp.t.partial("receipt-cells", c)
	if err != nil && rp.err == nil {
		rp.err = err
	}
	rp.receipts[k] = h
	return h
}

// chapterName is the numeral and title of a receipt's chapter.
func (rp *reportPages) chapterName(rc series.Receipt) string {
	if t := rc.Member.ChapterTitle(rc.Rec.Chapter); t != "" {
		return rc.Rec.Chapter + ". " + t
	}
	return rc.Rec.Chapter
}
