package render

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"factsheet/site/factsheet"
	"factsheet/site/i18n"
)

// refs decides how the footnote references of the text being rendered are
// written, and records which footnotes were referenced, in order.
type refs struct {
	known map[int]bool       // footnotes the document defines; others stay unlinked
	href  func(n int) string // the address a reference points at; nil: references are not links
	ids   bool               // give each reference a back-link target id (fnref-N, fnref-N-2)
	omit  bool               // write no reference at all: texts listed without their footnotes
	seen  map[int]int        // how many times each footnote was referenced
	order []int              // footnotes in order of first reference
	// hide holds footnotes whose references are left out: on a
	// recommendation's page, the footnote that only names it.
	hide map[int]bool
}

// knownNotes is the set of footnote numbers a document defines.
func knownNotes(doc *factsheet.Document) map[int]bool {
	known := map[int]bool{}
	for _, f := range doc.Footnotes {
		known[f.Number] = true
	}
	return known
}

// newRefs returns a reference policy linking to "#fn-N" on the same page;
// known is the set of footnotes the document defines.
func newRefs(known map[int]bool, ids bool) *refs {
	return &refs{
		known: known,
		href:  func(n int) string { return fmt.Sprintf("#fn-%d", n) },
		ids:   ids,
		seen:  map[int]int{},
	}
}

// refID is the id of the k-th reference (1-based) to footnote n.
func refID(n, k int) string {
	if k <= 1 {
		return fmt.Sprintf("fnref-%d", n)
	}
	return fmt.Sprintf("fnref-%d-%d", n, k)
}

// inliner renders Inline text with goldmark's HTML renderer, safely: raw HTML
// is dropped, links keep only http, https and mailto addresses (or relative
// ones), images become their text, and footnote references follow refs.
type inliner struct {
	cat *i18n.Catalogue // the messages of the page's language (a reference's label)
	r   renderer.Renderer
	cur *refs
	own *ownWords     // the own words to mark in the text being rendered, if any
	buf bytes.Buffer  // reused by every call: an inliner serves one goroutine
	w   *bufio.Writer // goldmark's buffered writer over buf
}

func newInliner(cat *i18n.Catalogue) *inliner {
	in := &inliner{cat: cat}
	in.w = bufio.NewWriter(&in.buf)
	in.r = renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(), 1000),
		util.Prioritized(in, 100),
	))
	return in
}

// RegisterFuncs implements renderer.NodeRenderer.
func (in *inliner) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(factsheet.KindFootnoteRef, in.ownRef)
	reg.Register(ast.KindParagraph, skip)
	reg.Register(ast.KindTextBlock, skip)
	reg.Register(ast.KindLink, in.link)
	reg.Register(ast.KindAutoLink, in.autoLink)
	reg.Register(ast.KindImage, in.image)
	reg.Register(ast.KindRawHTML, dropRaw)
	reg.Register(ast.KindHTMLBlock, dropRaw)
}

// html renders the inline text, its references written as r says.
func (in *inliner) html(t *factsheet.Inline, r *refs) template.HTML {
	if t == nil || t.Node == nil {
		return ""
	}
	in.cur = r
	in.buf.Reset()
	in.w.Reset(&in.buf)
	if in.own != nil && in.own.on {
		in.own.open(in.w)
	}
	if err := in.r.Render(in.w, t.Source, t.Node); err != nil {
		// rendering into memory cannot fail; keep the text readable anyway
		return template.HTML(template.HTMLEscapeString(t.Plain()))
	}
	if in.own != nil && in.own.on {
		in.own.close(in.w)
		_ = in.w.Flush()
	}
	return template.HTML(strings.TrimSpace(in.buf.String()))
}

func skip(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

func dropRaw(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

func (in *inliner) footnoteRef(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*factsheet.FootnoteRef).Number
	r := in.cur
	if r != nil && (r.omit || r.hide[n]) {
		return ast.WalkContinue, nil
	}
	if r == nil || !r.known[n] {
		fmt.Fprintf(w, `<sup class="fnref">%d</sup>`, n)
		return ast.WalkContinue, nil
	}
	r.seen[n]++
	if r.seen[n] == 1 {
		r.order = append(r.order, n)
	}
	if r.href == nil {
		fmt.Fprintf(w, `<sup class="fnref">%d</sup>`, n)
		return ast.WalkContinue, nil
	}
	id := ""
	if r.ids {
		id = fmt.Sprintf(` id="%s"`, refID(n, r.seen[n]))
	}
	fmt.Fprintf(w, `<sup class="fnref"%s><a href="%s" aria-label="%s">%d</a></sup>`,
		id, template.HTMLEscapeString(r.href(n)), template.HTMLEscapeString(in.cat.T("footnote.ref", n)), n)
	return ast.WalkContinue, nil
}

// safeURL reports whether a link address may be written: http, https and
// mailto addresses, or relative ones; never javascript:, data: and the like.
func safeURL(dest string) bool {
	d := strings.TrimSpace(dest)
	if d == "" || strings.ContainsAny(d, "\x00\r\n\t") {
		return false
	}
	u, err := url.Parse(d)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return true
	case "":
		return !strings.HasPrefix(d, "//") && !strings.Contains(strings.SplitN(d, "/", 2)[0], ":")
	}
	return false
}

func (in *inliner) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := string(n.Destination)
	if !safeURL(dest) {
		return ast.WalkContinue, nil // the text stays, the link goes
	}
	if entering {
		fmt.Fprintf(w, `<a href="%s"`, util.EscapeHTML(util.URLEscape([]byte(dest), true)))
		if len(n.Title) > 0 {
			fmt.Fprintf(w, ` title="%s"`, template.HTMLEscapeString(string(n.Title)))
		}
		w.WriteString(">")
	} else {
		w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func (in *inliner) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := string(n.Label(src))
	dest := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	if !safeURL(dest) {
		w.WriteString(template.HTMLEscapeString(label))
		return ast.WalkContinue, nil
	}
	// class "url": the link shows its address, which print need not repeat
	fmt.Fprintf(w, `<a class="url" href="%s">%s</a>`, util.EscapeHTML(util.URLEscape([]byte(dest), false)), template.HTMLEscapeString(label))
	return ast.WalkContinue, nil
}

// image writes an image's text only: pages load no image from the content.
func (in *inliner) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}
