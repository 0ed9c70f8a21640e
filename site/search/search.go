// Package search builds the search index with bleve, writes the compact index
// that the browser loads, and answers queries; it is the only package importing bleve.
package search

import (
	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// Index writes each document's browser search index, "<slug>/search-index.js".
func Index(docs []*factsheet.Document) (output.Files, error) {
	return output.Files{}, nil
}
