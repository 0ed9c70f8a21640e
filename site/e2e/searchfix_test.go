package e2e

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/search"
)

// TestSearchFixedFields: where the browser would cut a field's text into
// words otherwise than bleve does (a soft hyphen, as PDF conversion leaves,
// inside "co­operation"; Han text, which bleve cuts into characters), the
// index gives bleve's terms of that field (its fix) and the browser's top 3
// are still bleve's. The seed, so altered in memory, is indexed and its
// index loaded in a page of the built site in place of the seed's.
func TestSearchFixedFields(t *testing.T) {
	src, err := fs.ReadFile(defaults.Content, seedSlug+".md")
	if err != nil {
		t.Fatal(err)
	}
	altered := strings.ReplaceAll(string(src), "cooperation", "co\u00adoperation")
	altered = strings.Replace(altered, "helplines", "helplines 児童保護", 1)
	docs, problems, err := site.Load(fstest.MapFS{seedSlug + ".md": {Data: []byte(altered)}}, "content")
	if err != nil || problems.HasErrors() || len(docs) != 1 {
		t.Fatalf("the altered seed: %v %v", err, problems)
	}
	script, err := search.IndexScript(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tb := newTab(t)
	tb.open(fileURL(seedSlug + "/index.html")) // a page that has not loaded its index yet
	if fixes := eval[int](tb, string(script)+"window.factsheetIndex.fix.length"); fixes == 0 {
		t.Fatal("the altered seed's index gives no field's terms: the test would not test them")
	}
	qs := append(searchQueries(t), "cooperation", "international cooperation", "co", "operation", "児", "helplines 保")
	qs = append(qs, generatedQueries(ix.Words(), 200)...)
	agreesWithBleveTop3(t, tb, ix, qs)
}
