package site_test

import (
	"os"
	"strings"
	"testing"

	defaults "factsheet"
	"factsheet/site"
)

// TestStreamedEditions: the streamed build knows every factsheet before it
// renders any, so the French and English editions of the i18n fixture link
// to each other (hreflang alternates, the sitemap's xhtml:link) on the pages
// any render worker writes, and each edition's search speaks its language.
func TestStreamedEditions(t *testing.T) {
	res, err := site.Build(site.Config{
		Content: os.DirFS("factsheet/testdata/i18n"), ContentDir: "testdata/i18n",
		Templates: defaults.Templates, Assets: defaults.Assets,
		BaseURL: "https://example.org/fs/",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ page, want string }{
		{"ruritanie/index.html", `hreflang="en" href="https://example.org/fs/ruritania/"`},
		{"ruritania/index.html", `hreflang="fr" href="https://example.org/fs/ruritanie/"`},
		{"ruritanie/recommendations/index.html", `hreflang="en" href="https://example.org/fs/ruritania/recommendations/"`},
		{"ruritanie/chapters/ii.html", `hreflang="en" href="https://example.org/fs/ruritania/chapters/ii.html"`},
		{"ruritania/search.html", `hreflang="fr"`},
		{"downloads/ruritanie.html", `hreflang="en" href="https://example.org/fs/downloads/ruritania.html"`},
		{"sitemap.xml", `<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/fs/ruritanie/"`},
		{"ruritanie/search-index.js", `"lang":"fr"`},
		{"ruritanie/search.html", `assets/stem-fr.js`},
		{"assets/i18n/fr.js", `window.factsheetMessages`},
	} {
		if b, ok := res.Files[c.page]; !ok {
			t.Errorf("%s not built", c.page)
		} else if !strings.Contains(string(b), c.want) {
			t.Errorf("%s lacks %s", c.page, c.want)
		}
	}
	if strings.Contains(string(res.Files["ruritania/search-index.js"]), `"lang"`) {
		t.Error("the English index names a language: the browser would not use its own English analysis")
	}
}
