// Package render turns factsheet documents into the HTML pages and data files of the site.
package render

import (
	"io/fs"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// Options are the inputs of rendering besides the documents.
type Options struct {
	Templates fs.FS  // the templates/ folder: embedded, or on disk while editing
	Assets    fs.FS  // the assets/ folder, copied to assets/
	BaseURL   string // absolute address of public/ when published ("https://x.github.io/repo/"), or ""
}

// Site renders every page, data file and asset of the site.
func Site(docs []*factsheet.Document, opts Options) (output.Files, error) {
	return output.Files{}, nil
}
