package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/linkcheck"
	"factsheet/site/output"
)

// seedDoc parses the real seed factsheet.
func seedDoc(t testing.TB) *factsheet.Document {
	t.Helper()
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := factsheet.Parse("content/lithuania.md", src)
	if doc == nil {
		t.Fatal("the seed did not parse")
	}
	return doc
}

// defaultRenderer returns a renderer of the embedded templates and assets.
func defaultRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := New(Options{Templates: defaults.Templates, Assets: defaults.Assets})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// renderSeed renders the seed with the embedded templates and assets.
func renderSeed(t testing.TB, base string) output.Files {
	t.Helper()
	files, err := Site([]*factsheet.Document{seedDoc(t)}, Options{Templates: defaults.Templates, Assets: defaults.Assets, BaseURL: base})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestWriteSeed writes the rendered seed into $RENDER_OUT, for looking at it.
func TestWriteSeed(t *testing.T) {
	out := os.Getenv("RENDER_OUT")
	if out == "" {
		t.Skip("set RENDER_OUT=dir to write the rendered seed there")
	}
	for p, b := range renderSeed(t, os.Getenv("RENDER_BASE")) {
		full := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// TestGolden compares two pages of the seed with testdata/*.golden.html;
// regenerate them with `go test ./site/render -update` and review the diff.
func TestGolden(t *testing.T) {
	files := renderSeed(t, "")
	for _, g := range []struct{ page, golden string }{
		{"lithuania/chapters/ii.html", "testdata/chapter-ii.golden.html"},
		{"lithuania/recommendations/iv-5.html", "testdata/recommendation-iv-5.golden.html"},
	} {
		got := files[g.page]
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(g.golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(g.golden)
		if err != nil {
			t.Fatalf("%v (run go test ./site/render -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; if the change is intended, run go test ./site/render -update and review the diff\n%s",
				g.page, g.golden, firstDiff(string(want), string(got)))
		}
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d\nwant: %s\n got: %s", i+1, wl, gl)
		}
	}
	return ""
}

func TestSeedData(t *testing.T) {
	files := renderSeed(t, "")
	var data struct {
		Factsheet map[string]string `json:"factsheet"`
		Levels    []map[string]string
		Recs      []struct {
			ID           string   `json:"id"`
			IDs          []string `json:"ids"`
			Chapter      string   `json:"chapter"`
			ChapterTitle string   `json:"chapter_title"`
			Urgency      string   `json:"urgency"`
			Section      string   `json:"section"`
			Text         string   `json:"text"`
			URL          string   `json:"url"`
			Footnotes    []struct {
				N    int    `json:"n"`
				Text string `json:"text"`
			} `json:"footnotes"`
		} `json:"recommendations"`
	}
	raw := files["lithuania/recommendations.json"]
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"id"`, `"ids"`, `"chapter"`, `"chapter_title"`, `"urgency"`, `"section"`, `"text"`, `"url"`, `"footnotes"`, `"n"`} {
		if !bytes.Contains(raw, []byte(field+":")) {
			t.Errorf("recommendations.json has no field %s", field)
		}
	}
	if data.Factsheet["party"] != "Lithuania" || data.Factsheet["last_update"] != "2023-05-25" || len(data.Levels) != 3 {
		t.Errorf("metadata: %v, levels %v", data.Factsheet, data.Levels)
	}
	if len(data.Recs) != 90 {
		t.Fatalf("%d recommendations, want 90", len(data.Recs))
	}
	byID := map[string]int{}
	for i, r := range data.Recs {
		byID[r.ID] = i
		if r.URL != "lithuania/recommendations/"+strings.ToLower(r.ID)+".html" || files[r.URL] == nil {
			t.Errorf("%s: url %q is not its page", r.ID, r.URL)
		}
		if r.Urgency != "require" && r.Urgency != "request" && r.Urgency != "invite" {
			t.Errorf("%s: urgency %q", r.ID, r.Urgency)
		}
		if r.Section != "specific" && r.Section != "generic" {
			t.Errorf("%s: section %q", r.ID, r.Section)
		}
		if r.Text == "" || strings.Contains(r.Text, "  ") || strings.Contains(r.Text, "\n") {
			t.Errorf("%s: text is not collapsed plain text: %q", r.ID, r.Text)
		}
	}
	iv5 := data.Recs[byID["IV-5"]]
	if iv5.Urgency != "require" || iv5.Chapter != "IV" || iv5.ChapterTitle != "Jurisdiction rules" || iv5.Section != "specific" ||
		!strings.HasPrefix(iv5.Text, "The Committee requires Lithuania, to improve") ||
		len(iv5.Footnotes) != 1 || iv5.Footnotes[0].Text != "Recommendation IV-5." {
		t.Errorf("IV-5: %+v", iv5)
	}
	if v7 := data.Recs[byID["V-7"]]; strings.Join(v7.IDs, " ") != "V-4 V-7 V-12 V-15" {
		t.Errorf("V-7 shares its text with %v, want V-4 V-7 V-12 V-15", v7.IDs)
	}

	rows, err := csv.NewReader(bytes.NewReader(files["lithuania/recommendations.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "id,ids,chapter,chapter_title,urgency,section,text,url,footnotes,articles,status,status_date,status_source" || len(rows) != 91 {
		t.Fatalf("csv header %v, %d rows", rows[0], len(rows))
	}
	for i, row := range rows[1:] {
		r := data.Recs[i]
		if row[0] != r.ID || row[1] != strings.Join(r.IDs, " ") || row[6] != r.Text || row[7] != r.URL {
			t.Errorf("csv row %d differs from the JSON: %v", i+1, row[:2])
		}
	}
	if row := rows[1+byID["IV-5"]]; row[8] != "54: Recommendation IV-5." {
		t.Errorf("IV-5 footnotes in csv: %q", row[8])
	}
}

func TestSeedPages(t *testing.T) {
	doc := seedDoc(t)
	files := renderSeed(t, "")
	pages := 0
	for _, r := range doc.Recommendations {
		chapter := string(files["lithuania/chapters/"+r.Chapter.Slug()+".html"])
		for _, id := range r.IDs {
			stem := factsheet.FileStem(id)
			if _, ok := files["lithuania/recommendations/"+stem+".html"]; ok {
				pages++
			}
			if !strings.Contains(chapter, `id="rec-`+stem+`"`) {
				t.Errorf("chapter %s has no anchor rec-%s", r.Chapter.Number, stem)
			}
		}
	}
	if pages != 90 {
		t.Errorf("%d recommendation pages, want 90", pages)
	}
	mustHave(t, files, "lithuania/recommendations/iv-5.html", "<title>Recommendation IV-5 · Require · Lithuania</title>")
	checkUniqueIDs(t, files)
	files["lithuania/search-index.js"] = []byte{} // written by package search
	files["search-index.js"] = []byte{}           // the series index, written by package search
	files["assets/search.js"], files["assets/search.css"] = []byte{}, []byte{}
	files["downloads/lithuania-offline.zip"] = []byte{} // written by package bundle
	for _, p := range linkcheck.Check(files) {
		t.Error(p)
	}
}

// BenchmarkSite renders the seed factsheet: every page, data file and the single-file edition.
func BenchmarkSite(b *testing.B) {
	doc := seedDoc(b)
	opts := Options{Templates: defaults.Templates, Assets: defaults.Assets}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Site([]*factsheet.Document{doc}, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSiteScale renders 1 and 10 copies of the seed under different
// slugs: the time per factsheet should not grow with their number.
func BenchmarkSiteScale(b *testing.B) {
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 10} {
		var docs []*factsheet.Document
		for i := range n {
			doc, _ := factsheet.Parse("content/lithuania.md", src)
			doc.Meta.Slug = fmt.Sprintf("lithuania-%d", i)
			docs = append(docs, doc)
		}
		opts := Options{Templates: defaults.Templates, Assets: defaults.Assets}
		b.Run(fmt.Sprintf("factsheets=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Site(docs, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/factsheet")
		})
	}
}
