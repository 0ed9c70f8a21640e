package render

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

// contextCases are recommendations of the seed whose context the golden file
// holds: under a sub-heading (IV-5, IV-1), in a section without
// sub-headings after another recommendation (III-16), after a lead-in that
// is not context (II-1, II-3), generic ones (II-7, III-4) and a long
// observation (XI-1).
var contextCases = []string{"II-1", "II-3", "II-6", "II-7", "III-6", "III-16", "III-4", "IV-1", "IV-5", "IV-9", "XI-1"}

// contextDump writes the context of each case as plain text: headings, the
// observation's blocks.
func contextDump(t *testing.T, doc *factsheet.Document) string {
	byID := map[string]*factsheet.Recommendation{}
	for _, r := range doc.Recommendations {
		for _, id := range r.IDs {
			byID[id] = r
		}
	}
	var b strings.Builder
	for _, id := range contextCases {
		r := byID[id]
		if r == nil {
			t.Fatalf("the seed has no %s", id)
		}
		sec, sub, blocks := observation(r)
		fmt.Fprintf(&b, "== %s\n", id)
		if sec != nil && sec.Heading != nil {
			fmt.Fprintf(&b, "section: %s\n", sec.Heading.Text.Plain())
		}
		if sub != nil {
			fmt.Fprintf(&b, "sub: %s\n", sub.Text.Plain())
		}
		for _, blk := range blocks {
			fmt.Fprintf(&b, "%s: %s\n", blk.Kind, blockPlain(blk))
		}
	}
	return b.String()
}

// TestContextGolden compares the context of a few recommendations of the
// seed with testdata/context.golden.txt (-update rewrites it), and checks by
// hand-read facts what it must hold.
func TestContextGolden(t *testing.T) {
	got := contextDump(t, seedDoc(t))
	const golden = "testdata/context.golden.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the context differs from %s; run go test ./site/render -run TestContextGolden -update and review the diff\n%s", golden, got)
	}
	for _, fact := range []string{
		"== IV-5\nsection: Observations and recommendations of the Committee on jurisdiction rules specific to Lithuania\nsub: Jurisdiction not subordinated to the condition that prosecution can only be initiated following a report from the victim or denunciation from the State where the offence was committed (Article 25(6))\nparagraph: Lithuania did not provide information as to whether it applies this condition for prosecution.\n== IV-9",
		"== II-1\nsection: Observations and recommendations of the Committee on the legal frameworks specific to Lithuania\nsub: General remarks\nparagraph: The Committee observes that Lithuania does not have a legislative definition",
		"== III-16\nsection: Observations and recommendations of the Committee on Investigations and Prosecution specific to Lithuania\nparagraph: Lithuania indicated that training modules",
	} {
		if !strings.Contains(got, fact) {
			t.Errorf("the context lacks:\n%s", fact)
		}
	}
	if strings.Contains(got, "Therefore, the Committee invites Lithuania:") {
		t.Error("a lead-in is shown as context; it belongs to the recommendation")
	}
}

// TestOwnFootnoteLeftOut: on the seed, the page of IV-5 neither references
// nor lists footnote 54 ("Recommendation IV-5."), nor V-7's page the
// footnote naming V-4, V-7, V-12 and V-15; chapter IV keeps footnote 54; and
// the context's footnotes (IV-1's observation cites footnote 52) are listed.
func TestOwnFootnoteLeftOut(t *testing.T) {
	files := renderSeed(t, "")
	iv5 := string(files["lithuania/recommendations/iv-5.html"])
	if strings.Contains(iv5, `id="fn-54"`) || strings.Contains(iv5, `href="#fn-54"`) || strings.Contains(iv5, "Recommendation IV-5.") {
		t.Error("iv-5.html repeats the footnote naming IV-5")
	}
	mustHave(t, files, "lithuania/chapters/iv.html", `<li id="fn-54" value="54">Recommendation IV-5.`)
	mustHave(t, files, "lithuania/recommendations/iv-1.html", `<li id="fn-52" value="52">Para. 214.`, `id="fnref-52"`)
	if v7 := string(files["lithuania/recommendations/v-7.html"]); strings.Contains(v7, "Recommendations V-4, V-7") {
		t.Error("v-7.html repeats the footnote naming V-4, V-7, V-12 and V-15")
	}
}
