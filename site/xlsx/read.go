package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
)

// Read returns the rows of a workbook's first sheet, as Write wrote them
// (inline strings, trailing empty cells left out), and its name: for tests,
// and for tools that check a workbook against its CSV.
func Read(b []byte) (sheet string, rows [][]string, err error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", nil, err
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXML(zr, "xl/workbook.xml", &book); err != nil {
		return "", nil, err
	}
	if len(book.Sheets) == 0 {
		return "", nil, fmt.Errorf("xl/workbook.xml: no sheet")
	}
	var data struct {
		Rows []struct {
			Cells []struct {
				Text string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := readXML(zr, "xl/worksheets/sheet1.xml", &data); err != nil {
		return "", nil, err
	}
	for _, r := range data.Rows {
		var row []string
		for _, c := range r.Cells {
			row = append(row, c.Text)
		}
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		rows = append(rows, row)
	}
	return book.Sheets[0].Name, rows, nil
}

// readXML decodes the part name of the archive into v.
func readXML(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
