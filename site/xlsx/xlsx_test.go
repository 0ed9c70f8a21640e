package xlsx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var sample = Table{
	Sheet:  "Action plan",
	Rows:   [][]string{{"Id", "Text", "Deadline"}, {"IV-5", "The Committee requires a long text that wraps.", ""}, {"X-5, X-6", "=1+1 stays text", ""}},
	Widths: []float64{12, 60, 14},
	Title:  "Action plan · P", Subject: "Recommendations", Date: "2023-05-25", Lang: "en",
}

// TestWriteIsDeterministic writes the same table twice, apart in time:
// the same bytes, and no clock in the document properties.
func TestWriteIsDeterministic(t *testing.T) {
	a, err := Write(sample)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Write(sample)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of one table differ")
	}
	core := part(t, a, "docProps/core.xml")
	if !strings.Contains(core, "2023-05-25T00:00:00Z") || strings.Contains(core, "2006-09-16") {
		t.Errorf("docProps/core.xml is not dated by the table: %s", core)
	}
}

// TestReadBack reads the rows written.
func TestReadBack(t *testing.T) {
	b, err := Write(sample)
	if err != nil {
		t.Fatal(err)
	}
	sheet, rows, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Id", "Text", "Deadline"}, {"IV-5", "The Committee requires a long text that wraps."}, {"X-5, X-6", "=1+1 stays text"}}
	if sheet != "Action plan" || !reflect.DeepEqual(rows, want) {
		t.Errorf("read %q %q, want %q", sheet, rows, want)
	}
}

// TestGolden compares the workbook's parts that carry its layout (column
// widths, frozen header, styles, print set-up, cells) with testdata/sample.golden.
func TestGolden(t *testing.T) {
	b, err := Write(sample)
	if err != nil {
		t.Fatal(err)
	}
	got := []byte(Dump(t, b))
	golden := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v; run go test ./site/xlsx -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the workbook differs from %s; if intended, run go test ./site/xlsx -update and review the diff\ngot:\n%s", golden, got)
	}
}

var tagBreak = regexp.MustCompile(`><`)

// Dump lists the workbook's parts by name, the XML ones one element a line.
func Dump(t testing.TB, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	var out strings.Builder
	for _, n := range names {
		fmt.Fprintf(&out, "== %s\n%s\n", n, tagBreak.ReplaceAllString(part(t, b, n), ">\n<"))
	}
	return out.String()
}

// part is the content of one file of the workbook's archive.
func part(t testing.TB, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	c, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(c)
}

// TestSheetNames refuses the names Excel refuses and takes the others.
func TestSheetNames(t *testing.T) {
	for name, ok := range map[string]bool{
		"Action plan": true, "Plan d’action": true, "Plan d'action": true, strings.Repeat("é", 31): true,
		"": false, strings.Repeat("é", 32): false, "a/b": false, "a[1]": false, "what?": false, "'quoted'": false,
	} {
		_, err := Write(Table{Sheet: name, Rows: [][]string{{"Id"}}})
		if (err == nil) != ok {
			t.Errorf("sheet %q: error %v, want accepted: %v", name, err, ok)
		}
	}
}
