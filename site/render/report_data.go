package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// receiptRecord is one Party and identifier in a report's recommendations.json and .csv.
type receiptRecord struct {
	ID           string `json:"id"`            // "IV-5"
	Party        string `json:"party"`         // "Lithuania"
	Slug         string `json:"slug"`          // the Party's factsheet
	Chapter      string `json:"chapter"`       // "IV"
	ChapterTitle string `json:"chapter_title"` // in the Party's factsheet
	Urgency      string `json:"urgency"`       // require | request | invite
	Section      string `json:"section"`       // specific | generic
	Text         string `json:"text"`          // plain, lead-in first
	URL          string `json:"url"`           // the Party's page of it, relative to public/
}

// reportData is the whole of a report's recommendations.json.
type reportData struct {
	Report struct {
		Title string `json:"title"`
		Round string `json:"round"`
		URL   string `json:"url"` // the report's page, relative to public/
	} `json:"report"`
	Levels          []factsheet.Level `json:"levels"` // as its first factsheet defines them
	Recommendations []receiptRecord   `json:"recommendations"`
}

// reportCSVHeader is the header row of a report's recommendations.csv.
var reportCSVHeader = []string{"id", "party", "slug", "chapter", "chapter_title", "urgency", "section", "text", "url"}

// data writes reports/<round>/recommendations.json and .csv: one row per
// Party and identifier, by identifier then Party.
func (rp *reportPages) data(files output.Files) error {
	r := rp.r
	var d reportData
	d.Report.Title, d.Report.Round, d.Report.URL = r.Title, r.Round, reportDir(r)+"index.html"
	d.Levels = rp.first.Levels
	d.Recommendations = []receiptRecord{}
	for _, id := range r.IDs {
		for _, rc := range r.Receipts(id) {
			m := rc.Member
			d.Recommendations = append(d.Recommendations, receiptRecord{
				ID: id, Party: m.Party, Slug: m.Slug, Chapter: rc.Rec.Chapter, ChapterTitle: m.ChapterTitle(rc.Rec.Chapter),
				Urgency: string(rc.Rec.Urgency), Section: rc.Rec.Section, Text: rc.Rec.Text,
				URL: m.Slug + "/recommendations/" + factsheet.FileStem(id) + ".html",
			})
		}
	}
	js, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("%srecommendations.json: %w", reportDir(r), err)
	}
	files[reportDir(r)+"recommendations.json"] = append(js, '\n')
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(reportCSVHeader) // writes to memory; errors come back from w.Error
	for _, x := range d.Recommendations {
		row := []string{x.ID, x.Party, x.Slug, x.Chapter, x.ChapterTitle, x.Urgency, x.Section, x.Text, x.URL}
		for i := range row {
			row[i] = cell(row[i])
		}
		_ = w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("%srecommendations.csv: %w", reportDir(r), err)
	}
	files[reportDir(r)+"recommendations.csv"] = b.Bytes()
	return nil
}
