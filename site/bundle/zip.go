package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"html/template"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// ZipRoot is the one top folder of a factsheet's offline zip ("lithuania-offline/").
func ZipRoot(slug string) string { return slug + "-offline/" }

// zipEpoch is the modification time of every zip entry when the factsheet has
// no valid last_update: the earliest time a zip can hold.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// zipFiles returns the files of the offline zip of doc, keyed by their path
// below the top folder. The layout mirrors public/, so that every relative
// link keeps working:
//
//	index.html            opens the factsheet (a link, and an immediate redirect)
//	<slug>/...            the factsheet's whole sub-site
//	assets/...            the shared stylesheets and scripts
//	downloads/<slug>.html the single-file edition
//
// Links to files the zip does not carry (other factsheets, the zip itself)
// lose their href and stay as plain text.
func zipFiles(files output.Files, doc *factsheet.Document) (output.Files, error) {
	slug := doc.Meta.Slug
	z := output.Files{}
	for _, p := range files.Paths() {
		if strings.HasPrefix(p, slug+"/") || strings.HasPrefix(p, "assets/") || p == "downloads/"+slug+".html" {
			z[p] = files[p]
		}
	}
	index, err := zipIndex(files, doc)
	if err != nil {
		return nil, err
	}
	z["index.html"] = index
	for _, p := range z.Paths() {
		if path.Ext(p) == ".html" {
			z[p] = dropMissingLinks(z, p)
		}
	}
	return z, nil
}

// dropMissingLinks removes the href of every <a> of the page p that points
// to a file missing from files.
func dropMissingLinks(files output.Files, p string) []byte {
	toks := tokenize(files[p])
	changed := false
	for i, t := range toks {
		if t.tag == nil || (t.tag.name != "a" && t.tag.name != "area") {
			continue
		}
		href, ok := t.tag.get("href")
		if !ok || isOutside(href) || strings.HasPrefix(href, "#") {
			continue
		}
		if _, ok := files[resolve(p, href)]; !ok {
			t.tag.del("href")
			toks[i].dirty = true
			changed = true
		}
	}
	if !changed {
		return files[p]
	}
	return render(toks)
}

var zipIndexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
{{if .CSP}}<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
{{end}}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={{.Home}}">
<title>{{.Title}}: offline edition</title>
<link rel="stylesheet" href="assets/style.css">
</head>
<body data-root="">
<main id="main">
<h1>{{.Title}}</h1>
<p><a href="{{.Home}}">Open the factsheet</a>, or the <a href="{{.Single}}">single-file edition</a>.</p>
</main>
</body>
</html>
`))

// zipIndex renders the index.html at the root of the zip: it sends the
// reader to the factsheet's home page, with the home page's own security policy.
func zipIndex(files output.Files, doc *factsheet.Document) ([]byte, error) {
	slug := doc.Meta.Slug
	csp := ""
	for _, t := range tokenize(files[slug+"/index.html"]) {
		if v, _ := tagAttr(t, "http-equiv"); t.tag != nil && t.tag.name == "meta" && strings.EqualFold(v, "content-security-policy") {
			csp, _ = t.tag.get("content")
		}
	}
	lang := doc.Meta.Language
	if lang == "" {
		lang = "en"
	}
	title := doc.Meta.Title
	if title == "" {
		title = doc.Meta.Party
	}
	var buf bytes.Buffer
	err := zipIndexPage.Execute(&buf, map[string]string{
		"Lang": lang, "CSP": csp, "Title": title,
		"Home": slug + "/index.html", "Single": "downloads/" + slug + ".html",
	})
	return buf.Bytes(), err
}

// writeZip packs files under the top folder root into a deterministic zip:
// sorted entries, one fixed time, fixed permissions, best compression.
func writeZip(files output.Files, root string, modified time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	paths := files.Paths()
	sort.Strings(paths)
	for _, p := range paths {
		h := &zip.FileHeader{Name: root + p, Method: zip.Deflate, Modified: modified}
		h.SetMode(0o644)
		f, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(files[p]); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipTime is the time stamped on the entries of doc's zip: its last update
// (midnight UTC), or zipEpoch.
func zipTime(doc *factsheet.Document) time.Time {
	t, err := time.Parse("2006-01-02", doc.Meta.LastUpdate)
	if err != nil || t.Before(zipEpoch) {
		return zipEpoch
	}
	return t
}
