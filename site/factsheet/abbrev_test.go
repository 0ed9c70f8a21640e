package factsheet

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDefinitions: the long form is found by the letters of the short form,
// in either order, and words that only look alike are left alone.
func TestDefinitions(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`facilitated by information and communication technologies (ICTs) is`, "ICTs=information and communication technologies"},
		{`to describe "child sexual abuse material" (CSAM) in its`, "CSAM=child sexual abuse material"},
		{`child self-generated sexual images and/or videos (CSGSIV), the`, "CSGSIV=child self-generated sexual images and/or videos"},
		{`course "Combatting the Sexual Exploitation of Children on the Internet" (COSEC).`, "COSEC=Combatting the Sexual Exploitation of Children on the Internet"},
		{`and EMPACT (European Multidisciplinary Platform Against Criminal Threats) cybercrime`, "EMPACT=European Multidisciplinary Platform Against Criminal Threats"},
		{`the course on victim identification (VID training course).`, ""},
		{`Lithuania (LT) and the rest`, ""},
		{`see the report (CSAM)`, ""},
	} {
		var got []string
		for _, d := range definitions(c.text) {
			got = append(got, d.Short+"="+d.Long)
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("definitions(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSeedAbbreviations: the seed defines CSAM, CSGSIV, ICTs, COSEC and
// EMPACT (counted by hand); the capitals it never defines come back as notes,
// never as warnings, Roman numerals left out.
func TestSeedAbbreviations(t *testing.T) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := Parse("content/lithuania.md", src)
	got := map[string]*Abbreviation{}
	for _, a := range doc.Abbreviations {
		got[a.Short] = a
	}
	for short, chapter := range map[string]string{"ICTs": "I", "CSGSIV": "I", "CSAM": "II", "COSEC": "V", "EMPACT": "V"} {
		a := got[short]
		if a == nil {
			t.Errorf("%s not found among %d abbreviations", short, len(doc.Abbreviations))
			continue
		}
		if a.Chapter.Number != chapter {
			t.Errorf("%s first defined in chapter %s, want %s", short, a.Chapter.Number, chapter)
		}
	}
	if len(doc.Abbreviations) != 5 {
		t.Errorf("%d abbreviations, want 5", len(doc.Abbreviations))
	}
	if a := got["CSGSIV"]; a != nil && len(a.Others) != 1 {
		t.Errorf("CSGSIV defined again %d times, want once (chapter II)", len(a.Others))
	}
	notes := map[string]bool{}
	for _, p := range problems {
		if p.Severity != Note {
			continue
		}
		word, _, _ := strings.Cut(p.Message, " ")
		notes[word] = true
		if !strings.HasPrefix(p.String(), p.Pos.String()+": note: ") {
			t.Errorf("a note prints as %q", p.String())
		}
	}
	for _, w := range []string{"NCMEC", "NGOs", "EU", "INHOPE", "VID"} {
		if !notes[w] {
			t.Errorf("no note for %s, used but never defined", w)
		}
	}
	for _, w := range []string{"ICT", "CSAM", "IV", "XI"} {
		if notes[w] {
			t.Errorf("a note for %s, which is defined or a numeral", w)
		}
	}
	if problems.Serious() != len(problems)-len(notes) {
		t.Errorf("Serious() = %d, want every problem but the %d notes", problems.Serious(), len(notes))
	}
}

// FuzzDefinitions: finding definitions in any text never panics, and every
// long form found starts with the short form's first letter, holds at least
// two words, no more than the limit, and not the short form itself.
func FuzzDefinitions(f *testing.F) {
	for _, s := range []string{
		`information and communication technologies (ICTs) and EMPACT (European Multidisciplinary Platform Against Criminal Threats)`,
		`"child sexual abuse material" (CSAM)`, `(AB)`, `a (B) (CD) ((EF))`, "é (ÉT) \xff (XY)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range definitions(text) {
			words := strings.Fields(d.Long)
			first := []rune(d.Long)[0]
			if len(words) < 2 || len(words) > maxWords(d.Short) || strings.Contains(d.Long, d.Short) ||
				!strings.EqualFold(string(first), d.Short[:1]) {
				t.Fatalf("definitions(%q): %q = %q", text, d.Short, d.Long)
			}
		}
	})
}

// TestCapitalWords checks the scan against the regular expression it
// replaces, on edge cases and on every text of the seed.
func TestCapitalWords(t *testing.T) {
	re := regexp.MustCompile(`\b[A-Z]{2,}s?\b`)
	texts := []string{"", "A", "AB", "ABs", "ABss", "ABs1", "ABC_", "xAB", "AB-CD", "ÉCSAM", "CSAMé", "(CSAM)", "ICTs, NGOs.", "IV-5 II", "aAB AB", "A B", "ABCs\u00a0x"}
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, strings.Split(string(src), "\n")...)
	for _, text := range texts {
		if got, want := capitalWords(text), re.FindAllString(text, -1); !slices.Equal(got, want) {
			t.Errorf("capitalWords(%q) = %q, want %q", text, got, want)
		}
	}
}
