package render

import (
	"bytes"
	"errors"
	"html/template"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/internal/tmplexec"
)

// word is a string type of its own, which fmt prints as its string.
type word string

// named is a type with a String method, which fmt prints through it.
type named struct{ s string }

func (n named) String() string { return "<" + n.s + ">" }

// escapeSamples are values of the kinds that pages pass to the escapers, and
// of others, with each character that html/template replaces.
func escapeSamples() []any {
	s := "plain"
	return []any{
		"", "plain text – with ‘quotes’ and é", `a "quoted" <b>bold</b> & 'x' + y`, "nul\x00byte", "bad \xff utf-8",
		"../recommendations/ii-1.html#rec-ii-1", "https://rm.coe.int/1680084822?a=1&b=2",
		template.HTML(`<abbr title="x">CSAM</abbr> &amp; more`), template.HTML("plain"),
		template.HTMLAttr(`title="x"`), template.URL("a?b=1&c=2"), template.JS("a+b"), template.CSS("a<b"),
		0, 42, -7, int64(9), uint(3), 1.5, true, nil, &s,
		word("require"), word(`a"b`), named{"x"}, errors.New("an <error>"), []string{"a", "b"},
	}
}

// reference renders v with html/template's own escaping, in a template of
// the given markup, new for each call.
func reference(t *testing.T, markup string, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := template.Must(template.New("ref").Parse(markup)).Execute(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFastEscapersAsHTMLTemplate holds the stand-ins of fastEscapers to
// html/template's escaping of the same values, in text and in an attribute.
func TestFastEscapersAsHTMLTemplate(t *testing.T) {
	for _, v := range escapeSamples() {
		if got, want := escapeText(v), reference(t, `{{.}}`, v); got != want {
			t.Errorf("escapeText(%#v) = %q, html/template writes %q", v, got, want)
		}
		if got, want := `<a title="`+escapeAttr(v)+`">`, reference(t, `<a title="{{.}}">`, v); got != want {
			t.Errorf("escapeAttr(%#v) gives %q, html/template writes %q", v, got, want)
		}
	}
}

// FuzzFastEscapers holds the stand-ins to html/template on any string, as
// plain text and as HTML.
func FuzzFastEscapers(f *testing.F) {
	for _, v := range escapeSamples() {
		if s, ok := v.(string); ok {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []any{s, template.HTML(s), word(s)} {
			if got, want := escapeText(v), reference(t, `{{.}}`, v); got != want {
				t.Errorf("escapeText(%#v) = %q, html/template writes %q", v, got, want)
			}
			if got, want := `<a title="`+escapeAttr(v)+`">`, reference(t, `<a title="{{.}}">`, v); got != want {
				t.Errorf("escapeAttr(%#v) gives %q, html/template writes %q", v, got, want)
			}
		}
	})
}

// TestFastEscapersPages renders the seed's site with fastEscapers and with
// html/template's own escapers (templates loaded afresh) and requires the
// same files, and checks that the stand-ins are in place after a render.
func TestFastEscapersPages(t *testing.T) {
	docs := []*factsheet.Document{seedDoc(t)}
	opts := Options{Templates: defaults.Templates, Assets: defaults.Assets, BaseURL: "https://example.org/site/"}
	ls, _ := renderBothWays(t, docs, opts, func(tl *templates, on bool) { tl.fast = on })
	// the escaped trees call the text escaper by the name fastEscapers uses:
	// a counting stand-in under that name is called by a page of the set
	calls := 0
	counting := template.FuncMap{"_html_template_htmlescaper": func(v any) string { calls++; return escapeText(v) }}
	tl := ls.of("en")
	tl.compiled = false // html/template's own execution, with the set's functions
	tl.executed = map[setEntry]*tmplexec.Program{}
	tl.pages["recommendation"].Funcs(counting)
	if _, err := tl.page("recommendation", &page{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("the recommendation pages do not call html/template's text escaper by the name fastEscapers gives: it was renamed, and the stand-ins no longer apply")
	}
}
