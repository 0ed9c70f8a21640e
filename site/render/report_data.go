package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"unicode/utf8"

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
	reportHead
	Recommendations []receiptRecord `json:"recommendations"`
}

// reportHead is what comes before the records in recommendations.json.
type reportHead struct {
	Report struct {
		Title string `json:"title"`
		Round string `json:"round"`
		URL   string `json:"url"` // the report's page, relative to public/
	} `json:"report"`
	Levels []factsheet.Level `json:"levels"` // as its first factsheet defines them
}

// reportCSVHeader is the header row of a report's recommendations.csv, and
// the names of a receiptRecord's fields in recommendations.json, in order.
var reportCSVHeader = []string{"id", "party", "slug", "chapter", "chapter_title", "urgency", "section", "text", "url"}

// values are the fields of x in the order of reportCSVHeader.
func (x *receiptRecord) values() []string {
	return []string{x.ID, x.Party, x.Slug, x.Chapter, x.ChapterTitle, x.Urgency, x.Section, x.Text, x.URL}
}

// data writes reports/<round>/recommendations.json and .csv: one row per
// Party and identifier, by identifier then Party.
func (rp *reportPages) data(files output.Files) error {
	r := rp.r
	var d reportData
	d.Report.Title, d.Report.Round, d.Report.URL = r.Title, r.Round, reportDir(r)+"index.html"
	d.Levels = rp.first.Levels
	d.Recommendations = []receiptRecord{}
	size := 0 // of the values, to size the files
	for _, id := range r.IDs {
		for _, rc := range r.Receipts(id) {
			m := rc.Member
			x := receiptRecord{
				ID: id, Party: m.Party, Slug: m.Slug, Chapter: rc.Rec.Chapter, ChapterTitle: m.ChapterTitle(rc.Rec.Chapter),
				Urgency: string(rc.Rec.Urgency), Section: rc.Rec.Section, Text: rc.Rec.Text,
				URL: m.Slug + "/recommendations/" + factsheet.FileStem(id) + ".html",
			}
			for _, v := range x.values() {
				size += len(v)
			}
			d.Recommendations = append(d.Recommendations, x)
		}
	}
	js, err := reportJSON(&d, size)
	if err != nil {
		return fmt.Errorf("%srecommendations.json: %w", reportDir(r), err)
	}
	files[reportDir(r)+"recommendations.json"] = js
	var b bytes.Buffer
	b.Grow(size + len(d.Recommendations)*2*len(reportCSVHeader))
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(reportCSVHeader) // writes to memory; errors come back from w.Error
	for i := range d.Recommendations {
		row := d.Recommendations[i].values()
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

// reportJSON is json.MarshalIndent(d, "", "  ") and a newline, byte for
// byte, the records written directly (MarshalIndent indents the whole
// document again, byte by byte, after marshalling it by reflection); size
// is the length of the records' values.
func reportJSON(d *reportData, size int) ([]byte, error) {
	head, err := json.MarshalIndent(d.reportHead, "", "  ")
	if err != nil {
		return nil, err
	}
	const indent = "\n    " // before a record's braces; its fields are one level deeper
	out := make([]byte, 0, len(head)+size+len(d.Recommendations)*24*len(reportCSVHeader))
	out = append(out, head[:len(head)-len("\n}")]...)
	out = append(out, `,
  "recommendations": [`...)
	for i := range d.Recommendations {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, indent+"{"...)
		for j, v := range d.Recommendations[i].values() {
			if j > 0 {
				out = append(out, ',')
			}
			out = append(out, indent+"  \""...)
			out = append(out, reportCSVHeader[j]...)
			out = append(out, `": `...)
			out = appendJSONString(out, v)
		}
		out = append(out, indent+"}"...)
	}
	if len(d.Recommendations) > 0 {
		out = append(out, "\n  "...)
	}
	return append(out, "]\n}\n"...), nil
}

// appendJSONString appends s as encoding/json writes a string: quoted,
// with <, > and & escaped for HTML, U+2028 and U+2029 escaped, and each
// byte that is not valid UTF-8 replaced by U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
