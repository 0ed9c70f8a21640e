package bundle

import (
	"bytes"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"factsheet/site/output"
)

// rawTextOpeners are the elements whose content the tokenizer does not read
// as markup, and comments: an href found inside one is not a link, so a page
// where a missing href may sit in one is left to the tokenizer.
var rawTextOpeners = [...][2]string{
	{"<!--", "-->"}, {"<title", "</title"}, {"<style", "</style"}, {"<textarea", "</textarea"},
	{"<script", "</script"}, {"<noscript", "</noscript"}, {"<xmp", "</xmp"}, {"<iframe", "</iframe"},
	{"<noembed", "</noembed"}, {"<noframes", "</noframes"}, {"<plaintext", "\x00"},
	{"<svg", "</svg"}, {"<math", "</math"}, // the lexer keeps inline SVG and MathML whole
}

// relinkScanned gives the page p the result of dropMissingLinksOf without
// tokenizing the whole page: only the start tags holding the missing hrefs
// that scanHrefs found at missing (low: the page in lower case) (and, when there are any, the <head>, for
// the published address) are lexed, and each is written back exactly as the
// tokenizer's render would. ok is false when the page has something the
// positions alone cannot settle; the caller then tokenizes it.
func relinkScanned(files output.Files, p string, page, low []byte, missing []int) (out []byte, ok bool) {
	if len(missing) == 0 {
		return page, true
	}
	head := bytes.Index(low, []byte("</head"))
	if head < 0 {
		return nil, false
	}
	raw := rawRegions(low, max(head, missing[len(missing)-1])) // the places asked about below
	base, ok := headBase(page, low, head, raw, p)
	if !ok {
		return nil, false
	}
	var buf bytes.Buffer
	prev, lastTag := 0, -1
	for _, at := range missing {
		lt := bytes.LastIndexByte(low[:at], '<')
		if lt < 0 || bytes.LastIndexByte(low[:at], '>') > lt || inside(raw, lt) {
			return nil, false
		}
		if lt == lastTag { // a second href in the same tag: the tokenizer reads the first only
			continue
		}
		lastTag = lt
		t, n, ok := tagAt(page, lt)
		if !ok || lt+n <= at {
			return nil, false
		}
		if t.name != "a" && t.name != "area" {
			continue
		}
		href, _ := t.get("href")
		if isOutside(href) || len(href) > 0 && href[0] == '#' {
			continue
		}
		if _, found := files[resolve(p, href)]; found {
			continue
		}
		relink(t, base, p, href)
		if prev == 0 {
			buf.Grow(len(page) + len(missing)*(len(base)+64))
		}
		buf.Write(page[prev:lt])
		t.write(&buf)
		prev = lt + n
	}
	if prev == 0 {
		return page, true
	}
	buf.Write(page[prev:])
	return buf.Bytes(), true
}

// rawRegions returns the spans of the lower-cased page that may be a comment
// or the text of an element that is not markup (see rawTextOpeners): from each
// opener to the next closer of its kind, or to the end of the page. Spans of
// different kinds may overlap: an opener inside another kind's span still
// opens one, so that the spans cover whatever any reading could take as raw.
// One pass over the page's '<'s finds them all, up to the place upTo: the
// spans tell what is raw text up to there (openers after it are not read).
func rawRegions(low []byte, upTo int) [][2]int {
	var spans [][2]int
	var resume [len(rawTextOpeners)]int // where the next opener of each kind may start
	for i := 0; ; i++ {
		j := bytes.IndexByte(low[i:], '<')
		if j < 0 || i+j > upTo {
			return spans
		}
		i += j
		if i+1 < len(low) && !openerSecond[low[i+1]] {
			continue
		}
		for k, oc := range rawTextOpeners {
			if i < resume[k] || !bytes.HasPrefix(low[i:], []byte(oc[0])) {
				continue
			}
			c := bytes.Index(low[i:], []byte(oc[1]))
			if c < 0 {
				spans = append(spans, [2]int{i, len(low)})
				resume[k] = len(low) + 1
				continue
			}
			spans = append(spans, [2]int{i, i + c})
			resume[k] = i + c
		}
	}
}

