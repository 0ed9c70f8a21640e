// Package xlsx writes a table as an Excel workbook, the same bytes for the
// same table: excelize's fixed archive order and zero file times, and
// document properties set from the table's own date rather than the clock.
// It is the only package that imports excelize.
package xlsx

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
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
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
		return nil, fmt.Errorf("sheet name %q: %w", t.Sheet, err)
	}
	steps := []func(*excelize.File, Table) error{cells, layout, props}
	for _, step := range steps {
		if err := step(f, t); err != nil {
			return nil, err
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// cells writes the rows with their styles.
func cells(f *excelize.File, t Table) error {
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	body, err := f.NewStyle(&excelize.Style{Alignment: wrap})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Alignment: wrap, Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE3EA"}}})
	if err != nil {
		return err
	}
	for i, row := range t.Rows {
		ref, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(t.Sheet, ref, &row); err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(max(len(row), 1), i+1)
		style := body
		if i == 0 {
			style = head
		}
		if err := f.SetCellStyle(t.Sheet, ref, last, style); err != nil {
			return err
		}
	}
	return nil
}

// layout sizes the columns, freezes and filters the header, and sets up printing.
func layout(f *excelize.File, t Table) error {
	for i, w := range t.Widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(t.Sheet, col, col, w); err != nil {
			return err
		}
	}
	if len(t.Rows) == 0 || len(t.Rows[0]) == 0 {
		return nil
	}
	lastCol, _ := excelize.ColumnNumberToName(len(t.Rows[0]))
	if err := f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(t.Sheet, fmt.Sprintf("A1:%s%d", lastCol, len(t.Rows)), nil); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(t.Sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	landscape, one, tall := "landscape", 1, 0
	if err := f.SetPageLayout(t.Sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", t.Sheet), Scope: t.Sheet})
}

// props sets the document properties, dated by the table, not by the clock.
func props(f *excelize.File, t Table) error {
	date := t.Date
	if date == "" {
		date = "2000-01-01"
	}
	stamp := date + "T00:00:00Z"
	return f.SetDocProps(&excelize.DocProperties{Title: t.Title, Subject: t.Subject, Creator: "factsheet",
		LastModifiedBy: "factsheet", Created: stamp, Modified: stamp, Language: t.Lang})
}

// Read returns the rows of a workbook's first sheet, as Write wrote them, and
// its name: for tests, and for tools that check a workbook against its CSV.
func Read(b []byte) (sheet string, rows [][]string, err error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	sheet = f.GetSheetName(0)
	rows, err = f.GetRows(sheet)
	return sheet, rows, err
}
