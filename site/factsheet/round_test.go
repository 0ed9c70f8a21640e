package factsheet

import (
	"strings"
	"testing"
)

// TestRound: front matter "round" names the factsheet's report by a slug;
// anything else is an error saying what to write.
func TestRound(t *testing.T) {
	src := strings.Replace(testFrontMatter+testIntro+chapterII, "slug: testland\n", "slug: testland\nround: 2nd-round\n", 1)
	doc, ps := Parse("test.md", []byte(src))
	if doc == nil || ps.HasErrors() || doc.Meta.Round != "2nd-round" {
		t.Fatalf("round: 2nd-round read as %+v, problems %v", doc, ps)
	}
	bad := strings.Replace(src, "round: 2nd-round", "round: Second Round", 1)
	_, ps = Parse("test.md", []byte(bad))
	want := `test.md:5: round "Second Round" is not a folder name: use lower-case letters, digits and single hyphens, e.g. "2nd-round"`
	if len(ps) == 0 || ps[0].String() != want {
		t.Errorf("bad round: problems %v, want %s", ps, want)
	}
}
