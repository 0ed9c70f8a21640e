package factsheet

import (
	"regexp"
	"strconv"
	"strings"
)

// Article is an Article of the Convention that a recommendation's text or
// the headings above it name: "Article 25(6)" is {25, "(6)"}.
type Article struct {
	Number int    `json:"number"`         // 25
	Part   string `json:"part,omitempty"` // the paragraphs as printed, e.g. "(1)(d), (e)"
}

// String is the reference as one would write it: "Article 25(6)".
func (a Article) String() string { return "Article " + strconv.Itoa(a.Number) + a.Part }

// articleRef finds "Article 25(6)", "Art. 25(2)", "Article 25(1)(d), (e)" and
// "Articles 5, 6 and 8": group 1 is the first number with its parts, group 2
// the rest of a list of numbers.
var articleRef = regexp.MustCompile(`\bArt(?:icles?|s?\.)\s*(\d+(?:\([0-9a-z\-–]+\))*(?:,\s*\([0-9a-z\-–]+\))*)((?:\s*(?:,|and|&)\s*\d+(?:\([0-9a-z\-–]+\))*)*)`)

// articleItem is one number of a list, with its parts.
var articleItem = regexp.MustCompile(`(\d+)(.*)`)

// conventionItself matches what follows a reference to the Convention itself.
var conventionItself = regexp.MustCompile(`^\s*of\s+(?:the\s+|this\s+)?(?:Lanzarote\s+)?Convention\b(?:\s+on\s+(?:the\s+)?Protection\s+of\s+Children)?(?:\s+(?:on|for)\b)?`)

// ArticlesIn returns the Articles of the Convention that a text names, in
// the order it names them, each once. References followed by "of" and
// another instrument ("Article 8 of the European Convention on Human
// Rights") are left out.
func ArticlesIn(text string) []Article {
	var out []Article
	for _, m := range articleRef.FindAllStringSubmatchIndex(text, -1) {
		if !aboutConvention(text[m[1]:]) {
			continue
		}
		items := []string{text[m[2]:m[3]]}
		for _, s := range strings.FieldsFunc(text[m[4]:m[5]], func(r rune) bool { return r == ',' || r == '&' || r == ' ' }) {
			if s != "and" {
				items = append(items, s)
			}
		}
		for _, it := range items {
			p := articleItem.FindStringSubmatch(it)
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
func aboutConvention(after string) bool {
	if !strings.HasPrefix(strings.TrimSpace(after), "of ") {
		return true
	}
	m := conventionItself.FindString(after)
	if m == "" {
		return false
	}
	// "of the Convention on the Protection of Children" is the Lanzarote
	// Convention; "of the Convention on Cybercrime" another one
	return strings.Contains(m, "Protection") || !(strings.HasSuffix(m, " on") || strings.HasSuffix(m, " for"))
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
	for _, c := range p.doc.Chapters {
		for _, s := range c.Sections {
			var scope []*Block // the headings in force, by level
			if s.Heading != nil {
				scope = append(scope, s.Heading)
			}
			walkArticles(s.Blocks, &scope)
		}
	}
}

// walkArticles goes through blocks in order, keeping the headings in force in
// scope, and gives each recommendation met the articles of its context.
func walkArticles(blocks []*Block, scope *[]*Block) {
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
				list = appendAll(list, ArticlesIn(h.Text.Plain()))
			}
			list = appendAll(list, ArticlesIn(r.LeadIn.Plain()))
			r.Articles = appendAll(list, ArticlesIn(blockText(b)))
			continue
		}
		walkArticles(b.Children, scope)
	}
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
