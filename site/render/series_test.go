package render

import (
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/linkcheck"
	"factsheet/site/output"
)

// seriesFiles renders the three fictional Parties of ../testdata/series
// (see its README.txt: what differs between them).
func seriesFiles(t *testing.T) output.Files {
	t.Helper()
	names, err := filepath.Glob("../testdata/series/*.md")
	if err != nil || len(names) != 3 {
		t.Fatalf("fixture files %v: %v", names, err)
	}
	var docs []*factsheet.Document
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		doc, ps := factsheet.Parse(n, src)
		if doc == nil || len(ps) > 0 {
			t.Fatalf("%s: %v", n, ps)
		}
		docs = append(docs, doc)
	}
	files, err := Site(docs, Options{Templates: defaults.Templates, Assets: defaults.Assets})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// cellPattern finds a matrix count: the filtered list it opens and its number.
var cellPattern = regexp.MustCompile(`href="\.\./\.\./([a-z]+)/recommendations/index\.html\?urgency=([a-z]+)(?:&amp;chapter=([a-z]+))?"><span class="n">(\d+)</span>`)

// TestReportMatrix: the report page counts, per Party and chapter, the
// recommendations of each urgency as the fixtures state them, each count
// linking to the Party's list filtered by urgency and chapter.
func TestReportMatrix(t *testing.T) {
	files := seriesFiles(t)
	page := mustHave(t, files, "reports/csgsiv/index.html", "<h1>The protection of children", "3 Parties",
		`<time datetime="2023-06-30">30 June 2023</time>`, `href="ii-5.html">II-5</a>`, `href="iii-3.html">III-3</a>`)
	got := map[string]string{}
	for _, m := range cellPattern.FindAllStringSubmatch(page, -1) {
		chapter := m[3]
		if chapter == "" {
			chapter = "all"
		}
		got[m[1]+" "+chapter+" "+m[2]] = m[4]
	}
	// counted by hand from the fixtures: Utopia requests II-5, Freedonia has no chapter III
	want := map[string]string{
		"freedonia ii require": "1", "freedonia ii request": "2", "freedonia ii invite": "2",
		"freedonia all require": "1", "freedonia all request": "2", "freedonia all invite": "2",
		"ruritania ii require": "1", "ruritania ii request": "2", "ruritania ii invite": "2",
		"ruritania iii require": "2", "ruritania iii invite": "1",
		"ruritania all require": "3", "ruritania all request": "2", "ruritania all invite": "3",
		"utopia ii request": "3", "utopia ii invite": "2", "utopia iii require": "2", "utopia iii invite": "1",
		"utopia all require": "2", "utopia all request": "3", "utopia all invite": "3",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("matrix %s: %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("matrix has %d counts, want %d: %v", len(got), len(want), got)
	}
	mustHave(t, files, "index.html", `href="reports/csgsiv/index.html"`, "3 Parties", `<time datetime="2023-06-30">`,
		`href="utopia/index.html"`, `href="freedonia/index.html"`, `href="ruritania/index.html"`)
}

// TestReportIdentifierPages: each identifier's page lists the Parties that
// received it with their urgency, and shows the texts once when they differ
// by the Party's name only, each with the differences marked otherwise.
func TestReportIdentifierPages(t *testing.T) {
	files := seriesFiles(t)
	p := mustHave(t, files, "reports/csgsiv/ii-7.html", "3 Parties received it", "The same text for every Party but its name",
		`The Committee invites <mark class="party-name">[Party]</mark> to remove`)
	if strings.Count(p, `class="rec-text"`) != 1 || strings.Contains(p, "<ins>") {
		t.Errorf("II-7 differs only by the Party's name: one text, nothing marked as added")
	}
	p = mustHave(t, files, "reports/csgsiv/ii-5.html", "The texts differ", "Text received by Freedonia, Ruritania",
		"text received by Utopia", `<ins><span class="vh">[added: </span>requests`,
		`<del><span class="vh">[removed: </span>requires`, `<mark class="party-name">Utopia</mark>`)
	for _, party := range []string{"freedonia", "ruritania", "utopia"} {
		if !strings.Contains(p, `href="../../`+party+`/recommendations/ii-5.html"`) {
			t.Errorf("II-5's report page does not link to %s's II-5", party)
		}
	}
	if strings.Count(p, `class="badge u-require"`) < 2 || !strings.Contains(p, `class="badge u-request"`) {
		t.Errorf("II-5: Freedonia and Ruritania require it, Utopia requests it")
	}
	p = mustHave(t, files, "reports/csgsiv/iii-1.html", "2 Parties received it")
	if strings.Contains(p, "freedonia/") {
		t.Errorf("III-1 was not addressed to Freedonia, which has no chapter III")
	}
	mustHave(t, files, "reports/csgsiv/ii-1.html", "text received by Freedonia", `<del><span class="vh">[removed: </span>or other`)
}

// TestReportCrossLinks: each recommendation page links to its identifier's
// page in the report, naming the other Parties that received it.
func TestReportCrossLinks(t *testing.T) {
	files := seriesFiles(t)
	mustHave(t, files, "ruritania/recommendations/ii-5.html",
		`<a href="../../reports/csgsiv/ii-5.html">Also addressed to Freedonia, Utopia (2 more Parties)</a>`)
	mustHave(t, files, "utopia/recommendations/iii-1.html",
		`<a href="../../reports/csgsiv/iii-1.html">Also addressed to Ruritania (1 more Party)</a>`)
	mustHave(t, files, "freedonia/recommendations/ii-1.html", "Also addressed to Ruritania, Utopia (2 more Parties)")
	mustHave(t, files, "utopia/search.html", `id="search-all" href="../search.html"`)
	mustHave(t, files, "search.html", "Searching every factsheet of the site")
	files["search-index.js"] = []byte{} // written by package search
	for _, p := range []string{"freedonia", "ruritania", "utopia"} {
		files[p+"/search-index.js"], files["downloads/"+p+"-offline.zip"] = []byte{}, []byte{}
	}
	files["assets/search.js"], files["assets/search.css"] = []byte{}, []byte{}
	for _, p := range linkcheck.Check(files) {
		t.Error(p)
	}
}

// TestReportData: the report's recommendations.json and .csv have one row
// per Party and identifier.
func TestReportData(t *testing.T) {
	files := seriesFiles(t)
	var d reportData
	if err := json.Unmarshal(files["reports/csgsiv/recommendations.json"], &d); err != nil {
		t.Fatal(err)
	}
	if d.Report.Round != "csgsiv" || len(d.Recommendations) != 5+8+8 {
		t.Fatalf("report %+v, %d rows, want 21 (Freedonia 5, Ruritania 8, Utopia 8)", d.Report, len(d.Recommendations))
	}
	seen := map[string]bool{}
	for _, r := range d.Recommendations {
		k := r.Party + " " + r.ID
		if seen[k] {
			t.Errorf("%s twice", k)
		}
		seen[k] = true
		if r.ID == "II-5" && r.Party == "Utopia" && (r.Urgency != "request" || !strings.Contains(r.Text, "as soon as possible")) {
			t.Errorf("Utopia's II-5: %+v", r)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(string(files["reports/csgsiv/recommendations.csv"]))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 22 || strings.Join(rows[0], ",") != strings.Join(reportCSVHeader, ",") {
		t.Errorf("csv: %d rows, header %v", len(rows), rows[0])
	}
}

// TestReportJSONAsMarshalIndent: a report's recommendations.json, written
// record by record, is byte for byte what json.MarshalIndent writes, with
// no record, with the fixtures' records and with hostile strings (HTML
// characters, control characters, U+2028, bytes that are not UTF-8).
func TestReportJSONAsMarshalIndent(t *testing.T) {
	var fixtures reportData
	if err := json.Unmarshal(seriesFiles(t)["reports/csgsiv/recommendations.json"], &fixtures); err != nil {
		t.Fatal(err)
	}
	hostile := fixtures
	hostile.Levels = nil
	hostile.Recommendations = []receiptRecord{{ID: "<b>&\"'\\", Party: "\x00\x01\b\f\n\r\t\x1f\x7f", Slug: "a\u2028b\u2029c",
		Chapter: "\xff\xc3(", ChapterTitle: "é ✓ 𝄞", Text: string([]byte{0xed, 0xa0, 0x80, 'x', 0xe2, 0x80})}}
	empty := fixtures
	empty.Recommendations = []receiptRecord{}
	for name, d := range map[string]reportData{"fixtures": fixtures, "hostile": hostile, "empty": empty} {
		want, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := reportJSON(&d, 0)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want)+"\n" {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
		}
	}
}

// TestJSONStringAsMarshal: appendJSONString writes every byte below 0x80,
// and random bytes, as json.Marshal writes them.
func TestJSONStringAsMarshal(t *testing.T) {
	texts := []string{"", "\u2028\u2029", "\xff", "a\xc3", "\xe2\x80\xa8", "plain text"}
	for c := range 0x80 {
		texts = append(texts, "a"+string(rune(c))+"b")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}
