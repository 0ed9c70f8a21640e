package render

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"factsheet/site/factsheet"
)

// abbrevs marks the abbreviations a factsheet defines: on every page, the
// first use of each in <main> becomes <abbr title="long form">, and the
// blocks that define them carry an anchor the glossary links to.
type abbrevs struct {
	list    []*factsheet.Abbreviation // in document order
	use     *regexp.Regexp            // any of the stems, with an optional plural "s"
	long    map[string]string         // stem → long form
	anchors map[*factsheet.Block][]string
}

// newAbbrevs prepares the marking of doc's abbreviations; nil when it defines none.
func newAbbrevs(doc *factsheet.Document) *abbrevs {
	if len(doc.Abbreviations) == 0 {
		return nil
	}
	a := &abbrevs{list: doc.Abbreviations, long: map[string]string{}, anchors: map[*factsheet.Block][]string{}}
	var stems []string
	for _, d := range doc.Abbreviations {
		stem := d.Stem()
		a.long[stem] = d.Long
		stems = append(stems, regexp.QuoteMeta(stem))
		a.anchors[d.Block] = append(a.anchors[d.Block], abbrAnchor(d, 0))
		for k, o := range d.Others {
			a.anchors[o.Block] = append(a.anchors[o.Block], abbrAnchor(d, k+1))
		}
	}
	sort.Slice(stems, func(i, j int) bool { return len(stems[i]) > len(stems[j]) })
	a.use = regexp.MustCompile(`\b(` + strings.Join(stems, "|") + `)s?\b`)
	return a
}

// abbrAnchor is the id of the k-th definition (from 0) of an abbreviation:
// "abbr-csam", then "abbr-csam-2".
func abbrAnchor(d *factsheet.Abbreviation, k int) string {
	id := "abbr-" + strings.ToLower(d.Stem())
	if k > 0 {
		id += fmt.Sprintf("-%d", k+1)
	}
	return id
}

// unmarked are the elements whose text keeps its abbreviations as written;
// navigation (a table of contents) is not where a reader meets them first.
var unmarked = map[string]bool{"script": true, "style": true, "title": true, "textarea": true, "abbr": true, "code": true, "pre": true, "button": true, "nav": true}

// mark returns the page with the first use of each abbreviation inside
// <main> wrapped in <abbr title>; every other byte is kept as it was.
func (a *abbrevs) mark(page []byte) []byte {
	if a == nil {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + 512)
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	inMain, skip := false, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			start := tt == html.StartTagToken
			switch {
			case string(name) == "main":
				inMain = start
			case unmarked[string(name)] && start:
				skip++
			case unmarked[string(name)]:
				skip = max(0, skip-1)
			}
		case html.TextToken:
			if inMain && skip == 0 && len(seen) < len(a.long) {
				out.Write(a.markText(raw, seen))
				continue
			}
		}
		out.Write(raw)
	}
	return out.Bytes()
}

// markText wraps the first use in text of each abbreviation not yet seen.
func (a *abbrevs) markText(text []byte, seen map[string]bool) []byte {
	var out []byte
	last := 0
	for _, m := range a.use.FindAllSubmatchIndex(text, -1) {
		stem := string(text[m[2]:m[3]])
		if seen[stem] {
			continue
		}
		seen[stem] = true
		out = append(out, text[last:m[0]]...)
		out = fmt.Appendf(out, `<abbr title="%s">%s</abbr>`, template.HTMLEscapeString(a.long[stem]), text[m[0]:m[1]])
		last = m[1]
	}
	if out == nil {
		return text
	}
	return append(out, text[last:]...)
}
