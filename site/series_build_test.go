package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/linkcheck"
)

// TestSeriesBuild builds the three fictional Parties of testdata/series
// twice: the sites are byte-identical, every local link and anchor resolves,
// and the report's pages, data and the series' search index are there.
func TestSeriesBuild(t *testing.T) {
	dir := t.TempDir()
	var trees []map[string][]byte
	for _, name := range []string{"one", "two"} {
		res, err := site.Build(site.Config{
			Content: os.DirFS("testdata/series"), ContentDir: "testdata/series",
			Templates: defaults.Templates, Assets: defaults.Assets,
			Out: filepath.Join(dir, name), Minify: true, Strict: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range linkcheck.Check(res.Files) {
			t.Error(p)
		}
		trees = append(trees, readTree(t, filepath.Join(dir, name)))
	}
	sameTree(t, trees[0], trees[1])
	for _, p := range []string{"reports/csgsiv/index.html", "reports/csgsiv/ii-5.html", "reports/csgsiv/recommendations.json",
		"reports/csgsiv/recommendations.csv", "search.html", "search-index.js"} {
		if _, ok := trees[0][p]; !ok {
			t.Errorf("%s was not built", p)
		}
	}
	if idx := string(trees[0]["search-index.js"]); !strings.Contains(idx, `"Utopia"`) || !strings.Contains(idx, "members") {
		t.Errorf("search-index.js is not the series' index: %.200s", idx)
	}
}
