package render

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
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
// the part of <main> up to the last first use is read: by a scan of its
// tags (see scanMarks) when they are as the templates write them, tokenized
// otherwise.
func (a *abbrevs) mark(page []byte) []byte {
	if a == nil {
		return page
	}
	start, end := bytes.Index(page, []byte("<main")), lastIndexFromEnd(page, "</main>")
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
	done, ok := a.scanMarks(&out, region, want)
	if !ok {
		out.Truncate(start)
		done = a.tokenMarks(&out, region, want)
	}
	out.Write(region[done:])
	out.Write(page[end:])
	return out.Bytes()
}

// tokenMarks writes region to out, the first use of each abbreviation in
// its text marked, until want of them are seen; it returns the length of
// region read, whose rest is to be written as it is.
func (a *abbrevs) tokenMarks(out *bytes.Buffer, region []byte, want int) (done int) {
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(region))
	skip := 0
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
			skip = skipDepth(skip, unmarked[string(name)], tt == html.StartTagToken)
		case html.TextToken:
			if skip == 0 {
				out.Write(a.markText(raw, seen))
				continue
			}
		}
		out.Write(raw)
	}
	return done
}

// skipDepth is the depth of unmarked elements after a start or end tag,
// of an unmarked element or not.
func skipDepth(skip int, unmarkedTag, start bool) int {
	switch {
	case !unmarkedTag:
		return skip
	case start:
		return skip + 1
	}
	return max(0, skip-1)
}

// scanMarks is tokenMarks for a region whose markup a byte scan reads as the
// tokenizer would: every '<' that starts a tag (a letter or '/' follows)
// starts a plain tag (see plainTag), and none starts a comment, a doctype or
// an element whose content is raw text. ok is false, with out written in
// part, for any other region.
func (a *abbrevs) scanMarks(out *bytes.Buffer, region []byte, want int) (done int, ok bool) {
	seen := map[string]bool{}
	skip := 0
	for from := 0; len(seen) < want; {
		lt := bytes.IndexByte(region[from:], '<')
		if lt < 0 {
			return a.scanText(out, region, done, len(region), skip, seen), true
		}
		lt += from
		if lt+1 == len(region) {
			return done, false
		}
		if c := region[lt+1]; !isLetter(c) && c != '/' {
			if c == '!' || c == '?' {
				return done, false
			}
			from = lt + 1 // text goes on
			continue
		}
		if done < lt {
			done = a.scanText(out, region, done, lt, skip, seen)
			if len(seen) >= want {
				break
			}
		}
		end, name, start := plainTag(region, lt)
		if hasUpper(name) {
			name = bytes.ToLower(name)
		}
		if end < 0 || rawText[string(name)] {
			return done, false
		}
		skip = skipDepth(skip, unmarked[string(name)], start)
		out.Write(region[lt:end])
		done, from = end, end
	}
	return done, true
}

// scanText writes the text region[from:to] with its marks (none at a skip
// depth) and returns to.
func (a *abbrevs) scanText(out *bytes.Buffer, region []byte, from, to, skip int, seen map[string]bool) int {
	if skip == 0 {
		out.Write(a.markText(region[from:to], seen))
	} else {
		out.Write(region[from:to])
	}
	return to
}

// rawText are the elements whose content the tokenizer reads as raw text,
// up to their end tag.
var rawText = map[string]bool{"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true, "script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// plainTag reads the tag at b[lt] ('<' then a letter or '/'): a start tag
// whose attributes are all quoted or bare, such as <a class="x" hidden>, or
// an end tag </name>. It returns the end of the tag, its name and whether it
// is a start tag; end is -1 for any other tag.
func plainTag(b []byte, lt int) (end int, name []byte, start bool) {
	i := lt + 1
	start = b[i] != '/'
	if !start {
		i++
	}
	n := i
	for n < len(b) && (isLetter(b[n]) || isDigit(b[n]) || b[n] == '-') {
		n++
	}
	if n == i || n == len(b) || !isLetter(b[i]) {
		return -1, nil, false
	}
	name = b[i:n]
	if !start {
		if b[n] != '>' {
			return -1, nil, false
		}
		return n + 1, name, false
	}
	for i = n; i < len(b); {
		switch {
		case b[i] == '>':
			return i + 1, name, true
		case !isSpace(b[i]):
			return -1, nil, false
		}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i < len(b) && b[i] == '>' {
			continue
		}
		if i = attribute(b, i); i < 0 {
			return -1, nil, false
		}
	}
	return -1, nil, false
}

// attribute reads the attribute at b[i], a name alone or followed by
// ="value" or ='value', and returns its end; -1 for any other.
func attribute(b []byte, i int) int {
	k := i
	for k < len(b) && !notInName[b[k]] {
		k++
	}
	if k == i || k == len(b) {
		return -1
	}
	if b[k] != '=' {
		return k
	}
	if k+1 == len(b) || (b[k+1] != '"' && b[k+1] != '\'') {
		return -1
	}
	q := bytes.IndexByte(b[k+2:], b[k+1])
	if q < 0 {
		return -1
	}
	return k + 2 + q + 1
}

// hasUpper says whether b has an ASCII capital letter.
func hasUpper(b []byte) bool { return slices.ContainsFunc(b, isUpper) }

// notInName are the bytes that end an attribute's name or make the tag
// one for the tokenizer: white space, quotes, '<', '>', '/', '=' and '`'.
var notInName = func() (t [256]bool) {
	for _, c := range []byte(" \n\r\t\f\"'<>/=`") {
		t[c] = true
	}
	return t
}()

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSpace is what the tokenizer skips between attributes.
func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// markText wraps the first use in text of each abbreviation not yet seen.
func (a *abbrevs) markText(text []byte, seen map[string]bool) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(text); i++ {
		if !isUpper(text[i]) {
			continue
		}
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

// lastIndexFromEnd is bytes.LastIndex(b, []byte(tag)) for a tag that starts
// with '<' and lies near the end of b: it steps back from '<' to '<'
// (bytes.LastIndex hashes every byte it passes, several times slower).
func lastIndexFromEnd(b []byte, tag string) int {
	for i := len(b); ; {
		j := bytes.LastIndexByte(b[:i], '<')
		if j < 0 {
			return -1
		}
		if bytes.HasPrefix(b[j:], []byte(tag)) {
			return j
		}
		i = j
	}
}
