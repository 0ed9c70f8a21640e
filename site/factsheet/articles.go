package factsheet

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"factsheet/site/internal/lazy"
)

// Article is an Article of the Convention that a recommendation's text or
// the headings above it name: "Article 25(6)" is {25, "(6)"}.
type Article struct {
	Number int    `json:"number"`         // 25
	Part   string `json:"part,omitempty"` // the paragraphs as printed, e.g. "(1)(d), (e)"
}

// String is the reference as one would write it: "Article 25(6)".
func (a Article) String() string { return "Article " + strconv.Itoa(a.Number) + a.Part }

// articleWords are the words by which a language names Articles of the
// Convention, from the grammar file's "articles" (see Vocabulary).
type articleWords struct {
	ref    *regexp.Regexp // a reference: group 1 the first number with its parts, group 2 the rest of a list
	and    []string       // the words joining the last numbers of a list
	para   *regexp.Regexp // a paragraph named in words, group 1 its number: ", paragraph 6"
	of     *regexp.Regexp // a reference followed by an instrument: "of", "de"
	itself *regexp.Regexp // an instrument that is the Convention itself: "of the Convention"
	other  *regexp.Regexp // what, after "of the Convention", makes it another one: "on Cybercrime"
}

// articleGrammar is the JSON form of articleWords, regular expressions:
//
//	word       the word before the numbers: "Art(?:icles?|s?\\.)"
//	paragraph  the word naming a paragraph after the number: "paragraph\\b",
//	           so that "Article 25, paragraph 6" is Article 25(6)
//	of         the word introducing the instrument after a reference: "of\\b"
//	itself     the words naming the Convention itself: "of the Convention"
//	other      what following those words names another convention: "on|for"
type articleGrammar struct {
	Word      string `json:"word"`
	Paragraph string `json:"paragraph"`
	Of        string `json:"of"`
	Itself    string `json:"itself"`
	Other     string `json:"other"`
}

// compile builds the words of a language; and are the grammar's "and" words.
func (g articleGrammar) compile(and []string) (articleWords, error) {
	if g.Word == "" || g.Paragraph == "" || g.Of == "" || g.Itself == "" || g.Other == "" {
		return articleWords{}, fmt.Errorf(`"articles" needs "word", "paragraph", "of", "itself" and "other"`)
	}
	para := `,?\s*(?:` + g.Paragraph + `)\s*(\d+)`
	part := `(?:\([0-9a-z\-–]+\)|` + strings.Replace(para, `(\d+)`, `\d+`, 1) + `)`
	var ands []string
	for _, w := range and {
		ands = append(ands, regexp.QuoteMeta(w))
	}
	// a comma, an "and" word, or both: "Articles 5, 6, and 8", "18, paragraphe 1, et 19"
	join := `,(?:\s*(?:` + strings.Join(ands, "|") + `)\b)?|` + strings.Join(ands, "|")
	w := articleWords{and: and}
	var err error
	if w.para, err = regexp.Compile(para); err != nil {
		return w, fmt.Errorf("articles.paragraph: %v", err)
	}
	if w.ref, err = regexp.Compile(`\b(?:` + g.Word + `)\s*(\d+` + part + `*(?:,\s*` + part + `)*)((?:\s*(?:` + join + `)\s*\d+` + part + `*)*)`); err != nil {
		return w, fmt.Errorf("articles.word: %v", err)
	}
	for _, r := range []struct {
		re   **regexp.Regexp
		src  string
		name string
	}{{&w.of, g.Of, "of"}, {&w.itself, g.Itself, "itself"}, {&w.other, g.Other, "other"}} {
		// a comma may close the reference: "l'article 25, paragraphe 6, de la Convention"
		if *r.re, err = regexp.Compile(`^,?\s*(?:` + r.src + `)`); err != nil {
			return w, fmt.Errorf("articles.%s: %v", r.name, err)
		}
	}
	return w, nil
}

// articleItem is one number of a list, with its parts.
var articleItem = lazy.Regexp(`(\d+)(.*)`)

// ArticlesIn returns the Articles of the Convention that a text in a
// language ("en", "fr") names, in the order it names them, each once.
// References followed by "of" and another instrument ("Article 8 of the
// European Convention on Human Rights", "l'article 8 de la Convention
// européenne des droits de l'homme") are left out.
func ArticlesIn(lang, text string) []Article {
	v, _ := vocabularyOf(lang)
	return v.articlesIn(text)
}

