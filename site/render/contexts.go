package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
	"text/template/parse"

	"factsheet/site/internal/tmplexec"
)

// escaperContext is a place of a page where html/template escapes an action
// with a run of its escapers (a URL attribute: filter, normaliser, attribute
// escaper), which tmplexec calls as one Go function (a tmplexec.Fused).
type escaperContext struct {
	// source is a template whose one action is in the context, e.g. `<a href="{{.}}">`
	source string
	// plain tells the strings that the run gives back unchanged there
	plain func(s string) bool
}

// escaperContexts are the contexts of the site's templates whose escapers
// html/template does not let stand in alone (see fastEscapers).
var escaperContexts = []escaperContext{
	{`<a href="{{.}}">`, isPlainURL},         // an address: filter, normaliser, attribute escaper
	{`<a href="/{{.}}">`, isPlainURL},        // the rest of an address: normaliser, attribute escaper
	{`<a href="?q={{.}}">`, isUnreservedURL}, // a query value: URL escaper, attribute escaper
	{`<title>{{.}}</title>`, isPlainText},    // the title
	{`<script>{{.}}</script>`, nil},          // a script (the JSON-LD data)
	{`<p {{.}}="">`, nil},                    // an attribute's name
}

// escaperRuns are the runs of html/template's escapers in escaperContexts,
// each read from the template of its context once escaped, with a Go
// function that returns at once what the run gives back unchanged and asks
// html/template for anything else: the output is html/template's, byte for
// byte (TestEscaperRunsAsHTMLTemplate).
var escaperRuns = sync.OnceValue(func() []tmplexec.Fused {
	var runs []tmplexec.Fused
	for _, c := range escaperContexts {
		t := template.Must(template.New("context").Parse(c.source))
		if err := t.Execute(new(bytes.Buffer), ""); err != nil {
			panic(err)
		}
		names := escaperNames(t.Tree)
		if names == nil {
			continue // not one action of escapers: pages in this context run on text/template
		}
		prefix, suffix, _ := strings.Cut(c.source, "{{.}}")
		plain := c.plain
		run := tmplexec.Fused{Names: names, Func: func(v any) string {
			if s, ok := v.(string); ok && plain != nil && plain(s) {
				return s
			}
			return viaTemplate(t, v, prefix, suffix)
		}}
		if plain != nil {
			run.String = func(s string) string {
				if plain(s) {
					return s
				}
				return viaTemplate(t, s, prefix, suffix)
			}
		}
		runs = append(runs, run)
	}
	return runs
})

// fastRuns are fastEscapers as runs of one escaper, which tmplexec calls
// with a string value without boxing it.
var fastRuns = []tmplexec.Fused{
	{Names: []string{"_html_template_htmlescaper"}, Func: escapeText, String: func(s string) string {
		if !needsEscape(s) {
			return s
		}
		return escapeText(s)
	}},
	{Names: []string{"_html_template_attrescaper"}, Func: escapeAttr, String: func(s string) string {
		if !needsEscape(s) {
			return s
		}
		return escapeAttr(s)
	}},
}

// escaperNames are the escapers that html/template piped the one action of
// tree into, nil if tree is not one action {{. | escaper | ...}}.
func escaperNames(tree *parse.Tree) []string {
	var action *parse.ActionNode
	for _, n := range tree.Root.Nodes {
		if a, ok := n.(*parse.ActionNode); ok {
			if action != nil {
				return nil
			}
			action = a
		}
	}
	if action == nil || len(action.Pipe.Cmds) < 2 {
		return nil
	}
	var names []string
	for _, cmd := range action.Pipe.Cmds[1:] {
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok || len(cmd.Args) != 1 || !strings.HasPrefix(id.Ident, "_html_template_") {
			return nil
		}
		names = append(names, id.Ident)
	}
	return names
}

// isPlainURL tells whether html/template writes s unchanged as an address
// in a quoted attribute: no scheme to filter (no colon), nothing to
// percent-encode, nothing to escape in the attribute.
func isPlainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune("-._~!#$*,/;=?@[]", rune(c)) {
			return false
		}
	}
	return true
}

// isUnreservedURL tells whether s is made of characters that html/template
// leaves unchanged in a query value: letters, digits and "-._~".
func isUnreservedURL(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && !strings.ContainsRune("-._~", rune(c)) {
			return false
		}
	}
	return true
}

// isPlainText tells whether html/template writes s unchanged in text.
func isPlainText(s string) bool { return !needsEscape(s) }

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
