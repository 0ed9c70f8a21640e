package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	defaults "factsheet"
	"factsheet/site/linkcheck"
)

// TestBaseURLSite builds the seed with a base URL, as the Pages workflow
// does, and serves it at that address under /repo/: pages still load
// everything from the site itself (the base URL only names them), their
// canonical link is their own address, and a missing address deep in the
// site gets the 404 page with its style and working links, as GitHub Pages
// serves 404.html at any depth.
func TestBaseURLSite(t *testing.T) {
	needBrowser(t)
	ln, err := listen()
	if err != nil {
		t.Fatal(err)
	}
	base := baseOf(ln)
	out := filepath.Join(t.TempDir(), "public")
	files, err := buildSite(defaults.Content, "content", out, base)
	if err != nil {
		ln.Close()
		t.Fatalf("the seed does not build with -base-url %s: %v", base, err)
	}
	srv := serve(ln, out)
	t.Cleanup(func() { srv.Close() })
	for _, p := range linkcheck.Check(files) {
		t.Error(p)
	}

	tb := newTab(t)
	for _, page := range []string{"index.html", seedSlug + "/index.html", seedSlug + "/chapters/iv.html", seedSlug + "/recommendations/iv-5.html"} {
		tb.open(base + page)
		tb.settle()
		if ps := tb.problems(); len(ps) > 0 {
			t.Errorf("%s:\n  %s", page, strings.Join(ps, "\n  "))
		}
		canonical := eval[string](tb, `(document.querySelector('link[rel=canonical]') || {}).href || ""`)
		folder := base + strings.TrimSuffix(page, "index.html") // GitHub Pages serves index.html at its folder's address
		if canonical != base+page && !(strings.HasSuffix(page, "index.html") && canonical == folder) {
			t.Errorf("%s: canonical link %q, want %q", page, canonical, base+page)
		}
	}

	missing := base + seedSlug + "/chapters/no-such-chapter.html"
	tb.open(missing)
	tb.settle()
	for _, p := range tb.problems() {
		if !strings.Contains(p, missing) {
			t.Errorf("the 404 page at %s: %s", missing, p)
		}
	}
	styled := eval[int](tb, `[...document.styleSheets].filter(s => s.cssRules.length > 0).length`)
	// links to this machine outside the base would not resolve on GitHub Pages either
	broken := eval[[]string](tb, `[...document.querySelectorAll("a[href], link[href], script[src]")]
		.map(e => e.href || e.src).filter(u => u.startsWith("http://127.0.0.1") && !u.startsWith("`+base+`"))`)
	if styled == 0 {
		t.Errorf("the 404 page at %s has no stylesheet loaded", missing)
	}
	if len(broken) > 0 {
		t.Errorf("the 404 page at %s links outside the site's base: %v", missing, broken)
	}
}
