package e2e

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets run: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeResult is the part of axe.run's result the test reads.
type axeResult struct {
	Violations   []axeRule `json:"violations"`
	Passes       []axeRule `json:"passes"`
	Incomplete   []axeRule `json:"incomplete"`
	Inapplicable []axeRule `json:"inapplicable"`
}

type axeRule struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axePages are the page types checked, one page each, relative to public/.
func axePages(slug string) []string {
	return []string{
		"index.html",
		slug + "/index.html",
		slug + "/chapters/ii.html",
		slug + "/recommendations/iv-5.html",
		slug + "/recommendations/ii-11.html", // marks the own words of a shared text
		slug + "/recommendations/xi-1.html",  // a long observation, in a box that scrolls
		slug + "/glossary.html",
		slug + "/recommendations/index.html",
		slug + "/recommendations/index.html?urgency=require,request&chapter=iv&article=25",
		slug + "/action-plan.html?include=invite",
		slug + "/search.html?q=helpline",
		"404.html",
		"downloads/" + slug + ".html",
	}
}

// TestAxe injects axe-core (node_modules, pinned by package-lock.json) into
// each page type, in light and dark colour schemes, from file://: no
// violation of the WCAG 2.1 A and AA rules.
func TestAxe(t *testing.T) {
	slug := loadSeed(t).Slug
	axe := axeScript(t)
	tb := newTab(t)
	rules := map[string]bool{}
	applicable := map[string]bool{}
	loads := 0
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, tb, scheme)
		for _, page := range axePages(slug) {
			tb.open(fileURL(page))
			tb.settle()
			if !eval[bool](tb, `matchMedia("(prefers-color-scheme: `+scheme+`)").matches`) {
				t.Fatalf("%s: the page does not see prefers-color-scheme: %s", page, scheme)
			}
			res := runAxe(t, tb, axe)
			loads++
			for _, list := range [][]axeRule{res.Violations, res.Passes, res.Incomplete, res.Inapplicable} {
				for _, r := range list {
					rules[r.ID] = true
				}
			}
			for _, list := range [][]axeRule{res.Violations, res.Passes, res.Incomplete} {
				for _, r := range list {
					applicable[r.ID] = true
				}
			}
			for _, v := range res.Violations {
				t.Errorf("%s (%s): %s", page, scheme, describe(v))
			}
		}
	}
	t.Logf("axe-core: %d page types × 2 colour schemes = %d page loads; %d rules run (tags %s), %d of them applicable",
		len(axePages(slug)), loads, len(rules), strings.Join(axeTags, ","), len(applicable))
}

// axeScript is axe-core's browser script, from node_modules.
func axeScript(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(nodeTool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// setColorScheme makes the tab's pages see prefers-color-scheme: scheme.
func setColorScheme(t *testing.T, tb *tab, scheme string) {
	t.Helper()
	err := tb.do(chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
	if err != nil {
		t.Fatalf("emulate %s colour scheme: %v", scheme, err)
	}
}

// runAxe injects axe into the open page and runs the WCAG A and AA rules.
func runAxe(t *testing.T, tb *tab, axe string) axeResult {
	t.Helper()
	eval[bool](tb, axe+"\n;true")
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	return eval[axeResult](tb, `axe.run(document, {runOnly: {type: "tag", values: `+tags+`}, resultTypes: ["violations"]})`)
}

// describe formats a violation with up to three of its elements.
func describe(v axeRule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	nodes := v.Nodes
	sort.SliceStable(nodes, func(i, j int) bool { return fmt.Sprint(nodes[i].Target) < fmt.Sprint(nodes[j].Target) })
	for i, n := range nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n    … and %d more", len(nodes)-3)
			break
		}
		fmt.Fprintf(&b, "\n    %v %.120s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// TestAxeCanFail makes sure violations come back: an image without text
// alternative added to the 404 page is reported.
func TestAxeCanFail(t *testing.T) {
	siteDir(t)
	axe := axeScript(t)
	tb := newTab(t)
	tb.open(fileURL("404.html"))
	eval[bool](tb, `document.querySelector("main").append(Object.assign(document.createElement("img"), {src: "data:,"})), true`)
	res := runAxe(t, tb, axe)
	for _, v := range res.Violations {
		if v.ID == "image-alt" {
			return
		}
	}
	t.Errorf("axe did not report an image without alt; violations: %v", res.Violations)
}
