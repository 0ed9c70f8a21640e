package xlsx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// open reads the workbook of t with excelize, as a spreadsheet program would.
func open(tb testing.TB, t Table) *excelize.File {
	tb.Helper()
	b, err := Write(t)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// TestExcelizeReadsCells reads back the seed's action plan, cell by cell.
func TestExcelizeReadsCells(t *testing.T) {
	plan := seedPlan(t)
	f := open(t, plan)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Action plan"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("Action plan")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(plan.Rows) {
		t.Fatalf("%d rows, want %d", len(rows), len(plan.Rows))
	}
	for i, row := range rows {
		want := plan.Rows[i][:len(row)] // excelize leaves out trailing empty cells
		if !reflect.DeepEqual(row, want) || len(row) < 4 {
			t.Errorf("row %d: %q, want %q", i+1, row, plan.Rows[i])
		}
	}
}

// TestExcelizeReadsText reads back text that XML or Excel would change if
// it were written as it is.
func TestExcelizeReadsText(t *testing.T) {
	texts := []string{`a & b <c> "d" 'e'`, " leading and trailing ", "two\nlines", "cr\r\nlf", "=1+1", "bell\a", "Plan d’action — é"}
	table := Table{Sheet: "Plan d'action", Rows: [][]string{{"Text"}, texts}}
	b, err := Write(table)
	if err != nil {
		t.Fatal(err)
	}
	// excelize keeps the spaces either way; Excel needs to be told
	if !strings.Contains(part(t, b, "xl/worksheets/sheet1.xml"), `<t xml:space="preserve"> leading and trailing </t>`) {
		t.Error("the spaces around a text are not marked to be preserved")
	}
	f := open(t, table)
	rows, err := f.GetRows("Plan d'action")
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string(nil), texts...)
	want[5] = "bell\uFFFD"
	if len(rows) != 2 || !reflect.DeepEqual(rows[1], want) {
		t.Errorf("read %q, want %q", rows, want)
	}
	names := f.GetDefinedName()
	if len(names) != 2 || names[1].RefersTo != "'Plan d''action'!$1:$1" {
		t.Errorf("defined names %+v, want the sheet's apostrophe doubled", names)
	}
}

// TestExcelizeReadsLayout checks what the workbook promises beyond its
// cells: styles, widths, the frozen and filtered header, print set-up and
// document properties.
func TestExcelizeReadsLayout(t *testing.T) {
	f := open(t, sample)
	const sheet = "Action plan"
	for col, want := range map[string]float64{"A": 12, "B": 60, "C": 14} {
		if w, err := f.GetColWidth(sheet, col); err != nil || w != want {
			t.Errorf("column %s: width %v (%v), want %v", col, w, err, want)
		}
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v (%v), want the first row frozen", panes, err)
	}
	wantNames := []excelize.DefinedName{
		{Name: "_xlnm._FilterDatabase", RefersTo: "'Action plan'!$A$1:$C$3", Scope: sheet},
		{Name: "_xlnm.Print_Titles", RefersTo: "'Action plan'!$1:$1", Scope: sheet},
	}
	if got := f.GetDefinedName(); !reflect.DeepEqual(got, wantNames) {
		t.Errorf("defined names %+v, want %+v", got, wantNames)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %v %v %v (%v), want landscape, one page wide", *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight, err)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("sheet properties %+v (%v), want fit to page", props, err)
	}
	doc, err := f.GetDocProps()
	wantDoc := excelize.DocProperties{Title: "Action plan · P", Subject: "Recommendations", Creator: "factsheet",
		LastModifiedBy: "factsheet", Created: "2023-05-25T00:00:00Z", Modified: "2023-05-25T00:00:00Z", Language: "en"}
	if err != nil || *doc != wantDoc {
		t.Errorf("document properties %+v (%v), want %+v", doc, err, wantDoc)
	}
}

// TestExcelizeReadsStyles checks the header's and the body's cell styles,
// empty cells included.
func TestExcelizeReadsStyles(t *testing.T) {
	f := open(t, sample)
	for _, c := range []struct {
		cell string
		head bool
	}{{"A1", true}, {"C1", true}, {"B2", false}, {"C3", false}} {
		id, err := f.GetCellStyle("Action plan", c.cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if s.Alignment == nil || !s.Alignment.WrapText || s.Alignment.Vertical != "top" {
			t.Errorf("%s: alignment %+v, want wrapped at the top", c.cell, s.Alignment)
		}
		bold := s.Font != nil && s.Font.Bold
		// excelize gives a fill's colour only through a theme, which the
		// workbook has none of: the golden file shows the colour.
		tinted := s.Fill.Type == "pattern" && s.Fill.Pattern == 1
		if bold != c.head || tinted != c.head {
			t.Errorf("%s: bold %v, fill %+v; header: %v", c.cell, bold, s.Fill, c.head)
		}
	}
}
