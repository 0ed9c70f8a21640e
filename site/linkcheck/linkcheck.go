// Package linkcheck checks the links of a built site: every local href, src
// and action points at a file of the site, every #anchor at an element of its
// page, and footnote references and footnotes link to each other both ways.
//
// A link is local when it has no scheme; it must be relative to the page
// (a root-relative "/x" or protocol-relative "//host/x" link breaks from file://
// and under a sub-path), point at a file rather than a folder, and stay inside
// the site. Links with a scheme (https:, mailto:, data:) are not followed,
// except javascript: links, which are always reported.
//
// Footnotes follow the site's convention: a footnote is an element with id
// "fn-N"; a reference is a link to "#fn-N" whose own id, or its parent's, is the
// back-link target ("fnref-N", "fnref-N-2"); the footnote holds a link back to
// each of its references, and each back-link points at a reference to it.
package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"factsheet/site/output"
)

// Problem is one broken link or anchor, on the page that holds it.
type Problem struct {
	Page    string // path of the page relative to the site root, slash-separated
	Attr    string // the attribute holding the URL ("href", "src"), or "id"
	URL     string // the attribute's value
	Message string // what is wrong
}

// String formats the problem as `page: attr="url": message`.
func (p Problem) String() string {
	return fmt.Sprintf("%s: %s=%q: %s", p.Page, p.Attr, p.URL, p.Message)
}

// Check checks every HTML page (*.html, *.htm) of a site held in memory; the
// other files are link targets only. Problems come sorted by page, then in
// document order.
func Check(files output.Files) []Problem {
	c := &checker{files: files, pages: map[string]*page{}}
	var problems []Problem
	for _, p := range files.Paths() {
		if !isHTML(p) {
			continue
		}
		pg, err := c.page(p)
		if err != nil {
			problems = append(problems, Problem{Page: p, Attr: "html", Message: err.Error()})
			continue
		}
		problems = append(problems, c.checkPage(pg)...)
	}
	return problems
}

// CheckDir checks the site written in a folder, reading only its HTML pages.
func CheckDir(dir string) ([]Problem, error) {
	files := output.Files{}
	err := filepath.WalkDir(dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, full)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		files[rel] = nil
		if isHTML(rel) {
			files[rel], err = os.ReadFile(full)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return Check(files), nil
}

// checker holds the site and the pages parsed so far, each parsed once.
type checker struct {
	files output.Files
	pages map[string]*page
}

func (c *checker) page(p string) (*page, error) {
	if pg, ok := c.pages[p]; ok {
		return pg, nil
	}
	pg, err := parsePage(p, c.files[p])
	if err != nil {
		return nil, fmt.Errorf("cannot parse the page: %v", err)
	}
	c.pages[p] = pg
	return pg, nil
}

func (c *checker) checkPage(pg *page) []Problem {
	var problems []Problem
	for _, id := range pg.dups {
		problems = append(problems, Problem{Page: pg.path, Attr: "id", URL: id, Message: "the id is used more than once on the page; anchors to it are ambiguous"})
	}
	for _, l := range pg.links {
		if msg := c.checkLink(pg, l); msg != "" {
			problems = append(problems, Problem{Page: pg.path, Attr: l.attr, URL: l.url, Message: msg})
		}
	}
	return append(problems, footnotes(pg)...)
}

// checkLink returns what is wrong with one link, or "".
func (c *checker) checkLink(pg *page, l link) string {
	raw := strings.TrimSpace(l.url)
	if raw == "" {
		if l.attr == "action" {
			return "" // a form without action submits to its own page
		}
		return "empty URL: link to a file or an anchor, or render plain text"
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return fmt.Sprintf("not a valid URL (%v)", err)
	case strings.EqualFold(u.Scheme, "javascript"):
		return "javascript: URL: scripts in links must never be rendered; drop the link"
	case u.Scheme != "":
		return "" // another site, mail or data: not followed
	case u.Host != "" || strings.HasPrefix(raw, "//"):
		return "protocol-relative URL: fails from file://; write https:// for another site or a relative path for this one"
	case strings.HasPrefix(u.Path, "/"):
		return "root-relative URL: fails from file:// and under a sub-path; make it relative to the page"
	}
	target := pg.path
	if u.Path != "" {
		target = path.Join(path.Dir(pg.path), u.Path)
		if target == ".." || strings.HasPrefix(target, "../") {
			return "points outside the site"
		}
		if msg := c.checkFile(target, u.Path); msg != "" {
			return msg
		}
	}
	if !strings.Contains(raw, "#") {
		return ""
	}
	if u.Fragment == "" {
		return "empty fragment '#': a dead link; link to an anchor or render plain text"
	}
	// a view after the anchor ("#recommendations?urgency=require", the
	// single-file edition's explorer) is the page's business: check the anchor
	frag, _, _ := strings.Cut(u.Fragment, "?")
	return c.checkAnchor(target, frag)
}

// checkFile tells whether the target file exists, and is a file rather than a folder.
func (c *checker) checkFile(target, written string) string {
	if _, ok := c.files[target]; ok && !strings.HasSuffix(written, "/") {
		return ""
	}
	if c.isFolder(target) {
		return fmt.Sprintf("links to the folder %s/: file:// shows no index page; link to %s/index.html", target, target)
	}
	return fmt.Sprintf("no file %s in the site", target)
}

func (c *checker) isFolder(p string) bool {
	prefix := p + "/"
	if p == "." {
		prefix = ""
	}
	for f := range c.files {
		if strings.HasPrefix(f, prefix) {
			return true
		}
	}
	return false
}

// checkAnchor tells whether the target page has an element with the fragment as id.
func (c *checker) checkAnchor(target, fragment string) string {
	if !isHTML(target) {
		return fmt.Sprintf("anchor #%s into %s, which is not an HTML page", fragment, target)
	}
	tp, err := c.page(target)
	if err != nil {
		return fmt.Sprintf("anchor into %s: %v", target, err)
	}
	if _, ok := tp.ids[fragment]; !ok {
		return fmt.Sprintf("no element with id %q in %s", fragment, target)
	}
	return ""
}

func isHTML(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".html" || ext == ".htm"
}

// sortedIDs returns the page's ids in sorted order.
func (pg *page) sortedIDs() []string {
	ids := make([]string, 0, len(pg.ids))
	for id := range pg.ids {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
