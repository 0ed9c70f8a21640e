package render

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// policyOf returns the Content-Security-Policy of a page, unescaped.
func policyOf(page string) string {
	m := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestNotFoundPage: without a base URL, 404.html carries the script that
// finds the site's root, before its stylesheets, with the site's top-level
// folders, allowed by its hash alone; with one, a fixed <base> and no script.
func TestNotFoundPage(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	page := mustHave(t, files, "404.html", `<script data-top="assets downloads lithuania">`+siteRootScript+`</script>`)
	if csp := policyOf(page); !strings.Contains(csp, "; script-src 'self' "+scriptHash(siteRootScript)+"; ") {
		t.Errorf("404.html: the policy %q does not allow the script by its hash", csp)
	}
	if strings.Index(page, "<script") > strings.Index(page, `<link rel="stylesheet"`) || strings.Contains(page, "<base") {
		t.Error("404.html: the script must come before the stylesheets, and no fixed <base> without a base URL")
	}
	for p, b := range files {
		if p != "404.html" && strings.Contains(string(b), "sha256-") {
			t.Errorf("%s: the 404 page's script hash leaks into another page's policy", p)
		}
	}
	files = renderFixture(t, "https://example.github.io/repo/", fixture(t))
	page = mustHave(t, files, "404.html", `<base href="https://example.github.io/repo/">`)
	if strings.Contains(page, "data-top") || !strings.Contains(policyOf(page), "; script-src 'self'; ") {
		t.Error("404.html with a base URL: the script is not needed")
	}
}