// articlesIn is ArticlesIn in the vocabulary's language.
func (v *Vocabulary) articlesIn(text string) []Article {
	if !strings.ContainsAny(text, "0123456789") {
		return nil // every reference has a number (w.ref needs \d, ASCII digits only)
	}
	w := v.articles
	var out []Article
	for _, m := range w.ref.FindAllStringSubmatchIndex(text, -1) {
		if !w.aboutConvention(text[m[1]:]) {
			continue
		}
		// ", paragraph 6" → "(6)"
		items := []string{w.para.ReplaceAllString(text[m[2]:m[3]], "($1)")}
		rest := w.para.ReplaceAllString(text[m[4]:m[5]], "($1)")
		for _, s := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == '&' || r == ' ' }) {
			if !slices.Contains(w.and, s) {
				items = append(items, s)
			}
		}
		for _, it := range items {
			p := articleItem().FindStringSubmatch(it)
			if p == nil {
				continue
			}
			n, err := strconv.Atoi(p[1])
			if err != nil {
				continue
			}
			out = appendArticle(out, Article{Number: n, Part: strings.Join(strings.Fields(p[2]), " ")})
		}
	}
	return out
}

// aboutConvention tells whether the text after a reference leaves it to the
// Convention: nothing names another instrument.
func (w articleWords) aboutConvention(after string) bool {
	if !w.of.MatchString(after) {
		return true
	}
	m := w.itself.FindString(after)
	// "of the Convention on the Protection of Children" is the Lanzarote
	// Convention; "of the Convention on Cybercrime" another one
	return m != "" && !w.other.MatchString(after[len(m):])
}

// appendArticle adds a to list unless it is there already.
func appendArticle(list []Article, a Article) []Article {
	for _, b := range list {
		if b == a {
			return list
		}
	}
	return append(list, a)
}

// findArticles sets the Articles of every recommendation: those named in the
// headings above it in its section (the section heading included), in its
// lead-in and in its text.
func (p *fileParser) findArticles() {
	known := map[*Inline][]Article{} // a heading or lead-in is above many recommendations
	for _, c := range p.doc.Chapters {
		for _, s := range c.Sections {
			var scope []*Block // the headings in force, by level
			if s.Heading != nil {
				scope = append(scope, s.Heading)
			}
			p.vocab.walkArticles(s.Blocks, &scope, known)
		}
	}
}

// walkArticles goes through blocks in order, keeping the headings in force in
// scope, and gives each recommendation met the articles of its context;
// known holds the articles of the headings and lead-ins already read.
func (v *Vocabulary) walkArticles(blocks []*Block, scope *[]*Block, known map[*Inline][]Article) {
	for _, b := range blocks {
		if b.Kind == BlockHeading {
			for len(*scope) > 0 && (*scope)[len(*scope)-1].Level >= b.Level {
				*scope = (*scope)[:len(*scope)-1]
			}
			*scope = append(*scope, b)
			continue
		}
		if r := b.Rec; r != nil && r.Block == b {
			var list []Article
			for _, h := range *scope {
				list = appendAll(list, v.inlineArticles(h.Text, known))
			}
			list = appendAll(list, v.inlineArticles(r.LeadIn, known))
			r.Articles = appendAll(list, v.articlesIn(blockText(b)))
			continue
		}
		v.walkArticles(b.Children, scope, known)
	}
}

// inlineArticles is articlesIn of an inline's plain text, read once: known
// keeps what each inline names.
func (v *Vocabulary) inlineArticles(in *Inline, known map[*Inline][]Article) []Article {
	list, ok := known[in]
	if !ok {
		list = v.articlesIn(in.Plain())
		known[in] = list
	}
	return list
}

// appendAll adds each of more to list unless it is there already.
func appendAll(list, more []Article) []Article {
	for _, a := range more {
		list = appendArticle(list, a)
	}
	return list
}

// blockText is the plain text of a block and of every block inside it.
func blockText(b *Block) string {
	var parts []string
	if b.Text != nil {
		parts = append(parts, b.Text.Plain())
	}
	for _, c := range b.Children {
		parts = append(parts, blockText(c))
	}
	return strings.Join(parts, " ")
}
