package status

import (
	"os"
	"strings"
	"testing"
)

func TestAppendKeepsCommentsAndOrder(t *testing.T) {
	src, err := os.ReadFile("testdata/lithuania.status.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"II-1", "II-2", "II-3", "II-4", "III-3", "IV-5", "V-4", "V-7"}
	e := Entry{ID: "IV-5", Date: "2024-12-01", State: Implemented, Source: "Law No. 7: adopted", Note: "In force from *2025*.", Link: "https://example.org/law-7"}
	out, err := Append(src, e)
	if err != nil {
		t.Fatal(err)
	}
	rec, ps := Parse("f", out, ids, testToday)
	if len(ps) > 0 {
		t.Fatalf("the appended file has problems:\n%v\n%s", ps, out)
	}
	for _, line := range []string{
		"# Implementation status of the recommendations to Lithuania.",
		"# A fixture for the tests: the entries are invented, not the Party's.",
		"state: in-progress # the draft law",
		`source: "NGO report: shadow report 2024"`,       // quoting kept
		"  - date: 2023-09-01\n    state: not-started\n", // indentation kept
	} {
		if !strings.Contains(string(out), line) {
			t.Errorf("lost %q:\n%s", line, out)
		}
	}
	want := "IV-5:\n  - date: 2024-03-01\n    state: in-progress\n    source: Reply of the Party to the compliance procedure\n" +
		"  - date: 2024-12-01\n    state: implemented\n    source: 'Law No. 7: adopted'\n    note: In force from *2025*.\n    link: https://example.org/law-7\nV-4:"
	if !strings.Contains(string(out), want) {
		t.Errorf("IV-5 not appended in place:\n%s", out)
	}
	cur, _ := rec.Current("IV-5")
	if cur.State != Implemented || cur.Source != e.Source || cur.Note != e.Note || cur.Link != e.Link || cur.Date != e.Date {
		t.Errorf("read back %+v", cur)
	}
	// identifiers keep their order; a new one goes last
	out, err = Append(out, Entry{ID: "V-7", Date: "2024-12-01", State: NotStarted, Source: "x"})
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"\nII-1:", "\nII-2:", "\nII-3:", "\nII-4:", "\nIII-3:", "\nIV-5:", "\nV-4:", "\nV-7:"}
	last := -1
	for _, k := range order {
		i := strings.Index(string(out), k)
		if i <= last {
			t.Fatalf("%s out of order:\n%s", k, out)
		}
		last = i
	}
	// appending again changes nothing else: the file is stable through the round trip
	again, err := Append(out, Entry{ID: "V-7", Date: "2024-12-02", State: InProgress, Source: "y"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(again), string(out)) {
		t.Errorf("a second append rewrote what was there:\n%s\nthen:\n%s", out, again)
	}
}

func TestAppendToEmptyOrNewFile(t *testing.T) {
	e := Entry{ID: "II-12", Date: "2024-01-05", State: NoInformation, Source: "Reply of the Party"}
	for _, src := range []string{"", "# status of the factsheet\n"} {
		out, err := Append([]byte(src), e)
		if err != nil {
			t.Fatal(err)
		}
		want := "II-12:\n  - date: 2024-01-05\n    state: no-information\n    source: Reply of the Party\n"
		if !strings.HasSuffix(string(out), want) || !strings.HasPrefix(string(out), src) {
			t.Errorf("%q: got\n%s", src, out)
		}
		if _, ps := Parse("f", out, testIDs, testToday); len(ps) > 0 {
			t.Errorf("%v", ps)
		}
	}
}

func TestAppendKeepsFourSpaceIndent(t *testing.T) {
	src := "IV-5:\n    -   date: 2024-01-01\n        state: in-progress\n        source: x\n"
	out, err := Append([]byte(src), Entry{ID: "IV-5", Date: "2024-02-01", State: Implemented, Source: "y"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "\n      - date: 2024-02-01\n        state: implemented\n") {
		t.Errorf("indentation not kept:\n%s", out)
	}
}

func TestAppendRefusesABrokenFile(t *testing.T) {
	for _, src := range []string{"IV-5: [\n", "- a\n", "IV-5: text\n"} {
		if _, err := Append([]byte(src), Entry{ID: "IV-5", Date: "2024-02-01", State: Implemented, Source: "y"}); err == nil {
			t.Errorf("%q: appended to a broken file", src)
		}
	}
}
