package factsheet

import (
	"fmt"
	"os"
	"reflect"
	"testing"
)

func TestArticlesIn(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"the passive personality principle (Art. 25(2))", "[Article 25(2)]"},
		{"from the State where the offence was committed (Article 25(6))", "[Article 25(6)]"},
		{"Jurisdiction based on nationality and residency (Article 25(1)(d), (e))", "[Article 25(1)(d), (e)]"},
		{"the territoriality principle (Article 25(1)(a-c))", "[Article 25(1)(a-c)]"},
		{"The Articles 5, 6 and 8 of the Convention establish", "[Article 5 Article 6 Article 8]"},
		{"in accordance with Article 20(2) of the Convention.", "[Article 20(2)]"},
		{"Article 21 of the Lanzarote Convention and Article 21 again", "[Article 21]"},
		{"Article 9 of the Convention on the Protection of Children against Sexual Exploitation", "[Article 9]"},
		{"Article 34 of the UN Convention on the Rights of the Child", "[]"},
		{"Article 9 of the Convention on Cybercrime", "[]"},
		{"Article 8 of the European Convention on Human Rights", "[]"},
		{"no article here, only an artefact 25", "[]"},
		{"Arts. 18 and 19", "[Article 18 Article 19]"},
	}
	for _, c := range cases {
		got := fmt.Sprint(ArticlesIn(c.text))
		if got != c.want {
			t.Errorf("ArticlesIn(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// TestArticlesOfHeadings checks that a recommendation gets the articles of the
// headings in force above it, and not those of a sibling heading's section.
func TestArticlesOfHeadings(t *testing.T) {
	src := "---\ntitle: T\nparty: P\nslug: p\n---\n\n## I. One\n\n" +
		"### Observations specific to P\n\n#### Jurisdiction (Article 25(6))\n\n" +
		"- The Committee **requires** P to act.<sup>1</sup>\n\n" +
		"#### Other matters\n\n- The Committee **invites** P to act under Art. 12.<sup>2</sup>\n\n" +
		"<sup>1</sup> Recommendation I-1.\n\n<sup>2</sup> Recommendation I-2.\n"
	doc, probs := Parse("t.md", []byte(src))
	if doc == nil {
		t.Fatalf("parse failed: %v", probs)
	}
	got := map[string][]Article{}
	for _, r := range doc.Recommendations {
		got[r.ID()] = r.Articles
	}
	want := map[string][]Article{"I-1": {{25, "(6)"}}, "I-2": {{12, ""}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles = %v, want %v", got, want)
	}
}

// TestArticlesOfSeed checks the seed's articles against the headings that
// name them: every recommendation under "(Article 25(6))" carries 25(6).
func TestArticlesOfSeed(t *testing.T) {
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Parse("lithuania.md", src)
	if doc == nil {
		t.Fatal("the seed does not parse")
	}
	n := 0
	for _, r := range doc.Recommendations {
		n += len(r.Articles)
		for _, a := range r.Articles {
			if a.Number <= 0 {
				t.Errorf("%s: article %v", r.ID(), a)
			}
		}
	}
	if n == 0 {
		t.Error("no recommendation of the seed names an article; its chapter on jurisdiction names Article 25 in its headings")
	}
}
