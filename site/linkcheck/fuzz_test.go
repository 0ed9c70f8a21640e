package linkcheck

import (
	"strings"
	"testing"
)

// FuzzCheck feeds arbitrary markup to the checker as a page of a small site:
// it must never panic, and every problem it reports names a page of the site.
// Run it with: go test -run '^$' -fuzz FuzzCheck ./site/linkcheck
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		`<a href="chapters/ii.html#rec-ii-6">x</a>`,
		`<p><sup id="fnref-1"><a href="#fn-1">1</a></sup></p><ol><li id="fn-1"><a href="#fnref-1">↩</a></li></ol>`,
		`<svg><use href="#i"/><a xlink:href="../x.html">y</a></svg><img srcset=", ,a.png 2x,">`,
		`<a href="%zz">bad escape</a><a href="javascript:alert(1)">js</a><a href="//h/x">pr</a>`,
		`<form action=""><a href="#">dead</a><a name="n" id="m"></a><a href="?q=1#">q</a>`,
		`<template><a href="#t"></a></template><math><a href="#m">m</a></math><a href="../../../">up</a>`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		files := good()
		files["lt/index.html"] = []byte(body)
		for _, p := range Check(files) {
			if _, ok := files[p.Page]; !ok {
				t.Fatalf("problem on a page that is not in the site: %s", p)
			}
			if strings.TrimSpace(p.Message) == "" {
				t.Fatalf("problem without a message: %#v", p)
			}
		}
	})
}
