package bundle

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"path"
	"regexp"
	"strings"

	"factsheet/site/output"
	"factsheet/site/urls"
)

// SingleFile turns the page at name (the single-file edition that render
// wrote, e.g. "downloads/lithuania.html") into a page with no outside
// reference: stylesheets become <style> elements, scripts inline <script>
// elements (deferred ones moved to the end of <body>, in order, where they
// still run after the document is parsed), images and fonts data: URIs.
// Links into the site become #anchors of the page when it holds their
// target; otherwise absolute links to the published site when the page's
// canonical link gives its address, or plain text. A Content-Security-Policy
// <meta> allowing only the inlined scripts and styles, by their sha256
// hashes, replaces the page's own.
func SingleFile(files output.Files, name string) ([]byte, error) {
	src, ok := files[name]
	if !ok {
		return nil, fmt.Errorf("%s: the single-file edition page is missing; render must write it", name)
	}
	toks, ok := tokenizeSome(src)
	if !ok {
		toks = tokenize(src)
	}
	return singleFileOf(files, name, toks)
}

// singleFileOf is SingleFile of the page name, cut into toks.
func singleFileOf(files output.Files, name string, toks []token) ([]byte, error) {
	ids := collectIDs(toks)
	in := inliner{files: files, page: name, ids: ids, base: publishedBase(toks, name)}
	out := make([]token, 0, len(toks)+inlinedRoom(toks))
	var deferred []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.tag != nil && t.tag.name == "script":
			script, n, err := in.script(toks[i:])
			if err != nil {
				return nil, err
			}
			i += n - 1
			if script == nil {
				out = append(out, toks[i-n+1:i+1]...)
			} else if t.tag.hasAttr("defer") || t.tag.hasAttr("async") {
				deferred = append(deferred, script...)
			} else {
				out = append(out, script...)
			}
		case t.end == "body":
			out = append(out, deferred...)
			deferred = nil
			out = append(out, t)
		case t.tag != nil:
			var err error
			if out, err = in.element(out, t); err != nil {
				return nil, err
			}
		default:
			out = append(out, t)
		}
	}
	out = append(out, deferred...)
	return render(withCSP(out)), nil
}

// inlinedRoom is how many tokens SingleFile may add to toks: an inlined
// stylesheet or script takes three tokens where its <link> took one and its
// <script> two, and the security policy one more.
func inlinedRoom(toks []token) int {
	n := 1
	for _, t := range toks {
		if t.tag != nil && (t.tag.name == "link" || t.tag.name == "script") {
			n += 2
		}
	}
	return n
}

// collectIDs returns the set of id attribute values of the page.
func collectIDs(toks []token) map[string]bool {
	ids := map[string]bool{}
	for _, t := range toks {
		if t.tag != nil {
			if id, ok := t.tag.get("id"); ok {
				ids[id] = true
			}
		}
	}
	return ids
}

// inliner resolves the references of one page against the built files.
type inliner struct {
	files output.Files
	page  string
	ids   map[string]bool
	base  string // address of the published site, or ""
}

// script inlines the external script starting toks (its start tag, maybe a
// text, its end tag). It returns nil when the script is inline already, and
// the number of tokens it consumed.
func (in *inliner) script(toks []token) ([]token, int, error) {
	n := 1
	for n < len(toks) && toks[n-1].end != "script" {
		n++
	}
	src, ok := toks[0].tag.get("src")
	if !ok {
		return nil, n, nil
	}
	if isOutside(src) {
		return nil, n, fmt.Errorf("%s: script %s is outside the site; the single-file edition cannot carry it", in.page, src)
	}
	body, _, err := in.load(src)
	if err != nil {
		return nil, n, err
	}
	t := &tag{name: "script"}
	for _, a := range toks[0].tag.attrs {
		if a.key != "src" && a.key != "defer" && a.key != "async" && a.key != "integrity" && a.key != "crossorigin" {
			t.attrs = append(t.attrs, a)
		}
	}
	return []token{{tag: t, dirty: true, ours: true}, {raw: escapeRaw(body, "script"), text: true}, {raw: []byte("</script>"), end: "script"}}, n, nil
}

