package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"golang.org/x/net/html"

	"factsheet/site/factsheet"
)

// abbrevs marks the abbreviations a factsheet defines: on every page, the
// first use of each in <main> becomes <abbr title="long form">, and the
// blocks that define them carry an anchor the glossary links to.
type abbrevs struct {
	list    []*factsheet.Abbreviation // in document order
	long    map[string]string         // stem → long form
	anchors map[*factsheet.Block][]string
}

// newAbbrevs prepares the marking of doc's abbreviations; nil when it defines none.
func newAbbrevs(doc *factsheet.Document) *abbrevs {
	if len(doc.Abbreviations) == 0 {
		return nil
	}
	a := &abbrevs{list: doc.Abbreviations, long: map[string]string{}, anchors: map[*factsheet.Block][]string{}}
	for _, d := range doc.Abbreviations {
		a.long[d.Stem()] = d.Long
		a.anchors[d.Block] = append(a.anchors[d.Block], abbrAnchor(d, 0))
		for k, o := range d.Others {
			a.anchors[o.Block] = append(a.anchors[o.Block], abbrAnchor(d, k+1))
		}
	}
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
// <main> wrapped in <abbr title>; every other byte is kept as it was. Only
// the part of <main> up to the last first use is tokenized.
func (a *abbrevs) mark(page []byte) []byte {
	if a == nil {
		return page
	}
	start, end := bytes.Index(page, []byte("<main")), bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < start {
		return page
	}
	region := page[start:end]
	want := 0 // the abbreviations written somewhere in <main>, in text or not
	for stem := range a.long {
		if bytes.Contains(region, []byte(stem)) {
			want++
		}
	}
	if want == 0 {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + 512)
	out.Write(page[:start])
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(region))
	done, skip := 0, 0
	for len(seen) < want {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		done += len(raw)
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			if unmarked[string(name)] {
				if tt == html.StartTagToken {
					skip++
				} else {
					skip = max(0, skip-1)
				}
			}
		case html.TextToken:
			if skip == 0 {
				out.Write(a.markText(raw, seen))
				continue
			}
		}
		out.Write(raw)
	}
	out.Write(page[start+done:])
	return out.Bytes()
}

// markText wraps the first use in text of each abbreviation not yet seen.
func (a *abbrevs) markText(text []byte, seen map[string]bool) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(text); i++ {
		start, end, stem := a.useAt(text, i)
		if end == 0 {
			continue
		}
		i = end - 1
		if seen[stem] {
			continue
		}
		seen[stem] = true
		out = append(out, text[last:start]...)
		out = fmt.Appendf(out, `<abbr title="%s">%s</abbr>`, template.HTMLEscapeString(a.long[stem]), text[start:end])
		last = end
	}
	if out == nil {
		return text
	}
	return append(out, text[last:]...)
}

// useAt reads the word in capitals starting at i, if one starts there
// (as the regular expression \b[A-Z]{2,}s?\b would): its end is 0 unless it
// is the stem of an abbreviation, maybe followed by a plural "s". (A scan by
// hand: a regular expression made marking three times slower.)
func (a *abbrevs) useAt(text []byte, i int) (start, end int, stem string) {
	if !isUpper(text[i]) || (i > 0 && isWordByte(text[i-1])) {
		return 0, 0, ""
	}
	j := i
	for j < len(text) && isUpper(text[j]) {
		j++
	}
	k := j
	if k < len(text) && text[k] == 's' {
		k++
	}
	if j-i < 2 || (k < len(text) && isWordByte(text[k])) {
		return 0, 0, ""
	}
	if _, ok := a.long[string(text[i:j])]; !ok {
		return 0, 0, ""
	}
	return i, k, string(text[i:j])
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// isWordByte is what \b counts as part of a word.
func isWordByte(c byte) bool {
	return isUpper(c) || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}
