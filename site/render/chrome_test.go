package render

import (
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site/factsheet"
)

// TestChromeFieldsOnly checks that the header and footer, rendered once for
// many pages, cannot show a field that differs between those pages: a
// layout-top using the page's title fails the build instead of showing the
// first page's title on every page.
func TestChromeFieldsOnly(t *testing.T) {
	tpl := templatesCopy(t)
	layout := string(tpl["layout.html"].Data)
	edited := strings.Replace(layout, `{{define "layout-top"}}`, `{{define "layout-top"}}<!-- {{.Title}} -->`, 1)
	if edited == layout {
		t.Fatal("layout.html defines no layout-top")
	}
	tpl["layout.html"] = &fstest.MapFile{Data: []byte(edited)}
	_, err := Site([]*factsheet.Document{fixture(t)}, Options{Templates: tpl, Assets: defaults.Assets})
	if err == nil || !strings.Contains(err.Error(), "Title") {
		t.Errorf("a layout-top showing the page's title gave %v, want an error naming Title", err)
	}
}

// TestFramesPerDepth checks that pages at different depths of one
// factsheet, rendered by one docSite, get headers with their own root.
func TestFramesPerDepth(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	for page, root := range map[string]string{
		"lithuania/index.html":                 `data-root="../"`,
		"lithuania/recommendations/ii-2.html":  `data-root="../../"`,
		"lithuania/chapters/ii.html":           `data-root="../../"`,
		"lithuania/recommendations/index.html": `data-root="../../"`,
	} {
		mustHave(t, files, page, root)
	}
}
