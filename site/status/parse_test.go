package status

import (
	"os"
	"strings"
	"testing"
)

var testIDs = []string{"II-1", "II-12", "IV-5", "V-4"}

const testToday = "2025-01-01"

func TestParseFixtureCoversEveryState(t *testing.T) {
	src, err := os.ReadFile("testdata/lithuania.status.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"II-1", "II-2", "II-3", "II-4", "III-3", "IV-5", "V-4"}
	rec, ps := Parse("lithuania.status.yaml", src, ids, testToday)
	if len(ps) > 0 {
		t.Fatalf("problems in the fixture:\n%v", ps)
	}
	seen := map[State]bool{}
	for _, id := range ids {
		for _, e := range rec.History(id) {
			seen[e.State] = true
		}
	}
	for _, s := range States {
		if !seen[s] {
			t.Errorf("the fixture has no entry in state %s", s)
		}
	}
	h := rec.History("II-1")
	if len(h) != 3 || h[0].Date != "2023-09-01" || h[2].State != Implemented {
		t.Fatalf("II-1 history = %+v", h)
	}
	cur, ok := rec.Current("II-1")
	if !ok || cur.Date != "2024-11-15" || cur.Source != "Official Gazette" || cur.Pos.Line != 13 || cur.Pos.Col != 5 {
		t.Errorf("II-1 current = %+v", cur)
	}
	if h[1].Link != "https://example.org/reply-2024.pdf" || h[1].Text == nil || h[1].Text.Plain() != "A draft amendment is before Parliament." {
		t.Errorf("II-1 second entry = %+v", h[1])
	}
	if s := rec.History("II-3")[0].Source; s != "NGO report: shadow report 2024" {
		t.Errorf("quoted source = %q", s)
	}
	if _, ok := rec.Current("II-12"); ok {
		t.Error("II-12 has no entry, yet Current found one")
	}
	all := rec.All(func(a, b string) bool { return a < b })
	if len(all) != 9 || all[0].Date != "2024-11-15" || all[0].ID != "II-1" || all[len(all)-1].Date != "2023-09-01" {
		t.Errorf("All: first %+v, last %+v, %d entries", all[0], all[len(all)-1], len(all))
	}
}

func TestParseEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "---\n"} {
		rec, ps := Parse("x.status.yaml", []byte(src), testIDs, testToday)
		if len(ps) > 0 || len(rec.Entries) != 0 {
			t.Errorf("%q: %v, %v", src, rec.Entries, ps)
		}
	}
}

