package site

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"factsheet/site/factsheet"
	"factsheet/site/status"
)

// Today is the date against which status entries are checked (no entry may
// be dated later): the current day in UTC, as YYYY-MM-DD.
func Today() string { return time.Now().UTC().Format("2006-01-02") }

// LoadStatus reads the status file <slug>.status.yaml of each document, if
// it has one, and checks it against the document's identifiers and today
// (YYYY-MM-DD). It returns the records by slug and every problem, among them
// a status file whose slug no document has.
func LoadStatus(content fs.FS, dir string, docs []*factsheet.Document, today string) (map[string]*status.Record, factsheet.Problems, error) {
	names, err := fs.Glob(content, "*.status.yaml")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	bySlug := map[string]*factsheet.Document{}
	var slugs []string
	for _, d := range docs {
		bySlug[d.Meta.Slug] = d
		slugs = append(slugs, d.Meta.Slug)
	}
	records := map[string]*status.Record{}
	var problems factsheet.Problems
	for _, name := range names {
		file := path.Join(dir, name)
		slug := strings.TrimSuffix(name, ".status.yaml")
		doc := bySlug[slug]
		if doc == nil {
			problems = append(problems, factsheet.Problem{
				Pos: factsheet.Pos{File: file, Line: 1, Col: 1}, Severity: factsheet.Warning,
				Message: fmt.Sprintf("no factsheet has the slug %q; name the status file after its factsheet's slug (%s)",
					slug, strings.Join(statusNames(slugs), ", ")),
			})
			continue
		}
		src, err := fs.ReadFile(content, name)
		if err != nil {
			return nil, nil, err
		}
		rec, ps := status.Parse(file, src, IDs(doc), today)
		problems = append(problems, ps...)
		records[slug] = rec
	}
	problems.Sort()
	return records, problems, nil
}

func statusNames(slugs []string) []string {
	var out []string
	for _, s := range slugs {
		out = append(out, status.FileName(s))
	}
	if len(out) == 0 {
		out = []string{"no factsheet loaded"}
	}
	return out
}

// IDs lists the recommendation identifiers of doc, in document order.
func IDs(doc *factsheet.Document) []string {
	var ids []string
	for _, r := range doc.Recommendations {
		ids = append(ids, r.IDs...)
	}
	return ids
}
