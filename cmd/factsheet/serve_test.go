package main

import (
	"bytes"
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

// TestPrintChanges: serve prints every problem once, then only the new and
// the gone ones.
func TestPrintChanges(t *testing.T) {
	p := func(line int, msg string) factsheet.Problem {
		return factsheet.Problem{Pos: factsheet.Pos{File: "content/a.md", Line: line, Col: 1}, Severity: factsheet.Warning, Message: msg}
	}
	a, b, c := p(1, "one"), p(2, "two"), p(3, "three")
	var out bytes.Buffer
	printChanges(&out, nil, factsheet.Problems{a, b}, true)
	if got := out.String(); got != a.String()+"\n"+b.String()+"\n" {
		t.Errorf("first build printed %q", got)
	}
	out.Reset()
	printChanges(&out, factsheet.Problems{a, b}, factsheet.Problems{a, b}, false)
	if out.Len() != 0 {
		t.Errorf("an unchanged set printed %q", out.String())
	}
	printChanges(&out, factsheet.Problems{a, b}, factsheet.Problems{b, c}, false)
	if got := out.String(); got != "new: "+c.String()+"\ngone: "+a.String()+"\n" || strings.Contains(got, "two") {
		t.Errorf("a changed set printed %q", got)
	}
}
