package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
)

// html/template escapes a template by adding, to each action of its tree,
// calls of its escaping functions under names of its own; text/template then
// calls them through reflection, packing a variadic argument list for each
// (about 75 calls a recommendation page; the stand-ins below render the
// pages 12 % faster, see BenchmarkPageSteps).
// fastEscapers stand in for the two that the pages call most (in text and in
// quoted attribute values), under the same names and taking the one value
// html/template always passes them (it pipes every value into them, never
// calls them with several). Each answers at once in the common case, a plain
// string that needs no escaping (and, in text, HTML), and hands any other
// value to html/template itself, so that the output is the same byte for
// byte (TestFastEscapersAsHTMLTemplate, FuzzFastEscapers, and the pages of
// the seed rendered both ways in TestFastEscapersPages).
var fastEscapers = template.FuncMap{
	"_html_template_htmlescaper": escapeText,
	"_html_template_attrescaper": escapeAttr,
}

// escapeText is html/template's escaper of a value in text.
func escapeText(v any) string {
	if h, ok := v.(template.HTML); ok {
		return string(h)
	}
	if s, ok := plainText(v); ok && !needsEscape(s) {
		return s
	}
	return viaTemplate(textTemplate, v, "", "")
}

// escapeAttr is html/template's escaper of a value in a quoted attribute.
func escapeAttr(v any) string {
	if s, ok := plainText(v); ok && !needsEscape(s) {
		return s
	}
	return viaTemplate(attrTemplate, v, `<a title="`, `">`)
}

// plainText returns the text of v as html/template prints a value that is
// not HTML: a string; an int in decimal; the string of a value of another
// string type that fmt prints as it is (no String, Error or Format method).
// ok is false for any other value, template.HTML included.
func plainText(v any) (s string, ok bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case template.HTML, fmt.Stringer, error, fmt.Formatter:
		return "", false
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return rv.String(), true
	}
	return "", false
}

// needsEscape tells whether html/template would change the plain string s
// in text or in an attribute value: only these ASCII characters are
// replaced (a multi-byte UTF-8 sequence holds no ASCII byte).
func needsEscape(s string) bool {
	return strings.ContainsAny(s, "\x00\"&'+<>")
}

// The templates whose only action html/template escapes with the escaper
// stood in for: executing them gives its result around fixed markup.
var (
	textTemplate = template.Must(template.New("text").Parse(`{{.}}`))
	attrTemplate = template.Must(template.New("attr").Parse(`<a title="{{.}}">`))
)

// viaTemplate returns what t writes for v, less its fixed prefix and suffix.
func viaTemplate(t *template.Template, v any, prefix, suffix string) string {
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		// the escapers themselves never fail; an error here is text/template's
		// printing of v, which the page's own execution would have met too
		panic(err)
	}
	out := b.String()
	return out[len(prefix) : len(out)-len(suffix)]
}

// setEntry is an entry template of a set: html/template escapes an entry
// (and what it calls) at its first execution and then gives the set its own
// escapers again, so the stand-ins go back in after each first execution
// (see templates.executeFirst).
type setEntry struct {
	set  *template.Template
	name string
}
