package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	defaults "factsheet"
	"factsheet/site/factsheet"
)

// seedMeta is the seed's front matter, read as the generator reads it: the
// words of a citation come from there.
func seedMeta(t *testing.T) factsheet.Meta {
	t.Helper()
	src, err := fs.ReadFile(defaults.Content, seedSlug+".md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := factsheet.Parse("content/"+seedSlug+".md", src)
	if doc == nil {
		t.Fatal("the seed does not parse")
	}
	return doc.Meta
}

// citationOf is the citation a reader should get for id at address.
func citationOf(t *testing.T, m factsheet.Meta, id, address string) string {
	t.Helper()
	date, err := time.Parse("2006-01-02", m.LastUpdate)
	if err != nil {
		t.Fatal(err)
	}
	c := m.Title + " (last update " + date.Format("2 January 2006") + "), Recommendation " + id + ", " + address
	if m.Author != "" {
		c = m.Author + ", " + c
	}
	if m.Source != "" {
		c += " (original document: " + m.Source + ")"
	}
	return c
}

// copied is what a click on a copy button left on the page.
type copied struct {
	Value    string `json:"value"`    // the text shown in the field
	Selected bool   `json:"selected"` // the field has the focus and all its text selected
	How      string `json:"how"`      // "clipboard" or "selected"
	Status   string `json:"status"`
}

// copiedJS reads the output after the share buttons of the element holding
// the buttons (selector %s).
const copiedJS = `(() => {
  const box = document.querySelector(%q).nextElementSibling;
  if (!box || !box.classList.contains("share-out")) return {value: "", selected: false, how: "", status: ""};
  const f = box.querySelector("textarea");
  return {value: f.value, selected: document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length,
    how: box.dataset.copied || "", status: box.querySelector("[role=status]").textContent};
})()`

// setClipboard grants or denies the page's origin clipboard access.
func setClipboard(t *testing.T, tb *tab, origin string, setting browser.PermissionSetting) {
	t.Helper()
	err := tb.do(chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		// writeText asks for the sanitized write permission; readText for read
		for _, p := range []browser.PermissionDescriptor{{Name: "clipboard-write"}, {Name: "clipboard-write", AllowWithoutSanitization: true}, {Name: "clipboard-read"}} {
			_, err := cdp.Call(ctx, target, browser.SetPermission, browser.SetPermissionParams{
				Permission: &p, Setting: setting, Origin: origin,
			})
			if err != nil {
				return err
			}
		}
		return nil
	}))
	if err != nil {
		t.Fatalf("set clipboard permission %s for %s: %v", setting, origin, err)
	}
}

// clickCopy clicks a share button (button data-copy=what inside sel) and
// returns what it left, once its status is written.
func clickCopy(t *testing.T, tb *tab, sel, what string) copied {
	t.Helper()
	if err := tb.do(chromedp.Click(sel + ` button[data-copy="` + what + `"]`)); err != nil {
		t.Fatalf("click %s %s: %v", sel, what, err)
	}
	tb.waitFor(fmt.Sprintf(`(() => { const b = document.querySelector(%q).nextElementSibling; return !!b && !!b.dataset.copied; })()`, sel), "the copy's outcome", 5*time.Second)
	return eval[copied](tb, fmt.Sprintf(copiedJS, sel))
}

// noClipboardJS takes the Clipboard API away from the page, as a browser
// refusing it does: Chromium lets file:// pages write to the clipboard, and
// DevTools cannot deny a file:// origin the permission.
const noClipboardJS = `Object.defineProperty(navigator, "clipboard", {value: undefined, configurable: true}), true`

