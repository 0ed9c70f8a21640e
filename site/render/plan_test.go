package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"factsheet/site/xlsx"
)

// TestActionPlanSeed checks the action plan's data against recommendations.json:
// one row per stated text with every identifier it carries, require and
// request only, the invite ones added in the -all files; the workbook carries
// the CSV's rows; both are the same bytes from build to build; the workbook's
// cells match testdata/action-plan.golden.tsv.
func TestActionPlanSeed(t *testing.T) {
	files := renderSeed(t, "")
	var data struct {
		Recs []record `json:"recommendations"`
	}
	if err := json.Unmarshal(files["lithuania/recommendations.json"], &data); err != nil {
		t.Fatal(err)
	}
	for _, all := range []bool{false, true} {
		name := "lithuania/" + planFile(all)
		want := map[string]string{} // ids joined → urgency, one per text
		for _, r := range data.Recs {
			if all || r.Urgency != "invite" {
				want[strings.Join(sortedIDs(r.IDs), ", ")] = r.Urgency
			}
		}
		rows, err := csv.NewReader(bytes.NewReader(files[name+".csv"])).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", name, err)
		}
		if strings.Join(rows[0], ",") != "Chapter,Recommendation,Urgency,Text,Responsible body,Measures planned,Deadline,Status" {
			t.Errorf("%s.csv header %q", name, rows[0])
		}
		if len(rows)-1 != len(want) {
			t.Errorf("%s.csv: %d rows, want one per stated text: %d", name, len(rows)-1, len(want))
		}
		for _, row := range rows[1:] {
			if _, ok := want[row[1]]; !ok {
				t.Errorf("%s.csv: row %q is not a text of recommendations.json at this level", name, row[1])
			}
			if strings.HasSuffix(row[3], "…") || row[4]+row[5]+row[6]+row[7] != "" {
				t.Errorf("%s.csv: row %s: cut text or filled column: %q", name, row[1], row)
			}
		}
		sheet, xrows, err := xlsx.Read(files[name+".xlsx"])
		if err != nil {
			t.Fatalf("%s.xlsx: %v", name, err)
		}
		if sheet != "Action plan" || len(xrows) != len(rows) {
			t.Fatalf("%s.xlsx: sheet %q, %d rows; the CSV has %d", name, sheet, len(xrows), len(rows))
		}
		for i := range rows {
			if strings.Join(xrows[i], "\t") != strings.TrimRight(strings.Join(rows[i], "\t"), "\t") {
				t.Errorf("%s: row %d differs between the workbook and the CSV:\n  %q\n  %q", name, i, xrows[i], rows[i])
			}
		}
		if all {
			continue
		}
		var tsv strings.Builder
		for _, r := range xrows {
			tsv.WriteString(strings.Join(r, "\t") + "\n")
		}
		checkGoldenText(t, "testdata/action-plan.golden.tsv", tsv.String())
	}
	again := renderSeed(t, "")
	for _, f := range []string{"action-plan.xlsx", "action-plan-all.xlsx", "action-plan.csv", "action-plan.html"} {
		if !bytes.Equal(files["lithuania/"+f], again["lithuania/"+f]) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// checkGoldenText compares got with a golden file, rewritten with -update.
func checkGoldenText(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./site/render -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs; if the change is intended, run go test ./site/render -update and review the diff\n%s", golden, firstDiff(string(want), got))
	}
}

// TestActionPlanPage: the page groups rows by chapter, shows the invite rows
// only with the switch (a stylesheet rule, so without script too), and links
// every file it offers.
func TestActionPlanPage(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	page := mustHave(t, files, "lithuania/action-plan.html",
		`<input type="checkbox" id="plan-invite" name="include" value="invite">`,
		`<a href="action-plan.xlsx" download>Excel workbook</a>`, `<a href="action-plan-all.csv" download>CSV</a>`,
		`<th scope="colgroup" colspan="7"><a href="chapters/ii.html">II. Legal frameworks</a></th>`,
		`<a class="rec-id" href="recommendations/ii-2.html">II-2</a>, <a class="rec-id" href="recommendations/ii-3.html">II-3</a>`,
		`<tr class="u-invite">`, `<td class="fill" data-label="Deadline"></td>`)
	if strings.Count(page, `<tr class="u-`) != 3 {
		t.Errorf("action-plan.html: %d rows, want 3 (II-2 and II-3 share one)", strings.Count(page, `<tr class="u-`))
	}
	mustHave(t, files, "lithuania/index.html", `<a class="button" href="action-plan.html">Action plan</a>`)
}
