package bundle

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"factsheet/site/internal/workers"
	"factsheet/site/output"
)

// mediaTypes maps the extensions that Minify handles to their media type.
var mediaTypes = map[string]string{
	".html":        "text/html",
	".htm":         "text/html",
	".css":         "text/css",
	".js":          "text/javascript",
	".mjs":         "text/javascript",
	".json":        "application/json",
	".webmanifest": "application/json",
	".svg":         "image/svg+xml",
	".xml":         "text/xml",
}

// newMinifier returns the minifier set up for the site. HTML keeps the
// document and end tags, attribute quotes and default attribute values, so
// that the pages stay valid for validators and readable by the tests and
// scripts that look for them; <pre> and <textarea> keep their whitespace.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepDefaultAttrVals: true,
		KeepSpecialComments: true,
	})
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// Minify minifies the HTML, CSS, JavaScript, JSON, SVG and XML files in place
// and returns the bytes saved. A file that would grow is kept as it was.
// Inline scripts are minified with their page, before bundle.Offline hashes
// them for the Content-Security-Policy, so hashes always match what ships.
func Minify(files output.Files) (saved int, err error) {
	var paths []string
	for _, p := range files.Paths() {
		if _, ok := mediaTypes[path.Ext(p)]; ok {
			paths = append(paths, p)
		}
	}
	small := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	workers.Each(len(paths), func(i int) { small[i], errs[i] = minifyFile(minifier(), paths[i], files[paths[i]]) })
	for i, p := range paths {
		if errs[i] != nil {
			return saved, errs[i]
		}
		if len(small[i]) < len(files[p]) {
			saved += len(files[p]) - len(small[i])
			files[p] = small[i]
		}
	}
	return saved, nil
}

// minifier is the site's minifier, set up at its first use and then safe for
// concurrent use.
var minifier = sync.OnceValue(newMinifier)

// minifyFile minifies the file p with content b; b stays intact.
func minifyFile(m *minify.M, p string, b []byte) ([]byte, error) {
	mt := mediaTypes[path.Ext(p)]
	// The minifiers rewrite their input in place: give them a copy, so
	// that a file kept as it was (or shared with the caller) stays intact.
	// The copy is lent: the minified file is written into a buffer of its own.
	in := copyInto(b)
	defer giveBack(in)
	small, err := m.Bytes(mt, *in)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w; fix the file or build with -minify=false", p, err)
	}
	if mt == "text/html" {
		upperDoctype(small)
	}
	return small, nil
}

// upperDoctype restores, in place, "<!DOCTYPE html>", which the minifier
// lower-cases, as validators that check the doctype's style expect it.
func upperDoctype(b []byte) {
	if bytes.HasPrefix(b, []byte("<!doctype html>")) {
		copy(b, "<!DOCTYPE html>")
	}
}
