package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"factsheet/site/bundle"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/render"
)

// budget is the most the browser may download for search: assets/search.js
// and the seed's index, each gzip-compressed.
const budget = 30 * 1000

func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestBudget: the search script and the seed's index, minified as the build
// ships them, weigh at most 30 KB gzip-compressed.
func TestBudget(t *testing.T) {
	_, ix := seedIndex(t)
	index, err := ix.Script()
	if err != nil {
		t.Fatal(err)
	}
	script, err := render.Asset(os.DirFS("../../assets"), "search.js")
	if err != nil {
		t.Fatal(err)
	}
	files := output.Files{"assets/search.js": script, "x/search-index.js": index}
	if _, err := bundle.Minify(files); err != nil {
		t.Fatal(err)
	}
	t.Logf("as written: search.js %d B gzip, search-index.js %d B gzip", gzipSize(t, script), gzipSize(t, index))
	js, idx := gzipSize(t, files["assets/search.js"]), gzipSize(t, files["x/search-index.js"])
	t.Logf("minified: search.js %d B gzip (%d raw) + search-index.js %d B gzip (%d raw) = %d B, budget %d B",
		js, len(files["assets/search.js"]), idx, len(files["x/search-index.js"]), js+idx, budget)
	if js+idx > budget {
		t.Errorf("search.js (%d B) + search-index.js (%d B) = %d B gzip, over the %d B budget", js, idx, js+idx, budget)
	}
}

// TestIndexFiles: Index writes one plain script per factsheet, the same on
// every build, holding every recommendation identifier.
func TestIndexFiles(t *testing.T) {
	doc, ix := seedIndex(t)
	a, err := Index([]*factsheet.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Index([]*factsheet.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	name := doc.Meta.Slug + "/search-index.js"
	if len(a) != 1 || a[name] == nil {
		t.Fatalf("Index wrote %v, want only %s", a.Paths(), name)
	}
	if !bytes.Equal(a[name], b[name]) {
		t.Fatalf("%s differs between two builds", name)
	}
	js := string(a[name])
	const pre = "window.factsheetIndex="
	if !strings.HasPrefix(js, pre) || !strings.HasSuffix(js, ";\n") {
		t.Fatalf("%s does not read %s{...};", name, pre)
	}
	var bi browserIndex
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(js, pre), ";\n")), &bi); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	ids := map[string]bool{}
	for _, d := range bi.Docs {
		if d[0].(float64) == 0 {
			ids[d[1].(string)] = true
		}
	}
	for _, r := range doc.Recommendations {
		for _, id := range r.IDs {
			if !ids[id] {
				t.Errorf("%s has no document for recommendation %s", name, id)
			}
		}
	}
	if bi.Count != len(bi.Docs) || len(bi.Lens) != len(textFields) {
		t.Errorf("%s: n = %d for %d documents, %d field lengths for %d fields", name, bi.Count, len(bi.Docs), len(bi.Lens), len(textFields))
	}
	words := map[string]string{}
	for _, row := range bi.Terms {
		term := row[0].(string)
		for _, w := range strings.Split(row[1].(string), ",") {
			if rest, ok := strings.CutPrefix(w, "="); ok {
				words[rest] = term
			} else {
				words[term+w] = term
			}
		}
	}
	if h := ix.Analyze("helpline"); words["helplines"] != h || h == "" {
		t.Errorf("%s maps helplines → %q, bleve analyses helpline → %q: want one term", name, words["helplines"], h)
	}
}
