package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotesDoNotFail: an abbreviation used but never defined is a note,
// printed by check, which still exits 0; build -strict still builds, and
// keeps the note to itself. An abbreviation the text defines gets none.
func TestNotesDoNotFail(t *testing.T) {
	text := strings.Replace(clean, "- to act.", "- to act with the NCMEC and the information and communication technologies (ICTs), the ICTs.", 1)
	dir := contentDir(t, text)
	code, out := run(t, dir, "check")
	want := "content/testland.md:19:3: note: NCMEC looks like an abbreviation, but the text never defines it"
	if code != 0 || !strings.Contains(out, want) {
		t.Errorf("check with a note only: exit %d, want 0 and %q in:\n%s", code, want, out)
	}
	if strings.Contains(out, "ICTs looks like") {
		t.Errorf("a note for ICTs, which the text defines:\n%s", out)
	}
	code, out = run(t, dir, "build", "-strict", "-out", "site")
	if code != 0 || strings.Contains(out, "note:") {
		t.Errorf("build -strict with a note only: exit %d, want 0 and no note printed\n%s", code, out)
	}
	glossary, err := os.ReadFile(filepath.Join(dir, "site", "testland", "glossary.html"))
	if err != nil || !strings.Contains(string(glossary), `<abbr title="information and communication technologies">ICTs</abbr>`) {
		t.Errorf("the glossary lacks ICTs (%v)", err)
	}
}

// TestSourceMustBeAnAddress: the front matter's source is the original
// document's address; anything else is an error saying so.
func TestSourceMustBeAnAddress(t *testing.T) {
	dir := contentDir(t, strings.Replace(clean, "slug: testland\n", "slug: testland\nsource: the PDF on the website\n", 1))
	code, out := run(t, dir, "check")
	want := `content/testland.md:5: source "the PDF on the website" is not the address of a document`
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("check with a bad source: exit %d, want 1 and %q in:\n%s", code, want, out)
	}
	dir = contentDir(t, strings.Replace(clean, "slug: testland\n", "slug: testland\nsource: https://rm.coe.int/testland/1680\n", 1))
	if code, out := run(t, dir, "check"); code != 0 {
		t.Errorf("check with a good source: exit %d\n%s", code, out)
	}
}
