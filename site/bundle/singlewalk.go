package bundle

import "bytes"

// tokenizeSome cuts a page into the tokens that SingleFile reads, by a
// markupWalk instead of the HTML lexer: the start tags that SingleFile may
// change or reads (see readBySingleFile) and those with an id, each parsed
// as tokenize parses it; the text and end tag of each <script>; the </body>;
// every other run of bytes one raw token. Joining the raw bytes gives the
// page back, and SingleFile gives the same page from these tokens as from
// tokenize's (TestSingleFileWalkAsTokenized). ok is false when the walk
// meets what it does not read as the lexer does; the caller then tokenizes.
func tokenizeSome(page []byte) (toks []token, ok bool) {
	low := borrow(len(page))
	defer giveBack(low)
	asciiLowerInto(*low, page)
	w := markupWalk{page: page, low: *low}
	prev := 0
	raw := func(to int) {
		if to > prev {
			toks = append(toks, token{raw: page[prev:to:to]})
			prev = to
		}
	}
	for {
		if !w.step() {
			return nil, false
		}
		if w.start >= len(page) {
			raw(len(page))
			return toks, true
		}
		if !w.startTag {
			if name := endTagName(*low, w.start, w.end); name == "body" || name == "script" {
				raw(w.start)
				toks = append(toks, token{raw: page[w.start:w.end:w.end], end: name})
				prev = w.end
			}
			continue
		}
		name := string(tagName(*low, w.start))
		if !readBySingleFile(name, (*low)[w.start:w.end]) && !hasIDAttr((*low)[w.start:w.end]) {
			continue
		}
		t, ok := tagIn(page, [2]int{w.start, w.end})
		if !ok {
			return nil, false
		}
		raw(w.start)
		toks = append(toks, token{raw: page[w.start:w.end:w.end], tag: t})
		prev = w.end
		if name == "script" && w.resume > w.end {
			toks = append(toks, token{raw: page[w.end:w.resume:w.resume], text: true})
			prev = w.resume
		}
	}
}

// readBySingleFile tells whether SingleFile (or the security policy it
// writes) reads the start tag name, low in lower case: scripts, links,
// metas and <head>, elements with a src, forms, and links to other places
// than an anchor of the page.
func readBySingleFile(name string, low []byte) bool {
	switch name {
	case "script", "link", "meta", "head", "form",
		"img", "source", "input", "audio", "video", "track", "iframe", "embed":
		return true
	case "a", "area":
		// only one href, to an anchor of the page: left as it is
		i := bytes.Index(low, []byte("href"))
		return i < 0 || bytes.Count(low, []byte("href")) != 1 || !bytes.HasPrefix(low[i:], []byte(`href="#`))
	}
	return false
}

// hasIDAttr tells whether the lower-cased start tag may have an id
// attribute: "id" after white space or '/', then '=' (white space allowed).
// A value holding such text only makes the tag parsed needlessly.
func hasIDAttr(low []byte) bool {
	for i := 1; ; {
		j := bytes.Index(low[i:], []byte("id"))
		if j < 0 {
			return false
		}
		i += j
		if c := low[i-1]; isSpace(c) || c == '/' {
			if k := skipSpace(low, i+2); k < len(low) && low[k] == '=' {
				return true
			}
		}
		i += 2
	}
}

// endTagName is what tokenize gives as the name of the end tag between
// start and end in low, if it is "body" or "script", else "": as the lexer
// reads it, all that lies between "</" and ">", less trailing white space.
func endTagName(low []byte, start, end int) string {
	if byteAt(low, start+1) != '/' || !isLetter(byteAt(low, start+2)) {
		return ""
	}
	text := low[start+2 : end]
	if len(text) > 0 && text[len(text)-1] == '>' {
		text = text[:len(text)-1]
	}
	text = bytes.TrimRight(text, " \t\n\r")
	switch string(text) {
	case "body":
		return "body"
	case "script":
		return "script"
	}
	return ""
}