// TestParseProblems is the table of malformed files and their exact messages.
func TestParseProblems(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"unknown identifier", "IV-55:\n  - {date: 2024-01-01, state: implemented, source: x}\n",
			[]string{"f:1:1: warning: the factsheet has no recommendation IV-55; did you mean IV-5?"}},
		{"identifier in lower case", "ii-12:\n  - {date: 2024-01-01, state: implemented, source: x}\n",
			[]string{"f:1:1: warning: the factsheet has no recommendation ii-12; did you mean II-12?"}},
		{"unknown state", "IV-5:\n  - date: 2024-01-01\n    state: done\n    source: x\n",
			[]string{"f:3:12: warning: unknown state \"done\"; use one of implemented, partially-implemented, in-progress, not-started, no-information, not-applicable"}},
		{"bad date", "IV-5:\n  - date: 2024-02-30\n    state: implemented\n    source: x\n",
			[]string{"f:2:11: warning: date \"2024-02-30\" is not a date; write YYYY-MM-DD, e.g. 2024-03-01"}},
		{"date in another format", "IV-5:\n  - date: 01.03.2024\n    state: implemented\n    source: x\n",
			[]string{"f:2:11: warning: date \"01.03.2024\" is not a date; write YYYY-MM-DD, e.g. 2024-03-01"}},
		{"future date", "IV-5:\n  - date: 2025-01-02\n    state: implemented\n    source: x\n",
			[]string{"f:2:11: warning: date 2025-01-02 is in the future (today is 2025-01-01); record a state once it has been stated"}},
		{"out of order", "IV-5:\n  - {date: 2024-05-01, state: in-progress, source: x}\n  - {date: 2024-01-01, state: implemented, source: x}\n",
			[]string{"f:3:5: warning: entry of IV-5 dated 2024-01-01 comes after one dated 2024-05-01; list the entries of IV-5 oldest first"}},
		{"two on one day", "IV-5:\n  - {date: 2024-05-01, state: in-progress, source: x}\n  - {date: 2024-05-01, state: implemented, source: y}\n",
			[]string{"f:3:5: warning: IV-5 has two entries dated 2024-05-01; merge them into one"}},
		{"missing source", "IV-5:\n  - date: 2024-05-01\n    state: in-progress\n",
			[]string{"f:2:5: warning: entry of IV-5 has no source; add source: who stated it, e.g. the Party's reply or an NGO report"}},
		{"empty source", "IV-5:\n  - date: 2024-05-01\n    state: in-progress\n    source: \"\"\n",
			[]string{"f:4:13: warning: source is empty; say who stated it, e.g. the Party's reply or an NGO report"}},
		{"missing date and state", "IV-5:\n  - source: x\n",
			[]string{"f:2:5: warning: entry of IV-5 has no date; add date: YYYY-MM-DD, the day the state was stated",
				"f:2:5: warning: entry of IV-5 has no state; add state: one of implemented, partially-implemented, in-progress, not-started, no-information, not-applicable"}},
		{"unknown key", "IV-5:\n  - date: 2024-05-01\n    state: in-progress\n    source: x\n    nots: y\n",
			[]string{"f:5:5: warning: unknown key \"nots\"; did you mean note? An entry has date, state, source, note and link"}},
		{"bad link", "IV-5:\n  - {date: 2024-05-01, state: in-progress, source: x, link: reply.pdf}\n",
			[]string{"f:2:61: warning: link \"reply.pdf\" is not an http(s) address; give the full address of the source, e.g. https://example.org/reply.pdf"}},
		{"note with a list", "IV-5:\n  - date: 2024-05-01\n    state: in-progress\n    source: x\n    note: |\n      - one\n      - two\n",
			[]string{"f:5:11: warning: note must be one paragraph of inline Markdown (emphasis, links), without headings, lists or blank lines"}},
		{"identifier twice", "IV-5:\n  - {date: 2024-05-01, state: in-progress, source: x}\nIV-5:\n  - {date: 2024-06-01, state: implemented, source: x}\n",
			[]string{"f:3:1: warning: IV-5 is listed twice (first on line 1); put all its entries in one list"}},
		{"entries not a list", "IV-5:\n  date: 2024-05-01\n",
			[]string{"f:2:3: warning: IV-5 must have a list of entries, each starting with \"- date: YYYY-MM-DD\""}},
		{"not a mapping", "- IV-5\n",
			[]string{"f:1:1: warning: a status file maps identifiers to lists of entries: write \"IV-5:\" and below it \"  - date: YYYY-MM-DD\" with state and source"}},
		{"not YAML", "IV-5:\n  - date: 2024-05-01\n    state: x: y\n",
			[]string{"f:3:1: warning: not valid YAML: mapping values are not allowed in this context; a status file is \"IV-5:\" followed by \"  - date: ...\" entries"}},
		{"all at once, sorted", "V-44:\n  - {date: 2024-05-01, state: begun, source: x}\nIV-5:\n  - {date: 2030-05-01, state: implemented}\n",
			[]string{
				"f:1:1: warning: the factsheet has no recommendation V-44; did you mean V-4?",
				"f:2:31: warning: unknown state \"begun\"; use one of implemented, partially-implemented, in-progress, not-started, no-information, not-applicable",
				"f:4:5: warning: entry of IV-5 has no source; add source: who stated it, e.g. the Party's reply or an NGO report",
				"f:4:12: warning: date 2030-05-01 is in the future (today is 2025-01-01); record a state once it has been stated",
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := Parse("f", []byte(c.src), testIDs, testToday)
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
