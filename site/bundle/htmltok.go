package bundle

import (
	"bytes"
	"html"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// token is one piece of an HTML page: a start tag with its attributes, or any
// other run of bytes (text, end tag, comment, doctype, inline SVG) kept as is.
type token struct {
	raw   []byte // the bytes as found; written back unless the tag was changed
	tag   *tag   // start tags only
	end   string // end tags only: the lower-case element name
	text  bool   // text, including the raw text of script and style elements
	dirty bool   // the tag was changed: write it from tag, not raw
	ours  bool   // a <script> or <style> the bundle inlined from a file of the site
}

// tag is a start tag: its lower-case name and attributes in order.
type tag struct {
	name  string
	attrs []attr
	void  bool // written with "/>"
}

// attr is one attribute with its value unescaped.
type attr struct {
	key, val string
	bare     bool // no value ("defer")
}

// tokenize cuts an HTML page into tokens; joining their raw bytes gives the
// page back, byte for byte (the lexer's own tokens leave out some white space
// inside tags, so raw bytes are taken from the page between token ends).
// The tokens, tags and attributes are allocated together, sized from the
// number of '<' in the page (each tag starts with one, and text lies between).
func tokenize(b []byte) []token {
	work := copyInto(b) // the lexer lower-cases names in place; tokens alias b, not the copy
	defer giveBack(work)
	in := parse.NewInputBytes(*work)
	lex := phtml.NewLexer(in)
	opens := bytes.Count(b, []byte("<"))
	toks := make([]token, 0, 2*opens+1)
	tags := make([]tag, 0, opens)
	attrs := make([]attr, 0, opens)
	var cur *token // the start tag being read
	prev, tagStart, firstAttr := 0, 0, 0
	for {
		tt, _ := lex.Next()
		if tt == phtml.ErrorToken {
			if prev < len(b) { // what the lexer could not end (a tag cut short)
				toks = append(toks, token{raw: b[prev:len(b):len(b)]})
			}
			return toks
		}
		end := min(in.Offset(), len(b))
		// Raw bytes alias the page, capped so that an append cannot write into it.
		raw := b[prev:end:end]
		switch tt {
		case phtml.StartTagToken:
			tagStart, firstAttr = prev, len(attrs)
			tags = append(tags, tag{name: nameOf(lex.Text())})
			toks = append(toks, token{raw: raw, tag: &tags[len(tags)-1]})
			cur = &toks[len(toks)-1]
		case phtml.AttributeToken:
			cur.raw = b[tagStart:end:end]
			attrs = append(attrs, attrOf(lex))
			// capped: a tag's attrs never write into the next tag's
			cur.tag.attrs = attrs[firstAttr:len(attrs):len(attrs)]
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			cur.raw = b[tagStart:end:end]
			cur.tag.void = tt == phtml.StartTagVoidToken
		case phtml.EndTagToken:
			toks = append(toks, token{raw: raw, end: strings.ToLower(nameOf(lex.Text()))})
		case phtml.TextToken:
			toks = append(toks, token{raw: raw, text: true})
		default:
			toks = append(toks, token{raw: raw})
		}
		prev = end
	}
}

// knownNames are the element and attribute names that the pages use most,
// kept as strings once rather than allocated for every tag.
var knownNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range strings.Fields(`a abbr area article aside audio b blockquote body br button caption code col
		colgroup data dd del details dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4
		h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta meter nav noscript
		ol optgroup option output p picture pre progress q s samp script section select small source span strong
		style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track u ul var video
		wbr accept action alt aria-controls aria-current aria-describedby aria-expanded aria-hidden aria-label
		aria-labelledby aria-live async autocomplete charset checked cite class cols colspan content crossorigin
		datetime decoding defer dir disabled download for headers height hidden href hreflang http-equiv id
		integrity lang loading max media method min name open placeholder property rel role rows rowspan scope
		selected sizes src srcset start tabindex target title type value width xmlns`) {
		m[n] = n
	}
	return m
}()

// nameOf returns the element or attribute name b as a string, without
// allocating when it is a known one.
func nameOf(b []byte) string {
	if n, ok := knownNames[string(b)]; ok {
		return n
	}
	return string(b)
}

// attrOf returns the attribute the lexer is on, its value unquoted and unescaped.
func attrOf(lex *phtml.Lexer) attr {
	a := attr{key: nameOf(lex.AttrKey()), bare: lex.AttrVal() == nil}
	if v := lex.AttrVal(); len(v) > 0 {
		if v[0] == '"' || v[0] == '\'' {
			v = bytes.Trim(v, string(v[:1]))
		}
		a.val = html.UnescapeString(string(v))
	}
	return a
}

// render writes the tokens back into a page.
func render(toks []token) []byte {
	var buf bytes.Buffer
	buf.Grow(renderedSize(toks))
	for _, t := range toks {
		if t.dirty && t.tag != nil {
			t.tag.write(&buf)
		} else {
			buf.Write(t.raw)
		}
	}
	return buf.Bytes()
}

// renderedSize is the length of render's page, short only of the escapes
// that rewritten tags may need.
func renderedSize(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.dirty && t.tag != nil {
			n += t.tag.size()
		} else {
			n += len(t.raw)
		}
	}
	return n
}

// size is the length of the tag as write writes it, escapes left out.
func (t *tag) size() int {
	n := len("<") + len(t.name) + len("/>")
	for _, a := range t.attrs {
		n += len(" ") + len(a.key) + len(`=""`) + len(a.val)
	}
	return n
}

// write writes the tag with every value double-quoted and escaped.
func (t *tag) write(buf *bytes.Buffer) {
	buf.WriteByte('<')
	buf.WriteString(t.name)
	for _, a := range t.attrs {
		buf.WriteByte(' ')
		buf.WriteString(a.key)
		if !a.bare {
			buf.WriteString(`="`)
			buf.WriteString(html.EscapeString(a.val))
			buf.WriteByte('"')
		}
	}
	if t.void {
		buf.WriteByte('/')
	}
	buf.WriteByte('>')
}

// get returns the value of the attribute key and whether it is present.
func (t *tag) get(key string) (string, bool) {
	for _, a := range t.attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return "", false
}

// hasAttr tells whether the attribute key is present.
func (t *tag) hasAttr(key string) bool {
	_, ok := t.get(key)
	return ok
}

// set gives the attribute key the value val, adding it if absent.
func (t *tag) set(key, val string) {
	for i := range t.attrs {
		if t.attrs[i].key == key {
			t.attrs[i].val, t.attrs[i].bare = val, false
			return
		}
	}
	t.attrs = append(t.attrs, attr{key: key, val: val})
}

// del removes the attribute key.
func (t *tag) del(key string) {
	kept := t.attrs[:0]
	for _, a := range t.attrs {
		if a.key != key {
			kept = append(kept, a)
		}
	}
	t.attrs = kept
}

// hasToken tells whether the space-separated attribute key holds word (case-insensitive), as rel does.
func (t *tag) hasToken(key, word string) bool {
	v, _ := t.get(key)
	for _, f := range strings.Fields(v) {
		if strings.EqualFold(f, word) {
			return true
		}
	}
	return false
}

// unlink removes the href of an <a> or <area>, with the attributes that only
// mean something on a link, leaving its content as plain text.
func (t *tag) unlink() {
	for _, k := range []string{"href", "download", "target", "rel", "hreflang", "type", "ping", "referrerpolicy"} {
		t.del(k)
	}
}
