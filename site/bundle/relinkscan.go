package bundle

import (
	"bytes"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"factsheet/site/output"
)

// relinkScanned gives the page p the result of dropMissingLinksOf without
// tokenizing the whole page: a markupWalk finds the start tags holding the
// missing hrefs that scanHrefs found at missing (low: the page in lower case)
// and the <link> tags that may give the published address; only those are
// lexed, and each relinked tag is written back exactly as the tokenizer's
// render would. An href found elsewhere (text, comment, raw text, another
// attribute's value) is no link. ok is false when the page has something the
// walk cannot settle; the caller then tokenizes it.
func relinkScanned(files output.Files, p string, page, low []byte, missing []int) (out []byte, ok bool) {
	if len(missing) == 0 {
		return page, true
	}
	w := markupWalk{page: page, low: low}
	tags, ok := linkingTags(&w, missing)
	if !ok {
		return nil, false
	}
	base, ok := walkedBase(&w, page, p)
	if !ok {
		return nil, false
	}
	var buf bytes.Buffer
	prev := 0
	for _, span := range tags {
		t, ok := tagIn(page, span)
		if !ok {
			return nil, false
		}
		href, linksMissing := missingLink(files, p, t)
		if !linksMissing {
			continue
		}
		relink(t, base, p, href)
		if prev == 0 {
			buf.Grow(len(page) + len(missing)*(len(base)+64))
		}
		buf.Write(page[prev:span[0]])
		t.write(&buf)
		prev = span[1]
	}
	if prev == 0 {
		return page, true
	}
	buf.Write(page[prev:])
	return buf.Bytes(), true
}

// linkingTags returns the start tags that hold the hrefs at missing, each
// once (the tokenizer reads a tag's first href only).
func linkingTags(w *markupWalk, missing []int) (tags [][2]int, ok bool) {
	for _, at := range missing {
		start, end, found, ok := w.startTagHolding(at)
		if !ok {
			return nil, false
		}
		if found && (len(tags) == 0 || tags[len(tags)-1][0] != start) {
			tags = append(tags, [2]int{start, end})
		}
	}
	return tags, true
}

// walkedBase returns publishedBase for the page p, lexing only the <link>
// tags that the walk w finds may be canonical links.
func walkedBase(w *markupWalk, page []byte, p string) (base string, ok bool) {
	spans, ok := w.linkTags()
	if !ok {
		return "", false
	}
	links := make([]token, 0, len(spans))
	for _, span := range spans {
		t, ok := tagIn(page, span)
		if !ok {
			return "", false
		}
		links = append(links, token{tag: t})
	}
	return publishedBase(links, p), true
}

// tagIn lexes the start tag that the walk found at span of the page, as
// tokenize would, from a borrowed copy (the lexer lower-cases names in
// place). ok is false unless the span holds exactly one whole start tag.
func tagIn(page []byte, span [2]int) (t *tag, ok bool) {
	work := copyInto(page[span[0]:span[1]])
	defer giveBack(work)
	in := parse.NewInputBytes(*work)
	lex := phtml.NewLexer(in)
	if tt, _ := lex.Next(); tt != phtml.StartTagToken {
		return nil, false
	}
	t = &tag{name: string(lex.Text())}
	for {
		switch tt, _ := lex.Next(); tt {
		case phtml.AttributeToken:
			t.attrs = append(t.attrs, attrOf(lex))
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			t.void = tt == phtml.StartTagVoidToken
			return t, in.Offset() == len(*work)
		default:
			return nil, false
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