// element rewrites the references of one start tag other than <script> and
// appends what replaces it to out.
func (in *inliner) element(out []token, t token) ([]token, error) {
	tg := t.tag
	switch tg.name {
	case "link":
		repl, err := in.link(t)
		return append(out, repl...), err
	case "img", "source", "input", "audio", "video", "track", "iframe", "embed":
		if src, ok := tg.get("src"); ok && !isOutside(src) && !strings.HasPrefix(src, "#") {
			uri, err := in.dataURI(src)
			if err != nil {
				return nil, err
			}
			tg.set("src", uri)
			t.dirty = true
		}
	case "a", "area":
		if href, ok := tg.get("href"); ok && !isOutside(href) && !strings.HasPrefix(href, "#") {
			if anchor := in.anchorFor(href); anchor != "" {
				tg.set("href", anchor)
			} else {
				relink(tg, in.base, in.page, href)
			}
			t.dirty = true
		}
	case "form":
		if action, ok := tg.get("action"); ok && !isOutside(action) {
			tg.del("action")
			t.dirty = true
		}
	}
	return append(out, t), nil
}

// link inlines a stylesheet as <style>, turns icons into data: URIs and drops
// other links into the site (alternate formats, previous/next pages).
func (in *inliner) link(t token) ([]token, error) {
	tg := t.tag
	href, ok := tg.get("href")
	if !ok || isOutside(href) {
		return []token{t}, nil
	}
	if tg.hasToken("rel", "stylesheet") {
		body, p, err := in.load(href)
		if err != nil {
			return nil, err
		}
		body, err = in.cssURLs(body, p)
		if err != nil {
			return nil, err
		}
		style := &tag{name: "style"}
		if media, ok := tg.get("media"); ok {
			style.attrs = append(style.attrs, attr{key: "media", val: media})
		}
		return []token{{tag: style, dirty: true, ours: true}, {raw: escapeRaw(body, "style"), text: true}, {raw: []byte("</style>"), end: "style"}}, nil
	}
	if tg.hasToken("rel", "icon") || tg.hasToken("rel", "apple-touch-icon") {
		uri, err := in.dataURI(href)
		if err != nil {
			return nil, err
		}
		tg.set("href", uri)
		t.dirty = true
		return []token{t}, nil
	}
	return nil, nil
}

// load returns the built file that ref (relative to the page, or to base when
// given) points to, and its path.
func (in *inliner) load(ref string, base ...string) ([]byte, string, error) {
	from := in.page
	if len(base) > 0 {
		from = base[0]
	}
	p := resolve(from, ref)
	b, ok := in.files[p]
	if !ok {
		return nil, p, fmt.Errorf("%s: %s refers to %s, which is not in the built site", in.page, ref, p)
	}
	return b, p, nil
}

// dataURI returns the file ref points to as a data: URI.
func (in *inliner) dataURI(ref string, base ...string) (string, error) {
	b, p, err := in.load(ref, base...)
	if err != nil {
		return "", err
	}
	return "data:" + mediaType(p) + ";base64," + base64.StdEncoding.EncodeToString(b), nil
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)`)

// cssURLs turns the url() references of the stylesheet at p into data: URIs.
func (in *inliner) cssURLs(css []byte, p string) ([]byte, error) {
	var err error
	out := cssURL.ReplaceAllFunc(css, func(m []byte) []byte {
		sub := cssURL.FindSubmatch(m)
		ref := string(bytes.Join(sub[1:], nil))
		if ref == "" || isOutside(ref) || strings.HasPrefix(ref, "#") {
			return m
		}
		uri, e := in.dataURI(ref, p)
		if e != nil {
			err = e
			return m
		}
		return []byte(`url("` + uri + `")`)
	})
	return out, err
}

// anchorFor maps a link into the site to the anchor of this page that shows
// its target, or "" when the page holds no such place.
func (in *inliner) anchorFor(href string) string {
	p := resolve(in.page, href)
	frag := ""
	if i := strings.IndexByte(href, '#'); i >= 0 {
		frag = href[i+1:]
	}
	stem := strings.TrimSuffix(path.Base(p), ".html")
	var candidates []string
	if frag != "" {
		candidates = append(candidates, frag)
	}
	switch path.Base(path.Dir(p)) {
	case "recommendations":
		candidates = append(candidates, urls.RecAnchor(stem))
	case "chapters":
		candidates = append(candidates, urls.ChapterAnchor(stem), stem)
	}
	for _, c := range candidates {
		if in.ids[c] {
			return "#" + c
		}
	}
	return ""
}
