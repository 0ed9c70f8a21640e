package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenshotPages are the pages of issue 9's explorer and action plan, as
// people open them: the explorer filtered, the action plan with its switch on,
// the single-file edition's list filtered, a recommendation page with its Articles.
var screenshotPages = []string{
	seedSlug + "/recommendations/index.html",
	seedSlug + "/recommendations/index.html?urgency=require,request&chapter=iv",
	seedSlug + "/action-plan.html",
	seedSlug + "/action-plan.html?include=invite",
	seedSlug + "/recommendations/iv-5.html",
	seedSlug + "/index.html",
	"downloads/" + seedSlug + ".html#recommendations?urgency=require",
}

// TestScreenshots writes a PNG of what each page shows on opening, 1400 px
// tall, at 1280 and 360 px wide, light and dark, into $FACTSHEET_SCREENSHOTS, for people to look at;
// it checks nothing else, and does nothing without that variable.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("FACTSHEET_SCREENSHOTS")
	if dir == "" {
		t.Skip("set FACTSHEET_SCREENSHOTS=<folder> to write screenshots of the explorer and action plan pages")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, tb, scheme)
		for _, width := range []int64{1280, 360} {
			if err := tb.do(chromedp.EmulateViewport(width, 1400)); err != nil {
				t.Fatal(err)
			}
			for _, page := range screenshotPages {
				tb.open(fileURL(page))
				tb.settle()
				ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				cancel()
				if err != nil {
					t.Fatalf("%s: %v", page, err)
				}
				name := strings.NewReplacer("/", "_", "?", "_", "#", "_", "&", "_", ",", "-", "=", "-").Replace(page)
				out := filepath.Join(dir, name+"-"+scheme+"-"+itoa(width)+".png")
				if err := os.WriteFile(out, png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// itoa formats a width for a file name.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
