// Package urls is the site's one address scheme: the path of every file of a
// factsheet relative to public/, and the anchors its pages carry. render,
// bundle and search build addresses with it, and the browser's search index
// carries its Patterns, so that assets/search.js does not spell them again.
package urls

import (
	"strings"

	"factsheet/site/factsheet"
)

// Factsheet is the address scheme of one factsheet, named by its slug.
type Factsheet string

// Home is the factsheet's home page: "lithuania/index.html".
func (f Factsheet) Home() string { return f.file("index.html") }

// Chapter is a chapter's page, by its numeral as printed: "lithuania/chapters/ii.html".
func (f Factsheet) Chapter(numeral string) string {
	return f.file("chapters/" + strings.ToLower(numeral) + ".html")
}

// Recommendation is an identifier's page: "lithuania/recommendations/iv-5.html".
func (f Factsheet) Recommendation(id string) string {
	return f.file("recommendations/" + factsheet.FileStem(id) + ".html")
}

// List is the list of all recommendations, the explorer: "lithuania/recommendations/index.html".
func (f Factsheet) List() string { return f.file("recommendations/index.html") }

// ActionPlan is the action plan's page: "lithuania/action-plan.html".
func (f Factsheet) ActionPlan() string { return f.file("action-plan.html") }

// Glossary is the list of abbreviations: "lithuania/glossary.html".
func (f Factsheet) Glossary() string { return f.file("glossary.html") }

// Search is the search results page: "lithuania/search.html".
func (f Factsheet) Search() string { return f.file("search.html") }

// SearchIndex is the browser's search index: "lithuania/search-index.js".
func (f Factsheet) SearchIndex() string { return f.file("search-index.js") }

// SingleFile is the single-file edition: "downloads/lithuania.html".
func (f Factsheet) SingleFile() string { return Downloads + string(f) + ".html" }

// OfflineZip is the offline bundle: "downloads/lithuania-offline.zip".
func (f Factsheet) OfflineZip() string { return Downloads + string(f) + "-offline.zip" }

// Owns tells whether the file at p (relative to public/) is in the factsheet's folder.
func (f Factsheet) Owns(p string) bool { return strings.HasPrefix(p, string(f)+"/") }

func (f Factsheet) file(rel string) string { return string(f) + "/" + rel }

// Downloads is the folder of the offline editions.
const Downloads = "downloads/"

// RecAnchor is the anchor of a recommendation in its chapter's text: "rec-iv-5".
func RecAnchor(id string) string { return factsheet.Anchor(id) }

// Entry is the anchor of a recommendation's entry in the single-file edition:
// "recommendation-iv-5".
func Entry(id string) string { return "recommendation-" + factsheet.FileStem(id) }

// ChapterAnchor is the anchor of a chapter in the single-file edition and in
// the list of recommendations: "chapter-ii".
func ChapterAnchor(numeral string) string { return "chapter-" + strings.ToLower(numeral) }

// Patterns are the addresses the browser builds, "{}" standing for an
// identifier or a chapter numeral in lower case: a recommendation's page,
// its entry in the single-file edition, a chapter there.
func (f Factsheet) Patterns() map[string]string {
	return map[string]string{
		"recommendation": f.Recommendation("{}"),
		"entry":          "#" + Entry("{}"),
		"chapter":        "#" + ChapterAnchor("{}"),
	}
}