// TestCopyLink clicks "Copy link" and "Cite" on the page of IV-5 and on IV-5
// in chapter IV, from file:// and over HTTP under a sub-path, with clipboard
// access and without: with it, the text is on the clipboard; without it, the
// text is left selected in a field for the reader to copy. The link is the
// recommendation page's absolute address, the citation's words come from the
// front matter.
func TestCopyLink(t *testing.T) {
	seed, m := loadSeed(t), seedMeta(t)
	page := recPage(seed.Slug, "IV-5")
	for _, c := range []struct {
		name      string
		addr      func(string) string
		clipboard bool
	}{
		{"file, clipboard", fileURL, true},
		{"file, no clipboard", fileURL, false},
		{"http, clipboard", httpURL, true},
		{"http, no clipboard", httpURL, false},
	} {
		tb := newTab(t)
		want := map[string]string{"link": c.addr(page), "cite": citationOf(t, m, "IV-5", c.addr(page))}
		for _, at := range []struct{ page, sel string }{
			{page, ".rec-actions .share"},
			{seed.Slug + "/chapters/iv.html", "#rec-iv-5 .share"},
		} {
			tb.open(c.addr(at.page))
			where := c.name + ", " + at.page
			if strings.HasPrefix(c.addr(page), "http") {
				u, err := url.Parse(c.addr(page))
				if err != nil {
					t.Fatal(err)
				}
				setting := browser.PermissionSettingDenied
				if c.clipboard {
					setting = browser.PermissionSettingGranted
				}
				setClipboard(t, tb, u.Scheme+"://"+u.Host, setting)
			} else if !c.clipboard {
				eval[bool](tb, noClipboardJS)
			}
			if eval[bool](tb, fmt.Sprintf(`document.querySelector(%q).hidden`, at.sel)) {
				t.Fatalf("%s: the share buttons are still hidden once the script ran", where)
			}
			for _, what := range []string{"link", "cite"} {
				got := clickCopy(t, tb, at.sel, what)
				if got.Value != want[what] {
					t.Errorf("%s, %s: the field shows %q, want %q", where, what, got.Value, want[what])
				}
				if !c.clipboard {
					if got.How != "selected" || !got.Selected || got.Status == "" {
						t.Errorf("%s, %s: without clipboard, the text is not left selected with a status: %+v", where, what, got)
					}
					continue
				}
				if got.How != "clipboard" {
					t.Errorf("%s, %s: not copied to the clipboard (%+v)", where, what, got)
				} else if strings.HasPrefix(c.addr(page), "http") {
					// (a file:// page may write to the clipboard but not read it back)
					if clip := eval[string](tb, `navigator.clipboard.readText()`); clip != want[what] {
						t.Errorf("%s, %s: the clipboard holds %q, want %q", where, what, clip, want[what])
					}
				}
			}
			if ps := tb.problems(); len(ps) > 0 {
				t.Errorf("%s:\n%s", where, strings.Join(ps, "\n"))
			}
		}
	}
}

// printHead is what a printed page says about itself.
type printHead struct {
	Shown    bool     `json:"shown"`    // the header is displayed
	Text     string   `json:"text"`     // its text
	Location string   `json:"location"` // the page's address
	Links    int      `json:"links"`    // external links in the text
	Bare     []string `json:"bare"`     // of them, those not printing their address
}

const printHeadJS = `(() => {
  const h = document.querySelector(".print-head");
  const links = [...document.querySelectorAll("main a[href^='http']")].filter(a => !a.closest(".share"));
  return {
    shown: !!h && getComputedStyle(h).display !== "none" && h.getClientRects().length > 0,
    text: h ? h.innerText : "",
    location: location.href,
    links: links.length,
    bare: links.filter(a => a.textContent.trim() !== a.href && !getComputedStyle(a, "::after").content.includes(a.getAttribute("href"))).map(a => a.getAttribute("href")),
  };
})()`

