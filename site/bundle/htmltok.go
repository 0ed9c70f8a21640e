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
func tokenize(b []byte) []token {
	work := copyInto(b) // the lexer lower-cases names in place; tokens alias b, not the copy
	defer giveBack(work)
	in := parse.NewInputBytes(*work)
	lex := phtml.NewLexer(in)
	var toks []token
	var cur *token // the start tag being read
	prev, tagStart := 0, 0
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
			tagStart = prev
			toks = append(toks, token{raw: raw, tag: &tag{name: string(lex.Text())}})
			cur = &toks[len(toks)-1]
		case phtml.AttributeToken:
			cur.raw = b[tagStart:end:end]
			cur.tag.attrs = append(cur.tag.attrs, attrOf(lex))
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			cur.raw = b[tagStart:end:end]
			cur.tag.void = tt == phtml.StartTagVoidToken
		case phtml.EndTagToken:
			toks = append(toks, token{raw: raw, end: strings.ToLower(string(lex.Text()))})
		case phtml.TextToken:
			toks = append(toks, token{raw: raw, text: true})
		default:
			toks = append(toks, token{raw: raw})
		}
		prev = end
	}
}

// attrOf returns the attribute the lexer is on, its value unquoted and unescaped.
func attrOf(lex *phtml.Lexer) attr {
	a := attr{key: string(lex.AttrKey()), bare: lex.AttrVal() == nil}
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
	for _, t := range toks {
		if t.dirty && t.tag != nil {
			t.tag.write(&buf)
		} else {
			buf.Write(t.raw)
		}
	}
	return buf.Bytes()
}

// write writes the tag with every value double-quoted and escaped.
func (t *tag) write(buf *bytes.Buffer) {
	buf.WriteString("<" + t.name)
	for _, a := range t.attrs {
		buf.WriteString(" " + a.key)
		if !a.bare {
			buf.WriteString(`="` + html.EscapeString(a.val) + `"`)
		}
	}
	if t.void {
		buf.WriteString("/")
	}
	buf.WriteString(">")
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
