package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"factsheet/site/output"
)

// resolve returns the slash path, inside the built files, that the relative
// reference ref made from the file at page points to (query and fragment dropped).
func resolve(page, ref string) string {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if u, err := url.PathUnescape(ref); err == nil {
		ref = u
	}
	if ref == "" {
		return page
	}
	p := path.Join(path.Dir(page), ref)
	if strings.HasSuffix(ref, "/") {
		p = path.Join(p, "index.html")
	}
	return p
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// isOutside tells whether ref leaves the site: it has a scheme (https:,
// mailto:, data:) or is protocol-relative or absolute.
func isOutside(ref string) bool {
	return scheme.MatchString(ref) || strings.HasPrefix(ref, "/")
}

// mediaTypesByExt are the media types of the files a page may carry inline;
// a fixed table, so that the output does not depend on the system's mime files.
var mediaTypesByExt = map[string]string{
	".css":   "text/css",
	".js":    "text/javascript",
	".json":  "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/x-icon",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".ttf":   "font/ttf",
	".otf":   "font/otf",
}

// mediaType returns the media type of the file at p by its extension.
func mediaType(p string) string {
	if t, ok := mediaTypesByExt[strings.ToLower(path.Ext(p))]; ok {
		return t
	}
	return "application/octet-stream"
}

var (
	endTag     = map[string]*regexp.Regexp{"script": regexp.MustCompile(`(?i)</script`), "style": regexp.MustCompile(`(?i)</style`)}
	newlines   = strings.NewReplacer("\r\n", "\n", "\r", "\n")
	commentOpn = []byte("<!--")
)

// escapeRaw makes the content of a file safe as the raw text of an inline
// <script> or <style>: "</script" cannot end the element early and "<!--"
// cannot switch the parser into its escaped states. Both replacements mean
// the same inside JavaScript strings and regular expressions and inside CSS
// strings, the only places where these sequences occur. Line ends are
// normalised the way the HTML parser would, so that the hash matches.
func escapeRaw(b []byte, element string) []byte {
	if !needsEscape(b, element) {
		return b
	}
	return escapeRawAll(b, element)
}

// escapeRawAll is escapeRaw, on a copy of b.
func escapeRawAll(b []byte, element string) []byte {
	s := newlines.Replace(string(b))
	out := endTag[element].ReplaceAllStringFunc(s, func(m string) string { return m[:1] + `\` + m[1:] })
	if element == "script" {
		out = string(bytes.ReplaceAll([]byte(out), commentOpn, []byte(`<\!--`)))
	}
	return []byte(out)
}

// needsEscape tells whether escapeRaw may change b: whether it holds a
// carriage return, in a script "<!--", or what may be an end tag of element
// in any case (see mayBeName).
func needsEscape(b []byte, element string) bool {
	if bytes.IndexByte(b, '\r') >= 0 || element == "script" && bytes.Contains(b, commentOpn) {
		return true
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return false
		}
		i += j + len("</")
		if mayBeName(b[i:], element) {
			return true
		}
	}
}

// mayBeName tells whether b may begin with name (lower-case ASCII letters)
// for a case-insensitive match: its ASCII bytes match in either case, and a
// byte outside ASCII may be a letter that folds into one (as "ſ" into "s").
func mayBeName(b []byte, name string) bool {
	for k := 0; k < len(name); k++ {
		if k >= len(b) {
			return false
		}
		if c := b[k]; c >= utf8.RuneSelf {
			return true
		} else if c|0x20 != name[k] {
			return false
		}
	}
	return true
}

// withCSP removes the page's Content-Security-Policy <meta> elements and adds
// one, right after <meta charset> (or <head>), that allows nothing but the
// scripts and styles the bundle inlined (by their sha256 hash, see policy)
// and data: images and fonts. It reuses the array of toks.
func withCSP(toks []token) []token {
	meta := token{tag: &tag{name: "meta", attrs: []attr{{key: "http-equiv", val: "Content-Security-Policy"}, {key: "content", val: policy(toks)}}}, dirty: true}
	after := func(t token) bool { return t.tag != nil && t.tag.name == "head" } // where the meta goes
	if hasCharset(toks) {
		after = func(t token) bool { return t.tag != nil && t.tag.name == "meta" && t.tag.hasAttr("charset") }
	}
	kept := slices.DeleteFunc(toks, isCSP)
	return slices.Insert(kept, slices.IndexFunc(kept, after)+1, meta) // first when nothing matches
}

// policy returns the Content-Security-Policy allowing exactly the scripts
// and styles that the bundle inlined from the site's files. An inline script
// already in the page is not allowed: render never writes one, so it could
// only come from content that escaped escaping, and must not run.
func policy(toks []token) string {
	var scripts, styles []string
	for i, t := range toks {
		if !t.ours {
			continue
		}
		var body []byte
		if i+1 < len(toks) && toks[i+1].text {
			body = toks[i+1].raw
		}
		h := sha256.Sum256(body)
		src := "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
		if t.tag.name == "script" {
			scripts = appendUnique(scripts, src)
		} else {
			styles = appendUnique(styles, src)
		}
	}
	return "default-src 'none'; script-src " + orNone(scripts) + "; style-src " + orNone(styles) +
		"; img-src data:; font-src data:; base-uri 'none'; object-src 'none'"
}

// isCSP tells whether t is a <meta http-equiv="Content-Security-Policy">.
func isCSP(t token) bool {
	v, _ := tagAttr(t, "http-equiv")
	return t.tag != nil && t.tag.name == "meta" && strings.EqualFold(v, "content-security-policy")
}

// hasCharset tells whether the page has a <meta charset>.
func hasCharset(toks []token) bool {
	for _, t := range toks {
		if t.tag != nil && t.tag.name == "meta" && t.tag.hasAttr("charset") {
			return true
		}
	}
	return false
}

func tagAttr(t token, key string) (string, bool) {
	if t.tag == nil {
		return "", false
	}
	return t.tag.get(key)
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "'none'"
	}
	return strings.Join(list, " ")
}

// publishedBase returns the address of the published site, read from the
// <link rel="canonical"> of the page at name (render writes one only when it
// knows the base URL): the canonical address without the page's own path.
// It returns "" when the page has no such link.
func publishedBase(toks []token, name string) string {
	for _, t := range toks {
		if t.tag == nil || t.tag.name != "link" || !t.tag.hasToken("rel", "canonical") {
			continue
		}
		href, _ := t.tag.get("href")
		for _, own := range []string{name, strings.TrimSuffix(name, "index.html")} { // an index page may go by its folder
			if base, ok := strings.CutSuffix(href, own); ok && strings.HasPrefix(base, "http") && strings.HasSuffix(base, "/") {
				return base
			}
		}
	}
	return ""
}

// published returns the address, on the published site at base, of what the
// relative link href of the page at name points to, fragment included.
func published(base, name, href string) string {
	frag := ""
	if i := strings.IndexByte(href, '#'); i >= 0 {
		frag = href[i:]
	}
	return base + (&url.URL{Path: resolve(name, href)}).EscapedPath() + frag
}

// relink points a link whose target the bundle does not carry to the
// published site when its address is known, or makes it plain text.
func relink(t *tag, base, name, href string) {
	if base != "" {
		t.set("href", published(base, name, href))
		return
	}
	t.unlink()
}

// mayLinkMissing tells whether the page p may hold a link to a file missing
// from files, without tokenizing it: it answers no only when every href
// attribute it finds is double-quoted and points outside the site, to an
// anchor, or to a file of files. Anything else (another quoting, a missing
// file) is left to the tokenizer to decide. An href in the text of a script
// counts too: whether a "<script" opens one only the tokenizer can tell.
func mayLinkMissing(files output.Files, p string, page []byte) bool {
	missing, sure := scanHrefs(files, p, page, asciiLower(page), targets{})
	return !sure || len(missing) > 0
}

// scanHrefs finds, by a byte scan of the page p, the double-quoted href
// attributes that point to a file missing from files: it returns the index
// in page of each such attribute's name. sure is false when the scan met
// something it leaves to the tokenizer (another quoting, an unclosed quote).
// Hrefs in comments, raw text and other attributes' values are found as
// well: relinkScanned tells them from links (see markupWalk).
// low is the page with its ASCII letters in lower case (asciiLower); known
// remembers the targets of the values met before.
func scanHrefs(files output.Files, p string, page, low []byte, known targets) (missing []int, sure bool) {
	inFolder := known.folder(path.Dir(p))
	for i := 0; ; {
		j := indexByRare(low[i:], "href", len("hre"))
		if j < 0 {
			return missing, true
		}
		at := i + j
		k := skipSpace(low, at+4)
		i = k
		if k >= len(low) || low[k] != '=' {
			continue // hreflang, or a word of the text
		}
		k = skipSpace(low, k+1)
		if k >= len(low) || low[k] != '"' {
			return missing, false
		}
		end := bytes.IndexByte(low[k+1:], '"')
		if end < 0 {
			return missing, false
		}
		if target := inFolder.target(p, page[k+1:k+1+end]); target != "" {
			if _, ok := files[target]; !ok {
				missing = append(missing, at)
			}
		}
	}
}

// targets remembers, by folder, the file that each href value (as written in
// a page, unescaped) points to from a page of that folder: the same values
// recur on every page of a folder.
type targets map[string]folderTargets

// folderTargets are the targets of href values from the pages of one folder,
// keyed by the value as written; "" for a value that leaves the site or is an
// anchor of the page.
type folderTargets map[string]string

// folder returns the targets remembered for the folder dir.
func (t targets) folder(dir string) folderTargets {
	f, ok := t[dir]
	if !ok {
		f = folderTargets{}
		t[dir] = f
	}
	return f
}

// target returns the path that the href value raw, as written in the page p
// of this folder, points to, or "" when it leaves the site or is an anchor.
// A value that may point to the page itself (empty, a query, an entity) is
// not remembered, since it differs between the pages of the folder.
func (f folderTargets) target(p string, raw []byte) string {
	if target, ok := f[string(raw)]; ok {
		return target
	}
	href := string(raw)
	if strings.IndexByte(href, '&') >= 0 {
		href = html.UnescapeString(href)
	}
	target := ""
	if !isOutside(href) && !strings.HasPrefix(href, "#") {
		target = resolve(p, href)
	}
	if len(raw) > 0 && raw[0] != '?' && bytes.IndexByte(raw, '&') < 0 {
		f[string(raw)] = target
	}
	return target
}

// asciiLower returns a copy of b with the ASCII letters in lower case: the
// same length, so that its indices are those of b (HTML names are ASCII).
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	asciiLowerInto(out, b)
	return out
}

// asciiLowerInto writes b with its ASCII letters in lower case into out, of
// the same length: eight bytes at a time (see lowerWord), then byte by byte.
func asciiLowerInto(out, b []byte) {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		binary.LittleEndian.PutUint64(out[i:], lowerWord(binary.LittleEndian.Uint64(b[i:])))
	}
	for ; i < len(b); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
}

// lowerWord lower-cases the ASCII letters among the eight bytes of x: a
// byte gets 0x20 added when it is below 0x80, at least 'A' and at most 'Z'
// (each test sets the top bit of the byte's lane, with no carry between lanes).
func lowerWord(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	low7 := x &^ tops                       // each byte without its top bit
	atLeastA := low7 + ones*(0x80-'A')      // top bit set when the byte is >= 'A'
	aboveZ := low7 + ones*(0x80-'Z'-1)      // top bit set when the byte is > 'Z'
	upper := atLeastA &^ aboveZ &^ x & tops // and the byte itself below 0x80
	return x | upper>>2
}

// indexByRare is bytes.Index(b, sep) for a sep whose byte at rare is rarer in
// pages than its first (which bytes.Index looks for): it looks for that one.
func indexByRare(b []byte, sep string, rare int) int {
	for i := rare; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], sep[rare])
		if j < 0 {
			return -1
		}
		i += j
		if start := i - rare; start+len(sep) <= len(b) && string(b[start:start+len(sep)]) == sep {
			return start
		}
	}
	return -1
}

// skipSpace returns the index of the first byte from i on that is not HTML white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f') {
		i++
	}
	return i
}
