package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factsheet/site/linkcheck"
)

// hostileReport is what a page of the hostile fixture shows of an attack.
type hostileReport struct {
	Pwned        string   `json:"pwned"`        // window.pwned or data-pwned, set by any fixture script that ran
	InlineScript int      `json:"inlineScript"` // <script> elements without src
	Handlers     []string `json:"handlers"`     // elements with on* attributes
	JSLinks      []string `json:"jsLinks"`      // href/src/action using javascript: or data:text/html
	Embeds       int      `json:"embeds"`       // iframe, object, embed, frame elements
	CSP          string   `json:"csp"`          // the Content-Security-Policy meta's content
}

const hostileJS = `(() => {
  const all = [...document.querySelectorAll("*")];
  const handlers = [], links = [];
  for (const el of all) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) handlers.push(el.tagName.toLowerCase() + "[" + a.name + "]");
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript:|data:text\/html)/i.test(a.value.replace(/[\u0000-\u001f]/g, "")))
        links.push(el.tagName.toLowerCase() + "[" + a.name + "=" + a.value.slice(0, 40) + "]");
    }
  }
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  return {
    pwned: String(window.pwned || document.documentElement.dataset.pwned || ""),
    inlineScript: document.querySelectorAll("script:not([src])").length,
    handlers: handlers, jsLinks: links,
    embeds: document.querySelectorAll("iframe, object, embed, frame").length,
    csp: csp ? csp.content : "",
  };
})()`

// TestHostileContent builds testdata/hostile, whose front matter and text
// carry raw <script>, <img onerror>, javascript: links and HTML, and opens
// every page from file://: its markup validates and its links resolve; no fixture script ran, none is left in the page
// (no inline script outside the single-file edition, no on* attribute, no
// javascript: URL, no frame), and the page's CSP forbids inline script.
func TestHostileContent(t *testing.T) {
	needBrowser(t)
	out := filepath.Join(t.TempDir(), "public")
	fixture := filepath.Join(env.root, "site", "e2e", "testdata", "hostile")
	files, err := buildSite(os.DirFS(fixture), "testdata/hostile", out, "")
	if err != nil {
		t.Fatalf("the hostile fixture does not build: %v", err)
	}
	for _, p := range linkcheck.Check(files) {
		t.Error(p)
	}
	var pages []string
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	validateHTML(t, out, pages)

	tb := newTab(t)
	for _, p := range pages {
		tb.open("file://" + filepath.ToSlash(out) + "/" + p)
		tb.settle()
		r := eval[hostileReport](tb, hostileJS)
		// the single-file edition and the 404 page (which finds the site's
		// root at run time) carry inline scripts of their own, allowed by hash
		single := strings.HasPrefix(p, "downloads/") || p == "404.html"
		switch {
		case r.Pwned != "":
			t.Errorf("%s: a fixture script ran: pwned = %q", p, r.Pwned)
		case r.InlineScript > 0 && !single:
			t.Errorf("%s: %d inline <script> element(s) in the page", p, r.InlineScript)
		case len(r.Handlers) > 0:
			t.Errorf("%s: event handler attributes in the page: %v", p, r.Handlers)
		case len(r.JSLinks) > 0:
			t.Errorf("%s: script URLs in the page: %v", p, r.JSLinks)
		case r.Embeds > 0:
			t.Errorf("%s: %d frame/object/embed element(s) in the page", p, r.Embeds)
		}
		checkCSP(t, p, r.CSP, single)
	}
	if len(pages) < 5 {
		t.Errorf("the hostile fixture built only %d pages", len(pages))
	}
}

// checkCSP fails unless the policy restricts scripts: a script-src (or
// default-src) without 'unsafe-inline' or 'unsafe-eval'; the single-file
// edition allows its inline scripts by hash, the other pages only 'self'.
func checkCSP(t *testing.T, page, csp string, single bool) {
	t.Helper()
	if csp == "" {
		t.Errorf("%s: no Content-Security-Policy meta", page)
		return
	}
	scripts := directive(csp, "script-src")
	if scripts == "" {
		scripts = directive(csp, "default-src")
	}
	switch {
	case scripts == "":
		t.Errorf("%s: the CSP %q has neither script-src nor default-src", page, csp)
	case strings.Contains(scripts, "'unsafe-inline'") || strings.Contains(scripts, "'unsafe-eval'") || strings.Contains(scripts, "*"):
		t.Errorf("%s: the CSP allows unsafe scripts: %q", page, scripts)
	case single && !strings.Contains(scripts, "'sha256-"):
		t.Errorf("%s: the single-file edition's CSP allows no script by hash: %q", page, scripts)
	case !single && strings.TrimSpace(strings.TrimPrefix(scripts, "script-src")) != "'self'":
		t.Errorf("%s: script-src should be 'self' alone, got %q", page, scripts)
	}
}

// directive returns the named directive of a policy ("script-src 'self'"), or "".
func directive(csp, name string) string {
	for _, d := range strings.Split(csp, ";") {
		d = strings.TrimSpace(d)
		if f := strings.Fields(d); len(f) > 0 && strings.EqualFold(f[0], name) {
			return d
		}
	}
	return ""
}

// TestHostileCheckCanFail plants what the hostile check looks for in a seed
// page and makes sure each is seen.
func TestHostileCheckCanFail(t *testing.T) {
	siteDir(t)
	tb := newTab(t)
	tb.open(fileURL("index.html")) // not 404.html, which has an inline script of its own
	eval[bool](tb, `(() => {
	  window.pwned = "planted";
	  const s = document.createElement("script"); s.textContent = "1"; document.head.append(s);
	  document.body.setAttribute("onclick", "1");
	  const a = document.createElement("a"); a.href = " javascript:void 0"; document.body.append(a);
	  document.body.append(document.createElement("iframe"));
	  return true;
	})()`)
	r := eval[hostileReport](tb, hostileJS)
	if r.Pwned != "planted" || r.InlineScript != 1 || len(r.Handlers) != 1 || len(r.JSLinks) != 1 || r.Embeds != 1 || r.CSP == "" {
		t.Errorf("the hostile check missed what was planted: %+v", r)
	}
}
