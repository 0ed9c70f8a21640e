package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// record is one identifier in recommendations.json and recommendations.csv.
type record struct {
	ID           string     `json:"id"`            // "IV-5"
	IDs          []string   `json:"ids"`           // every identifier sharing the text, this one included
	Chapter      string     `json:"chapter"`       // Roman numeral, "IV"
	ChapterTitle string     `json:"chapter_title"` // "Jurisdiction rules"
	Urgency      string     `json:"urgency"`       // require | request | invite
	Section      string     `json:"section"`       // specific | generic
	Text         string     `json:"text"`          // the recommendation's own text and sub-items, plain, without the lead-in
	URL          string     `json:"url"`           // its page, relative to public/
	Footnotes    []noteData `json:"footnotes"`     // the footnotes referenced in its text, identity ones included
	// Articles are the Articles of the Convention it names, in its headings or text
	Articles []factsheet.Article `json:"articles"`
	// Status is the latest entry of the status file, History all of them,
	// oldest first; both are left out when there is none.
	Status  *statusData  `json:"status,omitempty"`
	History []statusData `json:"history,omitempty"`
}

// statusData is an entry of the status file in recommendations.json.
type statusData struct {
	State  string `json:"state"` // one of the states of site/status, e.g. "in-progress"
	Date   string `json:"date"`  // YYYY-MM-DD
	Source string `json:"source"`
	Note   string `json:"note,omitempty"` // inline Markdown, as written
	Link   string `json:"link,omitempty"`
}

// noteData is a footnote in the data files.
type noteData struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

// dataFile is the whole of recommendations.json.
type dataFile struct {
	Factsheet       metaData          `json:"factsheet"`
	Levels          []factsheet.Level `json:"levels"`
	Recommendations []record          `json:"recommendations"`
}

// metaData is the factsheet's metadata in recommendations.json.
type metaData struct {
	Title      string `json:"title"`
	Party      string `json:"party"`
	Slug       string `json:"slug"`
	Language   string `json:"language"`
	LastUpdate string `json:"last_update"`
	Report     string `json:"report"`
	URL        string `json:"url"`              // the factsheet's home, relative to public/
	Author     string `json:"author,omitempty"` // front matter "author"
	Source     string `json:"source,omitempty"` // the original document's address
}

// records lists one record per identifier, in navigation order.
func (d *docSite) records() []record {
	notes := map[int]string{}
	for _, f := range d.doc.Footnotes {
		notes[f.Number] = f.Text.Plain()
	}
	out := make([]record, 0, len(d.es))
	for _, e := range d.es {
		r := e.Rec
		rec := record{
			ID: e.ID, IDs: append([]string{}, r.IDs...),
			Chapter: r.Chapter.Number, ChapterTitle: r.Chapter.Title,
			Urgency: string(r.Urgency), Section: string(r.Section),
			Text:      blockPlain(r.Block),
			URL:       d.slug + "/recommendations/" + e.Stem() + ".html",
			Footnotes: []noteData{},
			Articles:  append([]factsheet.Article{}, r.Articles...),
		}
		for _, n := range r.Footnotes {
			rec.Footnotes = append(rec.Footnotes, noteData{N: n, Text: notes[n]})
		}
		for _, h := range d.st.History(e.ID) {
			rec.History = append(rec.History, statusData{State: string(h.State), Date: h.Date, Source: h.Source, Note: h.Note, Link: h.Link})
		}
		if n := len(rec.History); n > 0 {
			rec.Status = &rec.History[n-1]
		}
		out = append(out, rec)
	}
	return out
}

// data writes recommendations.json and recommendations.csv.
func (d *docSite) data(files output.Files) error {
	recs := d.records()
	m := d.doc.Meta
	all := dataFile{
		Factsheet: metaData{Title: m.Title, Party: m.Party, Slug: m.Slug, Language: lang(d.doc),
			LastUpdate: m.LastUpdate, Report: m.Report, URL: d.slug + "/index.html", Author: m.Author, Source: m.Source},
		Levels:          levels(d.doc),
		Recommendations: recs,
	}
	js, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return fmt.Errorf("recommendations.json: %w", err)
	}
	files[d.slug+"/recommendations.json"] = append(js, '\n')
	c, err := recordsCSV(recs)
	if err != nil {
		return fmt.Errorf("recommendations.csv: %w", err)
	}
	files[d.slug+"/recommendations.csv"] = c
	return nil
}

// csvHeader is the header row of recommendations.csv.
var csvHeader = []string{"id", "ids", "chapter", "chapter_title", "urgency", "section", "text", "url", "footnotes", "articles", "status", "status_date", "status_source"}

// recordsCSV writes the records as RFC 4180 CSV (CRLF line ends, fields quoted
// when needed). The list columns are flattened: "ids" joins the identifiers
// with a space ("V-4 V-7 V-12 V-15"); "footnotes" writes each footnote as
// "n: text" and joins them with " | " ("16: Para. 95. | 17: Recommendation II-12.").
// The last three columns are the current state, its date and its source,
// empty when none is recorded.
// A cell that a spreadsheet would run as a formula is defused, see cell.
func recordsCSV(recs []record) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	for _, r := range recs {
		notes := make([]string, 0, len(r.Footnotes))
		for _, f := range r.Footnotes {
			notes = append(notes, strconv.Itoa(f.N)+": "+f.Text)
		}
		arts := make([]string, 0, len(r.Articles))
		for _, a := range r.Articles {
			arts = append(arts, a.String())
		}
		row := []string{r.ID, strings.Join(r.IDs, " "), r.Chapter, r.ChapterTitle, r.Urgency, r.Section, r.Text, r.URL, strings.Join(notes, " | "), strings.Join(arts, " | "), "", "", ""}
		if s := r.Status; s != nil {
			row[10], row[11], row[12] = s.State, s.Date, s.Source
		}
		for i := range row {
			row[i] = cell(row[i])
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// cell defuses a CSV cell that spreadsheets would evaluate as a formula (one
// starting with =, +, -, @, a tab or a carriage return) by putting an
// apostrophe before it, as OWASP advises for CSV exports; recommendations.json
// keeps the text as it is.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
