package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	defaults "factsheet"
)

// notFoundReport is what a 404 page shows: its stylesheets with rules, the
// addresses of its links, stylesheets and scripts, and whether the search
// script ran.
type notFoundReport struct {
	Styled int
	URLs   []string
	Links  []string // the page's own links, in <main>
	Search bool
}

const notFoundJS = `({
  Styled: [...document.styleSheets].filter(s => { try { return s.cssRules.length > 0 } catch (e) { return false } }).length,
  URLs: [...document.querySelectorAll("a[href], link[href], script[src], form[action]")].map(e => e.href || e.src || e.action),
  Links: [...document.querySelectorAll("main a[href]")].map(a => a.href),
  Search: !!window.factsheetSearch,
})`

// statusJS fetches each address and returns its HTTP status.
const statusJS = `Promise.all(%s.map(u => fetch(u).then(r => r.status, () => 0)))`

// checkNotFound opens a missing address under base and fails unless the 404
// page is styled, its search works, and every link, stylesheet and script
// resolves under base to something that exists.
func checkNotFound(t *testing.T, tb *tab, base, missing string) {
	t.Helper()
	tb.open(missing)
	tb.settle()
	for _, p := range tb.problems() {
		if !strings.Contains(p, missing) { // the page's own 404 status is expected
			t.Errorf("%s: %s", missing, p)
		}
	}
	r := eval[notFoundReport](tb, notFoundJS)
	if r.Styled == 0 || !r.Search || len(r.Links) < 2 {
		t.Errorf("%s: %d stylesheet(s) with rules, search script ran: %v, %d link(s); want the styled page, its search and its links", missing, r.Styled, r.Search, len(r.Links))
	}
	for _, u := range r.URLs {
		if !strings.HasPrefix(u, base) {
			t.Errorf("%s: %s lies outside the site %s", missing, u, base)
		}
	}
	links := "[" + quoteJS(r.Links) + "]"
	statuses := eval[[]int](tb, strings.Replace(statusJS, "%s", links, 1))
	for i, s := range statuses {
		if s != 200 {
			t.Errorf("%s: its link %s answers %d", missing, r.Links[i], s)
		}
	}
}

// quoteJS writes strings as a JavaScript list's items.
func quoteJS(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
	}
	return strings.Join(q, ",")
}

// TestNotFoundAtAnyDepth: a missing address several folders deep in a site
// served under a sub-path, as GitHub Pages serves a project site, shows the
// styled 404 page whose links, stylesheets and scripts work, built without
// a base URL (the page finds the root at run time) and with one.
func TestNotFoundAtAnyDepth(t *testing.T) {
	siteDir(t)
	tb := newTab(t)
	for _, rel := range []string{seedSlug + "/chapters/old/2022/missing.html", seedSlug + "/a/b/c/", "missing.html"} {
		checkNotFound(t, tb, env.httpBase, httpURL(rel))
	}

	ln, err := listen()
	if err != nil {
		t.Fatal(err)
	}
	base := baseOf(ln)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(defaults.Content, "content", out, base); err != nil {
		ln.Close()
		t.Fatalf("the seed does not build with -base-url %s: %v", base, err)
	}
	srv := serve(ln, out)
	t.Cleanup(func() { srv.Close() })
	for _, rel := range []string{seedSlug + "/chapters/old/2022/missing.html", "a/b/c/missing.html"} {
		checkNotFound(t, tb, base, base+rel)
	}
}

// rootJS runs the 404 page's own script with a pretend address and returns
// the <base> it would insert ("" for none).
const rootJS = `(() => {
  const code = document.querySelector("script[data-top]").textContent, top = document.querySelector("script[data-top]").dataset.top;
  return %s.map(([protocol, hostname, pathname]) => {
    let href = "";
    const doc = {
      currentScript: { getAttribute: () => top },
      createElement: () => ({}),
      head: { appendChild: b => { href = b.href } },
    };
    new Function("location", "document", code)({ protocol, hostname, pathname }, doc);
    return href;
  });
})()`

// TestNotFoundRoot runs the 404 page's script on the addresses GitHub Pages,
// a custom domain, serve and file:// give it, and checks the root it finds.
func TestNotFoundRoot(t *testing.T) {
	siteDir(t)
	tb := newTab(t)
	tb.open(httpURL("no/such/page.html"))
	tb.settle()
	cases := []struct{ protocol, host, path, want string }{
		{"https:", "user.github.io", "/repo/" + seedSlug + "/a/b/c.html", "/repo/"},
		{"https:", "user.github.io", "/repo/a/b/c.html", "/repo/"},
		{"https:", "user.github.io", "/repo/typo.html", "/repo/"},
		{"https:", "user.github.io", "/" + seedSlug + "/a/b/c.html", "/"},
		{"https:", "user.github.io", "/" + seedSlug + "/" + seedSlug + "/chapters/x.html", "/" + seedSlug + "/"},
		{"https:", "user.github.io", "/typo.html", "/"},
		{"https:", "factsheets.example.org", "/" + seedSlug + "/a/b/c.html", "/"},
		{"https:", "factsheets.example.org", "/a/b/c/d.html", ""},
		{"http:", "127.0.0.1", "/repo/missing.html", ""},
		{"http:", "127.0.0.1", "/sub/path/assets/x/y/z.css", "/sub/path/"},
		{"http:", "127.0.0.1", "//evil.example/" + seedSlug + "/x.html", "/evil.example/"},
		{"file:", "", "/home/me/public/404.html", ""},
	}
	var args []string
	for _, c := range cases {
		args = append(args, "["+quoteJS([]string{c.protocol, c.host, c.path})+"]")
	}
	got := eval[[]string](tb, strings.Replace(rootJS, "%s", "["+strings.Join(args, ",")+"]", 1))
	for i, c := range cases {
		if i >= len(got) || got[i] != c.want {
			t.Errorf("%s//%s%s: root %q, want %q", c.protocol, c.host, c.path, got, c.want)
		}
	}
}
