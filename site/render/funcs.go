package render

import (
	"fmt"
	"html/template"
	"strings"

	"factsheet/site/i18n"
)

// funcs is the one FuncMap of the templates; the messages are those of cat,
// the catalogue of the pages' language.
func funcs(cat *i18n.Catalogue) template.FuncMap {
	return template.FuncMap{
		"lower": strings.ToLower,
		"join":  strings.Join,
		// t writes the message key with its placeholders replaced by args;
		// a missing key fails the page.
		"t": cat.Message,
		// th is t for a message holding markup: the text is escaped, the
		// arguments of type template.HTML are inserted as they are.
		"th": func(key string, args ...any) (template.HTML, error) {
			for i, a := range args {
				if h, ok := a.(template.HTML); ok {
					args[i] = string(h)
				} else {
					args[i] = template.HTMLEscapeString(fmt.Sprint(a))
				}
			}
			s, err := cat.Message(key)
			if err != nil {
				return "", err
			}
			return template.HTML(fill(template.HTMLEscapeString(s), args)), nil
		},
		// a is a link, for th: <a href="href">text</a>.
		"a": func(href, text string) template.HTML {
			return template.HTML(`<a href="` + template.HTMLEscapeString(href) + `">` + template.HTMLEscapeString(text) + `</a>`)
		},
		// adownload is a, for a file to download: <a href="href" download>text</a>.
		"adownload": func(href, text string) template.HTML {
			return template.HTML(`<a href="` + template.HTMLEscapeString(href) + `" download>` + template.HTMLEscapeString(text) + `</a>`)
		},
		// span, mark and tag are elements for th: <span lang>, <mark class="party-name">, <ins> or <del>.
		"span": func(lang, text string) template.HTML {
			return template.HTML(`<span lang="` + template.HTMLEscapeString(lang) + `">` + template.HTMLEscapeString(text) + `</span>`)
		},
		"mark": func(text string) template.HTML {
			return template.HTML(`<mark class="party-name">` + template.HTMLEscapeString(text) + `</mark>`)
		},
		"tag": func(name, text string) template.HTML {
			return template.HTML("<" + name + ">" + template.HTMLEscapeString(text) + "</" + name + ">")
		},
		// plural writes "1 recommendation" or "3 recommendations": the
		// message key.one or key.other, as the language's plural rule says.
		"plural": func(n int, key string) (string, error) { return cat.Plural(n, key) },
		"number": cat.Number,
	}
}

// fill replaces the placeholders {1}, {2}, ... of s by args.
func fill(s string, args []any) string {
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+string(rune('1'+i))+"}", a.(string))
	}
	return s
}