// TestPrintHead prints (print media) a chapter, a recommendation page and
// the glossary, from file:// and over HTTP under /repo/: each page carries
// the factsheet's title, the Party, the last update and its own address;
// external links print their address. On screen the header is not shown.
func TestPrintHead(t *testing.T) {
	seed, m := loadSeed(t), seedMeta(t)
	date, err := time.Parse("2006-01-02", m.LastUpdate)
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	tb.open(fileURL(seed.Slug + "/chapters/i.html"))
	if eval[printHead](tb, printHeadJS).Shown {
		t.Error("the print header shows on screen")
	}
	printMedia(t, tb)
	pages := []string{seed.Slug + "/chapters/i.html", recPage(seed.Slug, "IV-5"), seed.Slug + "/glossary.html"}
	for _, addr := range []func(string) string{fileURL, httpURL} {
		for _, p := range pages {
			tb.open(addr(p))
			got := eval[printHead](tb, printHeadJS)
			if !got.Shown {
				t.Errorf("%s: no print header on paper", addr(p))
				continue
			}
			for _, want := range []string{m.Title, "Party: " + m.Party, "Last update: " + date.Format("2 January 2006"), got.Location} {
				if !strings.Contains(got.Text, want) {
					t.Errorf("%s: the printed header lacks %q:\n%s", addr(p), want, got.Text)
				}
			}
			if got.Location != addr(p) {
				t.Errorf("%s: opened at %s", addr(p), got.Location)
			}
			if len(got.Bare) > 0 {
				t.Errorf("%s: external links printed without their address: %v", addr(p), got.Bare)
			}
			if strings.HasSuffix(p, "/i.html") && got.Links == 0 {
				t.Errorf("%s: no external link to check (chapter I links the Convention)", addr(p))
			}
		}
	}
}

// headingShown tells, for the recommendation anchored at the id passed,
// whether the heading it stands under is in the viewport above it.
const headingShownJS = `((id) => {
  const rec = document.getElementById(id);
  const part = rec && rec.closest("section");
  if (!part) return {found: false};
  const heads = [...part.querySelectorAll("h2, h3, h4, h5, h6")].filter(h => h.compareDocumentPosition(rec) & Node.DOCUMENT_POSITION_FOLLOWING);
  const h = heads[heads.length - 1];
  const hr = h.getBoundingClientRect(), rr = rec.getBoundingClientRect();
  return {found: true, heading: h.textContent, headingTop: hr.top, recTop: rr.top, height: innerHeight};
})`

// TestAnchorShowsHeading opens recommendations by their place in a chapter
// (chapters/iv.html#rec-iv-5, from file:// and over HTTP): the heading they
// stand under (which names the Convention's article) shows above them.
func TestAnchorShowsHeading(t *testing.T) {
	seed := loadSeed(t)
	tb := newTab(t)
	for _, addr := range []func(string) string{fileURL, httpURL} {
		for _, id := range []string{"IV-1", "IV-5", "IV-9"} {
			var r recommendation
			for _, x := range seed.Recommendations {
				if x.ID == id {
					r = x
				}
			}
			page := addr(chapterAnchor(seed.Slug, r, id))
			tb.open(page)
			got := eval[struct {
				Found      bool    `json:"found"`
				Heading    string  `json:"heading"`
				HeadingTop float64 `json:"headingTop"`
				RecTop     float64 `json:"recTop"`
				Height     float64 `json:"height"`
			}](tb, fmt.Sprintf("%s(%q)", headingShownJS, "rec-"+strings.ToLower(id)))
			switch {
			case !got.Found:
				t.Errorf("%s: no recommendation in a section", page)
			case !strings.Contains(got.Heading, "Article") && !strings.Contains(got.Heading, "Art."):
				t.Errorf("%s: the heading above is %q, not the one naming the article", page, got.Heading)
			case got.HeadingTop < 0 || got.RecTop > got.Height*0.8:
				t.Errorf("%s: heading at %.0f px, recommendation at %.0f px of a %.0f px viewport: the heading is not shown above it", page, got.HeadingTop, got.RecTop, got.Height)
			}
		}
	}
}