// openerSecond marks the bytes that follow '<' in some raw-text opener.
var openerSecond = func() (m [256]bool) {
	for _, oc := range rawTextOpeners {
		m[oc[0][1]] = true
	}
	return m
}()

// inside tells whether i lies in one of spans.
func inside(spans [][2]int, i int) bool {
	for _, s := range spans {
		if s[0] <= i && i < s[1] {
			return true
		}
	}
	return false
}

// headBase returns publishedBase for the page, lexing only the <link> tags
// of its <head>, which ends at end, the first "</head" (raw text and comments
// excepted, see rawRegions). ok is false when the page names a canonical link
// after it.
func headBase(page, low []byte, end int, raw [][2]int, p string) (base string, ok bool) {
	if bytes.Contains(low[end:], []byte("canonical")) {
		return "", false
	}
	if !bytes.Contains(low[:end], []byte("canonical")) {
		return "", true
	}
	var links []token
	for i := 0; ; {
		j := bytes.Index(low[i:end], []byte("<link"))
		if j < 0 {
			return publishedBase(links, p), true
		}
		i += j
		if !inside(raw, i) {
			t, _, ok := tagAt(page, i)
			if !ok {
				return "", false
			}
			links = append(links, token{tag: t})
		}
		i += len("<link")
	}
}

// tagAt lexes the start tag at page[at:], as tokenize would: it returns the
// tag and its length in bytes. ok is false when no whole start tag begins
// there. The lexer reads a copy (it lower-cases names in place): first of the
// bytes up to the next '>', where a tag ends unless a quoted value holds a
// '>', then, when that is not a whole tag, of the rest of the page.
func tagAt(page []byte, at int) (t *tag, n int, ok bool) {
	rest := page[at:]
	if end := bytes.IndexByte(rest, '>'); end >= 0 && end+1 < len(rest) {
		if t, n, ok := firstTagCopy(rest[:end+1]); ok {
			return t, n, true
		}
	}
	return firstTagCopy(rest)
}

// firstTagCopy is firstTag on a borrowed copy of b.
func firstTagCopy(b []byte) (t *tag, n int, ok bool) {
	work := copyInto(b)
	defer giveBack(work)
	return firstTag(*work, len(b))
}

// firstTag lexes the start tag that b (a copy the lexer may change, of
// length size) begins with, as tokenize would: it returns the tag and its
// length in bytes. ok is false when b does not begin with a whole start tag.
func firstTag(b []byte, size int) (t *tag, n int, ok bool) {
	in := parse.NewInputBytes(b)
	lex := phtml.NewLexer(in)
	if tt, _ := lex.Next(); tt != phtml.StartTagToken {
		return nil, 0, false
	}
	t = &tag{name: string(lex.Text())}
	for {
		switch tt, _ := lex.Next(); tt {
		case phtml.AttributeToken:
			t.attrs = append(t.attrs, attrOf(lex))
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			t.void = tt == phtml.StartTagVoidToken
			return t, min(in.Offset(), size), true
		default:
			return nil, 0, false
		}
	}
}

// relinkFast is dropMissingLinksOf by the byte scan and relinkScanned; ok is
// false when the page must be tokenized instead. known remembers the targets
// of href values between calls (see scanHrefs).
func relinkFast(files output.Files, p string, page []byte, known targets) (out []byte, ok bool) {
	low := borrow(len(page))
	defer giveBack(low)
	asciiLowerInto(*low, page)
	missing, sure := scanHrefs(files, p, page, *low, known)
	if !sure {
		return nil, false
	}
	return relinkScanned(files, p, page, *low, missing)
}
