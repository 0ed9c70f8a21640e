package xlsx

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// The cell formats of xl/styles.xml.
const (
	bodyStyle   = "1"
	headerStyle = "2"
)

// sheetXML is xl/worksheets/sheet1.xml: the page set-up, the view with the
// header frozen, the column widths, the cells as inline strings and the
// auto-filter.
func sheetXML(t Table) []byte {
	var b bytes.Buffer
	b.Grow(sizeHint(t))
	cols := headerWidth(t)
	b.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `">` +
		`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="`)
	b.WriteString(cellRange(max(cols, 1), max(len(t.Rows), 1)))
	b.WriteString(`"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">`)
	if cols > 0 {
		b.WriteString(`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
			`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`)
	}
	b.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	columns(&b, t.Widths)
	b.WriteString(`<sheetData>`)
	for i, row := range t.Rows {
		writeRow(&b, i+1, row)
	}
	b.WriteString(`</sheetData>`)
	if cols > 0 {
		b.WriteString(`<autoFilter ref="` + cellRange(cols, len(t.Rows)) + `"/>`)
	}
	b.WriteString(`<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`)
	return b.Bytes()
}

// headerWidth is the number of columns of the header, 0 without one.
func headerWidth(t Table) int {
	if len(t.Rows) == 0 {
		return 0
	}
	return len(t.Rows[0])
}

// sizeHint is about the size of the sheet's XML.
func sizeHint(t Table) int {
	n := 1024
	for _, row := range t.Rows {
		for _, c := range row {
			n += len(c) + 40 // the cell's markup
		}
	}
	return n
}

// columns writes the column widths.
func columns(b *bytes.Buffer, widths []float64) {
	if len(widths) == 0 {
		return
	}
	b.WriteString(`<cols>`)
	for i, w := range widths {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<col min="` + n + `" max="` + n + `" width="` + strconv.FormatFloat(w, 'f', -1, 64) + `" customWidth="1"/>`)
	}
	b.WriteString(`</cols>`)
}

// writeRow writes row number r (from 1), the header's style on the first.
func writeRow(b *bytes.Buffer, r int, row []string) {
	style := bodyStyle
	if r == 1 {
		style = headerStyle
	}
	num := strconv.Itoa(r)
	b.WriteString(`<row r="` + num + `">`)
	for i, text := range row {
		b.WriteString(`<c r="`)
		b.WriteString(columnName(i + 1))
		b.WriteString(num + `" s="` + style + `"`)
		if text == "" { // styled, so that what is typed in wraps too
			b.WriteString(`/>`)
			continue
		}
		b.WriteString(` t="inlineStr"><is><t`)
		if spaced(text) {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteString(`>`)
		escape(b, text)
		b.WriteString(`</t></is></c>`)
	}
	b.WriteString(`</row>`)
}

// spaced tells whether text begins or ends with white space, which Excel
// drops unless told to preserve it.
func spaced(text string) bool {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return isSpace(text[0]) || isSpace(text[len(text)-1])
}

// columnName is the letters of column n (from 1): A, ..., Z, AA, ...
func columnName(n int) string {
	if n <= 26 {
		return string(rune('A' + n - 1))
	}
	return columnName((n-1)/26) + string(rune('A'+(n-1)%26))
}

// cellRange is A1:<last column><last row>.
func cellRange(cols, rows int) string {
	return "A1:" + columnName(cols) + strconv.Itoa(rows)
}

// absoluteRange is $A$1:$<last column>$<last row>.
func absoluteRange(cols, rows int) string {
	return "$A$1:$" + columnName(cols) + "$" + strconv.Itoa(rows)
}

// escape writes s as XML text or attribute value: markup characters and
// carriage returns as references, characters XML cannot hold as U+FFFD.
func escape(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		var ref string
		switch {
		case r == '&':
			ref = "&amp;"
		case r == '<':
			ref = "&lt;"
		case r == '>':
			ref = "&gt;"
		case r == '"':
			ref = "&quot;"
		case r == '\r':
			ref = "&#13;"
		case !xmlChar(r, width):
			ref = "\uFFFD"
		default:
			i += width
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(ref)
		i += width
		last = i
	}
	b.WriteString(s[last:])
}

// xmlChar tells whether the rune r, decoded from width bytes, may appear in XML.
func xmlChar(r rune, width int) bool {
	switch {
	case r == utf8.RuneError && width == 1:
		return false
	case r < 0x20:
		return r == '\t' || r == '\n'
	}
	return r != 0xFFFE && r != 0xFFFF
}
