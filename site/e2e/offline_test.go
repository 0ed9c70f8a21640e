package e2e

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"factsheet/site/linkcheck"
	"factsheet/site/output"
)

// ownRequestsOnly returns the requests other than the page itself and data: URLs.
func ownRequestsOnly(page string, requested []string) []string {
	var others []string
	for _, u := range requested {
		if withoutFragment(u) != withoutFragment(page) && !strings.HasPrefix(u, "data:") {
			others = append(others, u)
		}
	}
	return others
}

// TestSingleFileEdition opens downloads/<slug>.html from file://, in the
// built site and copied alone into an empty folder: it requests nothing but
// itself, runs without console error (its inline scripts match the CSP
// hashes), every link of it is an anchor of the page or another site, and
// #rec-iv-5 shows the recommendation.
func TestSingleFileEdition(t *testing.T) {
	seed := loadSeed(t)
	name := "downloads/" + seed.Slug + ".html"
	b := builtFile(t, name)
	for _, p := range linkcheck.Check(output.Files{"edition.html": b}) {
		t.Errorf("%s: %s", name, strings.TrimPrefix(p.String(), "edition.html: "))
	}

	alone := copyAlone(t, seed.Slug+".html", b)
	tb := newTab(t)
	for _, u := range []string{fileURL(name), "file://" + filepath.ToSlash(alone)} {
		tb.open(u)
		tb.settle()
		if others := ownRequestsOnly(u, tb.requested()); len(others) > 0 {
			t.Errorf("%s requests other files:\n  %s", u, strings.Join(others, "\n  "))
		}
		if ps := tb.problems(); len(ps) > 0 {
			t.Errorf("%s:\n  %s", u, strings.Join(ps, "\n  "))
		}
	}

	var iv5 recommendation
	for _, r := range seed.Recommendations {
		if r.ID == "IV-5" {
			iv5 = r
		}
	}
	u := "file://" + filepath.ToSlash(alone) + "#rec-iv-5"
	tb.open(u)
	checkShown(t, name+"#rec-iv-5", show(tb, "rec-iv-5"), iv5, "IV-5", true)
	if others := ownRequestsOnly(u, tb.requested()); len(others) > 0 {
		t.Errorf("%s requests other files:\n  %s", u, strings.Join(others, "\n  "))
	}
}

// TestSingleFileEditionSearch: in the single-file edition opened alone, "/"
// focuses the search, and typing an identifier, ArrowDown and Enter move to
// the recommendation inside the page, shown in view.
func TestSingleFileEditionSearch(t *testing.T) {
	seed := loadSeed(t)
	name := "downloads/" + seed.Slug + ".html"
	b := builtFile(t, name)
	alone := copyAlone(t, seed.Slug+".html", b)
	tb := newTab(t)
	tb.open("file://" + filepath.ToSlash(alone))
	tb.press("/")
	tb.press("IV-5")
	tb.waitFor(`(() => { const r = document.getElementById("site-search-results");
		return !!r && !r.hidden && r.querySelectorAll("[role=option]").length > 0; })()`,
		name+": results listed after typing IV-5", 5*time.Second)
	tb.press(kb.ArrowDown)
	tb.press(kb.Enter)
	tb.waitFor(`/^#rec(ommendation)?-iv-5$/.test(location.hash)`, name+": ArrowDown, Enter moves to IV-5 (#rec-iv-5 or #recommendation-iv-5)", 5*time.Second)
	tb.settle()
	hash := eval[string](tb, `location.hash.slice(1)`)
	for _, r := range seed.Recommendations {
		if r.ID == "IV-5" {
			checkShown(t, name+"#"+hash+" after the search", show(tb, hash), r, "IV-5", true)
		}
	}
	if others := ownRequestsOnly("file://"+filepath.ToSlash(alone), tb.requested()); len(others) > 0 {
		t.Errorf("%s: searching requests other files:\n  %s", name, strings.Join(others, "\n  "))
	}
}

// TestOfflineZip unpacks downloads/<slug>-offline.zip into an empty folder,
// as someone who downloaded it would, and opens every page of it from
// file://: one top folder with index.html, and no page has a console error,
// a failed request or a request leaving the machine.
func TestOfflineZip(t *testing.T) {
	seed := loadSeed(t)
	name := "downloads/" + seed.Slug + "-offline.zip"
	b := builtFile(t, name)
	dir := t.TempDir()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tops := map[string]bool{}
	var pages []string
	for _, f := range zr.File {
		clean := path.Clean(f.Name)
		if strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
			t.Fatalf("%s: entry %q escapes the folder it is unpacked into", name, f.Name)
		}
		tops[strings.SplitN(clean, "/", 2)[0]] = true
		if f.FileInfo().IsDir() {
			continue
		}
		if err := unpack(f, filepath.Join(dir, filepath.FromSlash(clean))); err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		if strings.HasSuffix(clean, ".html") {
			pages = append(pages, clean)
		}
	}
	if len(tops) != 1 {
		t.Fatalf("%s: want one top folder, got %v", name, tops)
	}
	for top := range tops {
		if _, err := os.Stat(filepath.Join(dir, top, "index.html")); err != nil {
			t.Errorf("%s: no index.html in the top folder %s", name, top)
		}
	}
	tb := newTab(t)
	for _, p := range pages {
		u := "file://" + filepath.ToSlash(dir) + "/" + p
		if err := tb.tryOpen(u); err != nil {
			t.Error(err)
			continue
		}
		tb.settle()
		if page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); err == nil && bytes.Contains(page, []byte(`http-equiv="refresh"`)) {
			// the top index.html sends the reader on at once: let it land
			// before the next page is opened, which would abort it
			tb.waitFor(`location.href !== `+strconv.Quote(u)+` && document.readyState === "complete"`, p+" redirects", 10*time.Second)
			tb.settle()
		}
		if ps := tb.problems(); len(ps) > 0 {
			t.Errorf("%s in the zip:\n  %s", p, strings.Join(ps, "\n  "))
		}
	}
	t.Logf("%s: %d pages opened from the unpacked folder", name, len(pages))
}

// unpack writes one zip entry to a file.
func unpack(f *zip.File, to string) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	w, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, rc); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
