// Package bundle minifies the built site and packs the offline editions of
// each factsheet; it is the only package importing minify.
//
// Offline writes, for each factsheet, two downloads into public/downloads/:
//
//   - <slug>.html, the single-file edition: the page render wrote there, with
//     every stylesheet, script and image inline and a Content-Security-Policy
//     that allows only those inline scripts and styles, by hash (see SingleFile);
//   - <slug>-offline.zip: the factsheet's sub-site, the shared assets and the
//     single-file edition under one top folder "<slug>-offline/" whose
//     index.html opens the factsheet (see zipper.files for the layout).
//
// It then fills the size placeholders that render leaves next to the
// download links, <span class="size" data-download="<slug>.html"></span>,
// with the size of the file ("1.2 MB"). The home page carrying the sizes is
// itself inside the zip, so the zip's size is found by iteration: fill the
// sizes, zip, and repeat until the rounded sizes no longer change (once or
// twice; the rounding makes it stable). The zipped home page thus shows the
// same sizes as the published one, the zip's own included.
package bundle

import (
	"fmt"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// maxSizeRounds bounds the fill-and-zip iteration; sizes are rounded to two
// or three digits, so it settles in two rounds in practice.
const maxSizeRounds = 5

// Offline adds, for each document, the single-file edition (inlining the
// "downloads/<slug>.html" page that render wrote) and "downloads/<slug>-offline.zip",
// then fills the download sizes into the pages.
func Offline(files output.Files, docs []*factsheet.Document) error {
	for _, doc := range docs {
		name := urls.Factsheet(doc.Meta.Slug).SingleFile()
		single, err := SingleFile(files, name)
		if err != nil {
			return err
		}
		files[name] = single
	}
	z := newZipper()
	for _, doc := range docs {
		z.cleanBySingleFile(files, urls.Factsheet(doc.Meta.Slug).SingleFile())
	}
	sized := sizedPages(files)
	fillSizes(files, sized)
	for round := 0; round < maxSizeRounds; round++ {
		if err := z.addAll(files, docs); err != nil {
			return err
		}
		if !fillSizes(files, sized) {
			return nil
		}
	}
	return z.addAll(files, docs) // the zips hold the pages as published, even if sizes did not settle
}

// addAll writes the offline zip of every document.
func (z *zipper) addAll(files output.Files, docs []*factsheet.Document) error {
	for _, doc := range docs {
		if err := z.add(files, doc); err != nil {
			return err
		}
	}
	return nil
}

// add writes the offline zip of doc into files.
func (z *zipper) add(files output.Files, doc *factsheet.Document) error {
	zf, err := z.files(files, doc)
	if err != nil {
		return fmt.Errorf("offline zip of %s: %w", doc.Meta.Slug, err)
	}
	b, err := z.write(zf, ZipRoot(doc.Meta.Slug), zipTime(doc))
	if err != nil {
		return fmt.Errorf("offline zip of %s: %w", doc.Meta.Slug, err)
	}
	files[urls.Factsheet(doc.Meta.Slug).OfflineZip()] = b
	return nil
}
