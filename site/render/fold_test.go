package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"factsheet/site/i18n"
)

// TestFoldMessages: a template whose calls of t are folded writes what it
// wrote before, in text, attributes and arguments of other functions; the
// calls with a value from the page stay calls.
func TestFoldMessages(t *testing.T) {
	cat := catalogue(t, i18n.Reference)
	const src = `<p title="{{t "rec.urgency"}}">{{t "rec.title" "II-1"}} {{t "rec.title" .}}</p>` +
		`{{if .}}<a href="?q={{t "colon"}}">{{th "footer.legend" (a "#legend" (t "footer.legend.link"))}}</a>{{end}}`
	run := func(fold bool) (string, *template.Template) {
		tm := template.Must(template.New("x").Funcs(funcs(cat)).Parse(src))
		if fold {
			foldMessages(tm, cat)
		}
		var b bytes.Buffer
		if err := tm.Execute(&b, "IV-5"); err != nil {
			t.Fatal(err)
		}
		return b.String(), tm
	}
	want, _ := run(false)
	got, folded := run(true)
	if got != want {
		t.Errorf("folded:\n%s\nunfolded:\n%s", got, want)
	}
	tree := folded.Tree.Root.String()
	if n := strings.Count(tree, "t \""); n != 1 {
		t.Errorf("%d calls of t left, want 1 (the one with the page's value): %s", n, tree)
	}
}
