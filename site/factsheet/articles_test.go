package factsheet

import (
	"fmt"
	"os"
	"reflect"
	"testing"
)

func TestArticlesIn(t *testing.T) {
	cases := []struct {
		lang string
		text string
		want string
	}{
		{"en", "the passive personality principle (Art. 25(2))", "[Article 25(2)]"},
		{"en", "from the State where the offence was committed (Article 25(6))", "[Article 25(6)]"},
		{"en", "Jurisdiction based on nationality and residency (Article 25(1)(d), (e))", "[Article 25(1)(d), (e)]"},
		{"en", "the territoriality principle (Article 25(1)(a-c))", "[Article 25(1)(a-c)]"},
		{"en", "The Articles 5, 6 and 8 of the Convention establish", "[Article 5 Article 6 Article 8]"},
		{"en", "in accordance with Article 20(2) of the Convention.", "[Article 20(2)]"},
		{"en", "Article 21 of the Lanzarote Convention and Article 21 again", "[Article 21]"},
		{"en", "Article 9 of the Convention on the Protection of Children against Sexual Exploitation", "[Article 9]"},
		{"en", "Article 34 of the UN Convention on the Rights of the Child", "[]"},
		{"en", "Article 9 of the Convention on Cybercrime", "[]"},
		{"en", "Article 8 of the European Convention on Human Rights", "[]"},
		{"en", "no article here, only an artefact 25", "[]"},
		{"en", "Arts. 18 and 19", "[Article 18 Article 19]"},
		{"fr", "Compétence non subordonnée à une plainte de la victime (article 25(6))", "[Article 25(6)]"},
		{"fr", "Article 25(1)(d), (e) : compétence fondée sur la nationalité", "[Article 25(1)(d), (e)]"},
		{"fr", "le principe de la personnalité passive (art. 25(2))", "[Article 25(2)]"},
		{"fr", "Les articles 5, 6 et 8 de la Convention établissent", "[Article 5 Article 6 Article 8]"},
		{"fr", "conformément à l'article 20(2) de la Convention.", "[Article 20(2)]"},
		{"fr", "l’article 25, paragraphe 6, de la Convention", "[Article 25(6)]"},
		{"fr", "l’article 25, paragraphe 1(d), de la Convention européenne des droits de l’homme", "[]"},
		{"fr", "les articles 18, paragraphe 1, et 19", "[Article 18(1) Article 19]"},
		{"fr", "articles 5 et 8, paragraphe 2", "[Article 5 Article 8(2)]"},
		{"en", "Article 25, paragraph 6, of the Convention", "[Article 25(6)]"},
		{"en", "under Article 25, paragraph 1(d)", "[Article 25(1)(d)]"},
		{"en", "Article 8, paragraph 2, of the European Convention on Human Rights", "[]"},
		{"en", "Article 25, para. 6", "[Article 25(6)]"},
		{"en", "Articles 5 and 8, paragraph 2", "[Article 5 Article 8(2)]"},
		{"en", "Articles 5, 6, and 8", "[Article 5 Article 6 Article 8]"},
		{"en", "Article 25, paragraphe 6", "[Article 25]"},
		{"fr", "l'article 21 de la Convention de Lanzarote", "[Article 21]"},
		{"fr", "l'article 9 de la Convention du Conseil de l'Europe sur la protection des enfants contre l'exploitation", "[Article 9]"},
		{"fr", "l'article 34 de la Convention des Nations unies relative aux droits de l'enfant", "[]"},
		{"fr", "l'article 9 de la Convention sur la cybercriminalité", "[]"},
		{"fr", "l'article 9 de la Convention de Budapest", "[]"},
		{"fr", "l'article 8 de la Convention européenne des droits de l'homme", "[]"},
		{"fr", "l'article 8 du Code pénal", "[]"},
		{"fr", "aucun article ici, rien qu'un artefact 25", "[]"},
		{"fr", "Articles 18 and 19", "[Article 18]"},
		{"en", "articles 18 et 19", "[]"},
	}
	for _, c := range cases {
		got := fmt.Sprint(ArticlesIn(c.lang, c.text))
		if got != c.want {
			t.Errorf("ArticlesIn(%q, %q) = %s, want %s", c.lang, c.text, got, c.want)
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
