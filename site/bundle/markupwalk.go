package bundle

import "bytes"

// markupWalk reads a page as the tokenizer's lexer (phtml) does, only far
// enough to tell where its tokens begin and end: text is skipped to the next
// '<' that opens a token; a start tag is read attribute by attribute (so that
// a '<' or '>' inside a value, quoted or not, is no tag of its own); end tags,
// comments, doctypes and CDATA end where the lexer ends them; the text of
// raw-text elements (script, style, title...) and inline SVG, MathML and XML
// is skipped whole. It goes forward only.
type markupWalk struct {
	page, low  []byte   // the page, and the page with its ASCII letters in lower case
	resume     int      // where the lexer reads on after the current token (and its raw text)
	start, end int      // the current token
	startTag   bool     // the current token is a start tag
	links      [][2]int // the <link> tags read so far that may be canonical links
}

// startTagHolding returns the start tag that holds the byte i, reading on
// as far as needed: found is false when i lies elsewhere (text, comment, end
// tag, raw text), ok is false when the walk meets what it does not read as
// the lexer does (a tag cut short by the end of the page, a "<!--" in a script, a NUL
// byte in inline SVG). i may not be less than in the previous call.
func (w *markupWalk) startTagHolding(i int) (start, end int, found, ok bool) {
	for w.end <= i {
		if !w.step() {
			return 0, 0, false, false
		}
	}
	return w.start, w.end, w.startTag && w.start <= i, true
}

// linkTags returns the <link> start tags met so far that may be a canonical
// link (see mayBeCanonical), reading on to the end of the page when another
// <link> may follow.
func (w *markupWalk) linkTags() (links [][2]int, ok bool) {
	if bytes.Contains(w.low[w.resume:], []byte("<link")) {
		if _, _, _, ok := w.startTagHolding(len(w.low)); !ok {
			return nil, false
		}
	}
	return w.links, true
}

// step reads the next token (text excepted) into start and end; past the
// last one, start is the end of the page. ok is false as for startTagHolding.
func (w *markupWalk) step() (ok bool) {
	low := w.low
	for i := w.resume; ; i++ {
		j := bytes.IndexByte(low[i:], '<')
		if j < 0 {
			w.start, w.end, w.startTag, w.resume = len(low), len(low)+1, false, len(low)
			return true
		}
		i += j
		end, startTag, ok := w.tokenAt(i)
		if !ok {
			return false
		}
		if end < 0 {
			continue // a '<' that opens nothing
		}
		w.start, w.end, w.startTag = i, end, startTag
		w.resume = max(w.resume, end) // a start tag's raw text, if any, is read already
		return true
	}
}

// tokenAt reads the token that the '<' at i opens, as phtml.Lexer.Next: it
// returns its end, or -1 when the '<' opens no token and is text.
func (w *markupWalk) tokenAt(i int) (end int, startTag, ok bool) {
	low := w.low
	c := byteAt(low, i+1)
	switch {
	case isLetter(c):
		return w.startTagAt(i)
	case c == '/' && i+2 < len(low) && low[i+2] != '>', c == '?': // an end tag or a bogus comment
		return through(low, i+2, ">"), false, true
	case c != '!':
		return -1, false, true
	case bytes.HasPrefix(low[i+2:], []byte("--")):
		return min(through(low, i+4, "-->"), through(low, i+4, "--!>")), false, true
	case bytes.HasPrefix(w.page[i+2:], []byte("[CDATA[")):
		return through(low, i+9, "]]>"), false, true
	}
	return through(low, i+2, ">"), false, true // a doctype or a bogus comment
}

// startTagAt reads the start tag at i, as phtml.Lexer reads its name and
// attributes, and then the raw text that follows it, if any: it returns the
// tag's end and sets resume past the raw text. It notes the <link> tags that
// may be canonical links. Inline SVG, MathML and XML are one token, no start
// tag (startTag false).
func (w *markupWalk) startTagAt(i int) (end int, startTag, ok bool) {
	low := w.low
	name := string(tagName(low, i))
	k := i + 1 + len(name)
	switch name {
	case "svg", "math", "xml": // one token up to the matching end tag
		end, ok = xmlEnd(low, k, name)
		w.resume = end
		return end, false, ok
	}
	if end, ok = attributesEnd(low, k); !ok {
		return 0, false, false
	}
	if name == "link" && mayBeCanonical(low[i:end]) {
		w.links = append(w.links, [2]int{i, end})
	}
	w.resume, ok = rawTextEnd(low, end, name)
	return end, true, ok
}

// tagName is the name of the start tag at start in low, as the lexer reads it:
// up to white space, '>' or "/>".
func tagName(low []byte, start int) []byte {
	k := start + 1
	for k < len(low) && !isSpace(low[k]) && low[k] != '>' && !closesVoid(low, k) {
		k++
	}
	return low[start+1 : k]
}

