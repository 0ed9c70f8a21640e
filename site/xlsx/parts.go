package xlsx

import (
	"bytes"
	"strings"
	"sync"

	"factsheet/site/internal/rawzip"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRels    = `http://schemas.openxmlformats.org/package/2006/relationships`
	nsDocRels = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	ctPrefix  = `application/vnd.openxmlformats-`
)

// fixed are the parts that are the same in every workbook, in archive order.
var fixed = []struct{ name, xml string }{
	{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="` + ctPrefix + `package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ctPrefix + `officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="` + ctPrefix + `package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="` + ctPrefix + `officedocument.extended-properties+xml"/>` +
		`</Types>`},
	{"_rels/.rels", `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + nsDocRels + `/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsDocRels + `/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`},
	{"docProps/app.xml", `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>factsheet</Application></Properties>`},
	{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + nsDocRels + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsDocRels + `/styles" Target="styles.xml"/>` +
		`</Relationships>`},
	// The cell formats: 0 the default, 1 the body (wrapped, at the top),
	// 2 the header (the body's, bold on a tint).
	{"xl/styles.xml", `<styleSheet xmlns="` + nsMain + `">` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
		`<fill><patternFill patternType="solid"><fgColor rgb="FFDCE3EA"/><bgColor indexed="64"/></patternFill></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
		`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`</styleSheet>`},
}

// fixedEntries compresses the fixed parts once.
var fixedEntries = sync.OnceValue(func() []rawzip.File {
	var out []rawzip.File
	for _, p := range fixed {
		e, err := deflate(p.name, []byte(xmlHeader+p.xml))
		if err != nil {
			panic(err) // deflating into memory does not fail
		}
		out = append(out, e)
	}
	return out
})

// fixedParts returns the compressed fixed parts, in a slice of its own with
// room for the others.
func fixedParts() []rawzip.File {
	e := fixedEntries()
	return append(make([]rawzip.File, 0, len(e)+3), e...)
}

// coreXML is docProps/core.xml: the document properties, dated by the table
// (2000-01-01 without a date), not by the clock.
func coreXML(t Table) []byte {
	date := t.Date
	if date == "" {
		date = "2000-01-01"
	}
	stamp := date + "T00:00:00Z"
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	element(&b, "dc:title", t.Title)
	element(&b, "dc:subject", t.Subject)
	b.WriteString(`<dc:creator>factsheet</dc:creator><cp:lastModifiedBy>factsheet</cp:lastModifiedBy>`)
	element(&b, "dc:language", t.Lang)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// element writes <name>text</name>, or nothing when text is empty.
func element(b *bytes.Buffer, name, text string) {
	if text == "" {
		return
	}
	b.WriteString("<" + name + ">")
	escape(b, text)
	b.WriteString("</" + name + ">")
}

// workbookXML is xl/workbook.xml: the one sheet and, with a header, the
// names Excel gives an auto-filter's range and the rows printed on every page.
func workbookXML(t Table) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsDocRels + `">` +
		`<bookViews><workbookView/></bookViews><sheets><sheet name="`)
	escape(&b, t.Sheet)
	b.WriteString(`" sheetId="1" r:id="rId1"/></sheets>`)
	if cols := headerWidth(t); cols > 0 {
		quoted := "'" + strings.ReplaceAll(t.Sheet, "'", "''") + "'!"
		b.WriteString(`<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">`)
		escape(&b, quoted+absoluteRange(cols, len(t.Rows)))
		b.WriteString(`</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">`)
		escape(&b, quoted+"$1:$1")
		b.WriteString(`</definedName></definedNames>`)
	}
	b.WriteString(`</workbook>`)
	return b.Bytes()
}
