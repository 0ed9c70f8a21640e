// Package xlsx writes a table as an Excel workbook, the same bytes for the
// same table. It writes the SpreadsheetML parts itself (inline strings, two
// cell styles) and packs them into a zip with fixed times and order; the
// parts that never change are compressed once per process.
package xlsx

import (
	"archive/zip"
	"fmt"
	"strings"
	"unicode/utf8"

	"factsheet/site/internal/rawzip"
)

// Table is one worksheet: a header row and the rows under it.
type Table struct {
	Sheet   string     // the worksheet's name, at most 31 characters, no []:*?/\
	Rows    [][]string // the first one is the header, repeated on every printed page
	Widths  []float64  // each column's width, in characters
	Title   string     // document property: title
	Subject string     // document property: subject
	Date    string     // document property: created and modified, YYYY-MM-DD
	Lang    string     // document property: language, e.g. "en"
}

// Write returns the workbook: the header bold on a tint and frozen, every
// cell wrapped and aligned at the top, columns sized, an auto-filter on the
// header, printed landscape on pages one column wide with the header repeated.
func Write(t Table) ([]byte, error) {
	if err := checkSheetName(t.Sheet); err != nil {
		return nil, err
	}
	parts := fixedParts()
	for _, p := range []struct {
		name string
		data []byte
	}{
		{"docProps/core.xml", coreXML(t)},
		{"xl/workbook.xml", workbookXML(t)},
		{"xl/worksheets/sheet1.xml", sheetXML(t)},
	} {
		e, err := deflate(p.name, p.data)
		if err != nil {
			return nil, err
		}
		parts = append(parts, e)
	}
	return pack(parts)
}

// checkSheetName refuses a name Excel would refuse.
func checkSheetName(name string) error {
	switch {
	case name == "" || utf8.RuneCountInString(name) > 31:
		return fmt.Errorf("sheet name %q: empty or longer than 31 characters", name)
	case strings.ContainsAny(name, `[]:*?/\`):
		return fmt.Errorf("sheet name %q: holds one of []:*?/\\", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("sheet name %q: begins or ends with an apostrophe", name)
	}
	return nil
}

// dosEpoch is the MS-DOS date of every entry: 1980-01-01, the earliest a zip holds.
const dosEpoch = 1<<5 | 1

// pack zips the compressed parts, in their order, all dated dosEpoch.
func pack(parts []rawzip.File) ([]byte, error) {
	return rawzip.Write(parts, func(h *zip.FileHeader) { h.ModifiedDate = dosEpoch })
}
