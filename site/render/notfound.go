package render

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"sort"
	"strings"
)

// siteRootScript is the inline script of 404.html when no base URL is known.
// GitHub Pages (and serve) answer any missing address with 404.html, so the
// page's relative links would resolve against a folder that does not exist.
// The script finds the site's root in the address: the part before the first
// folder that is one of the site's own top-level folders (listed in the
// script's data-top attribute: the factsheets' slugs, assets, downloads).
// On <user>.github.io, where a project site is always one folder deep, the
// root is that first folder unless the second is not the site's and the first
// is. Elsewhere (serve, a custom domain, another server), an address with no
// folder of the site is taken as the site's top level and left alone. The
// script then inserts <base href="root"> before the stylesheets load, so
// that every link, the stylesheets and the scripts resolve from the root at
// any depth. From file:// it does nothing (404.html is only opened there at
// its own place). With a base URL none of this is needed: the page has a
// fixed <base>. Readable:
//
//	if (location.protocol == "file:") return;
//	var top = document.currentScript.getAttribute("data-top").split(" "),
//	    dirs = location.pathname.split("/").filter(Boolean), n = dirs.length, i = 0;
//	if (/\.github\.io$/.test(location.hostname))
//	  i = top.indexOf(dirs[1]) >= 0 ? 1 : top.indexOf(dirs[0]) >= 0 || n < 2 ? 0 : 1;
//	else { while (i < n && top.indexOf(dirs[i]) < 0) i++; if (i == n) return; }
//	base.href = "/" + dirs.slice(0, i).concat("").join("/");
//
// The text below is that script as the minifier writes it, and writes it
// again unchanged, so that the hash in the page's Content-Security-Policy
// matches what ships, minified or not (TestNotFoundScriptHash).
const siteRootScript = `(function(){if(location.protocol=="file:")return;var n,s=document.currentScript.getAttribute("data-top").split(" "),t=location.pathname.split("/").filter(Boolean),o=t.length,e=0;if(/\.github\.io$/.test(location.hostname))e=s.indexOf(t[1])>=0?1:s.indexOf(t[0])>=0||o<2?0:1;else{for(;e<o&&s.indexOf(t[e])<0;)e++;if(e==o)return}n=document.createElement("base"),n.href="/"+t.slice(0,e).concat("").join("/"),document.head.appendChild(n)})()`

// headScript is an inline script of the <head>, run before the stylesheets load.
type headScript struct {
	Code template.JS
	Top  string // the site's top-level folders, space-separated
}

// notFoundPage makes the page p into the 404 page: with a base URL, a
// <base> to it; without, the script that finds the root at run time,
// allowed by its hash in the page's Content-Security-Policy.
func notFoundPage(p *page, paths []string, baseURL string) {
	if baseURL != "" {
		p.Base = baseURL
		return
	}
	p.HeadScript = &headScript{Code: template.JS(siteRootScript), Top: strings.Join(topFolders(paths), " ")}
	p.CSP = strings.Replace(p.CSP, "script-src 'self'", "script-src 'self' "+scriptHash(siteRootScript), 1)
}

// topFolders lists the top-level folders of the site: those of the paths
// of its files, and downloads/, which the bundles add later.
func topFolders(paths []string) []string {
	seen := map[string]bool{"downloads": true}
	for _, p := range paths {
		if dir, _, ok := strings.Cut(p, "/"); ok {
			seen[dir] = true
		}
	}
	top := make([]string, 0, len(seen))
	for d := range seen {
		top = append(top, d)
	}
	sort.Strings(top)
	return top
}

// scriptHash is the Content-Security-Policy source of an inline script.
func scriptHash(code string) string {
	h := sha256.Sum256([]byte(code))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}