// attributesEnd returns the end of the start tag whose attributes begin at
// k: after the first '>' (or "/>") that no attribute value holds, the
// values read as phtml.Lexer.shiftAttribute does. ok is false when the page
// ends first.
func attributesEnd(low []byte, k int) (end int, ok bool) {
	for {
		k = skipSpace(low, k)
		switch {
		case k >= len(low):
			return 0, false
		case low[k] == '>':
			return k + 1, true
		case closesVoid(low, k):
			return k + 2, true
		}
		for k < len(low) && !isSpace(low[k]) && low[k] != '=' && low[k] != '>' && !closesVoid(low, k) {
			k++ // the attribute's name
		}
		if eq := skipSpace(low, k); eq < len(low) && low[eq] == '=' {
			if k, ok = valueEnd(low, skipSpace(low, eq+1)); !ok {
				return 0, false
			}
		}
	}
}

// valueEnd returns the end of the attribute value that begins at k, quoted
// or not. ok is false when a quote is not closed.
func valueEnd(low []byte, k int) (end int, ok bool) {
	if k < len(low) && (low[k] == '"' || low[k] == '\'') {
		q := bytes.IndexByte(low[k+1:], low[k])
		return k + 1 + q + 1, q >= 0
	}
	for k < len(low) && !isSpace(low[k]) && low[k] != '>' {
		k++
	}
	return k, true
}

// rawTextEnd returns where the lexer reads markup again after the start tag
// of the element name, which ends at from: past the text of a raw-text
// element (up to its end tag, or the end of the page), or from itself. ok is
// false for a script whose text holds "<!--", which the lexer reads otherwise.
func rawTextEnd(low []byte, from int, name string) (resume int, ok bool) {
	switch name {
	case "plaintext":
		return len(low), true
	case "textarea", "title", "style", "xmp", "iframe", "script":
	default:
		return from, true
	}
	closer := []byte("</" + name)
	for k := from; ; k++ {
		j := bytes.Index(low[k:], closer)
		if j < 0 {
			j = len(low) - k
		} else if isLetter(byteAt(low, k+j+len(closer))) {
			k += j
			continue // a longer name
		}
		return k + j, name != "script" || !bytes.Contains(low[from:k+j], []byte("<!--"))
	}
}

// xmlEnd returns the end of inline SVG, MathML or XML whose start tag name
// (name) ends at k, as phtml.Lexer.shiftXML finds it: after the '>' that
// follows the end tag matching the start tag, nested ones counted, outside
// double quotes. ok is false when a NUL byte makes the lexer stop.
func xmlEnd(low []byte, k int, name string) (end int, ok bool) {
	nested, quoted := 0, false
	for k < len(low) {
		c := low[k]
		switch {
		case c == '"':
			quoted = !quoted
			k++
		case c == '<' && !quoted:
			closing := byteAt(low, k+1) == '/'
			k++
			if closing {
				k++
			}
			s := k
			for isLetter(byteAt(low, k)) {
				k++
			}
			if (closing || byteAt(low, k) != '/') && string(low[s:k]) == name {
				if closing && nested == 0 {
					return xmlEndTagEnd(low, k)
				}
				if closing {
					nested--
				} else {
					nested++
				}
			}
		case c == 0:
			return 0, false
		default:
			k++
		}
	}
	return len(low), true
}

// xmlEndTagEnd returns the end of the end tag that closes inline SVG,
// MathML or XML, read on from k: after its '>'. ok is false at a NUL byte.
func xmlEndTagEnd(low []byte, k int) (end int, ok bool) {
	for ; k < len(low); k++ {
		switch low[k] {
		case '>':
			return k + 1, true
		case 0:
			return 0, false
		}
	}
	return len(low), true
}

// mayBeCanonical tells whether the lower-cased <link> tag may have the rel
// canonical: it says "canonical", or an entity in it may spell it.
func mayBeCanonical(tag []byte) bool {
	return bytes.IndexByte(tag, '&') >= 0 || bytes.Contains(tag, []byte("canonical"))
}

// through returns the index just past the first sep in b from from on, or the
// length of b when there is none.
func through(b []byte, from int, sep string) int {
	if j := bytes.Index(b[from:], []byte(sep)); j >= 0 {
		return from + j + len(sep)
	}
	return len(b)
}

// closesVoid tells whether b holds "/>" at k.
func closesVoid(b []byte, k int) bool {
	return b[k] == '/' && byteAt(b, k+1) == '>'
}

// byteAt returns b[i], or 0 past the end of b (the lexer's own end mark).
func byteAt(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// isLetter tells whether the lower-cased byte c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// isSpace tells whether c is HTML white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
