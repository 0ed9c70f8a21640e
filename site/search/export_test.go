package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"factsheet/site/bundle"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/render"
)

// budget is the most the browser may download for search: assets/search.js
// and the seed's index, each gzip-compressed (issue 8: 25 KB).
const budget = 25 * 1000

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
// ships them, weigh at most 25 KB gzip-compressed.
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
	bi := decodeScript(t, name, a[name])
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
	checkDecoded(t, name, bi, ix.corpus)
	if len(bi.Fix) > 0 {
		t.Errorf("%s: the browser does not tokenise %d fields as bleve does: %v", name, len(bi.Fix), bi.Fix)
	}
	if h := ix.Analyze("helpline"); ix.words["helplines"] != h || h == "" {
		t.Errorf("%s maps helplines → %q, bleve analyses helpline → %q: want one term", name, ix.words["helplines"], h)
	}
}

// TestIndexFix: where the browser's tokenisation of a field differs from
// bleve's (a soft hyphen, as PDF conversion leaves, is inside a word for
// bleve and splits it for the browser; bleve cuts Han text into characters),
// the index gives bleve's terms of that field, and the words only that
// field holds.
func TestIndexFix(t *testing.T) {
	recs := []record{
		{Kind: KindRecommendation, ID: "I-1", Title: "I-1", Chapter: "I. One", Text: "Pay 1,000 euros for co\u00adoperation now.", Context: "Fees 日本"},
		{Kind: KindSection, Title: "Rules", URL: "x/chapters/i.html#rules", Chapter: "I. One", Text: "Rules of e.g. fees, operation and helplines."},
	}
	c, err := analyseRecords(recs, languageOf("en"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.script("x")
	if err != nil {
		t.Fatal(err)
	}
	bi := decodeScript(t, "fixture", b)
	want := [][3]any{{0.0, 0.0, "1,000 co\u00adoper euro now pai"}, {0.0, 4.0, "fee 日 本"}}
	if !slices.Equal(bi.Fix, want) {
		t.Errorf("fix = %q, want %q", bi.Fix, want)
	}
	if got, want := bi.Words, "1,000 co\u00adoperation euros now pay 日 本"; got != want {
		t.Errorf("words = %q, want %q: the words only the fixed fields give", got, want)
	}
	checkDecoded(t, "fixture", bi, c)
}

// decodeScript reads a browser index script.
func decodeScript(t *testing.T, name string, js []byte) *browserIndex {
	t.Helper()
	const pre = "window.factsheetIndex="
	s := string(js)
	if !strings.HasPrefix(s, pre) || !strings.HasSuffix(s, ";\n") {
		t.Fatalf("%s does not read %s{...};", name, pre)
	}
	var bi browserIndex
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, pre), ";\n")), &bi); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &bi
}

// checkDecoded decodes a browser index as assets/search/index.js does (bleve's
// analysis of a word standing for the browser's, which the browser tests
// compare) and checks that it gives the corpus's words, postings and field
// lengths.
func checkDecoded(t *testing.T, name string, bi *browserIndex, c *corpus) {
	t.Helper()
	words := map[string]string{}
	for _, e := range strings.Fields(bi.Words) {
		w, term, explicit := strings.Cut(e, "=")
		if !explicit {
			term = c.lang.analyzeWord(w)
		}
		words[w] = term
	}
	fixed := map[[2]int][]string{}
	for _, f := range bi.Fix {
		fixed[[2]int{int(f[0].(float64)), int(f[1].(float64))}] = strings.Fields(f[2].(string))
	}
	postings := map[string][][]posting{}
	lens := make([][]int, len(textFields))
	for fi := range lens {
		lens[fi] = make([]int, len(bi.Docs))
	}
	for n, d := range bi.Docs {
		for fi, f := range textFields {
			terms, ok := fixed[[2]int{n, fi}]
			if !ok {
				for _, m := range tokenPattern().FindAllString(browserField(bi, d, f.Name), -1) {
					w := normalizeWord(m)
					term, known := words[w]
					if !known {
						term = c.lang.analyzeWord(w)
					}
					if term != "" {
						words[w] = term
						terms = append(terms, term)
					}
				}
			}
			freq := map[string]int{}
			for _, term := range terms {
				freq[term]++
			}
			for term, k := range freq {
				if postings[term] == nil {
					postings[term] = make([][]posting, len(textFields))
				}
				postings[term][fi] = append(postings[term][fi], posting{doc: n, freq: k})
			}
			lens[fi][n] = len(terms)
		}
	}
	if !maps.Equal(words, c.words) {
		t.Errorf("%s: the word → term map decodes to %d words, bleve's corpus has %d (or other terms)", name, len(words), len(c.words))
	}
	indexed := c.postings()
	if len(postings) != len(indexed) {
		t.Errorf("%s: %d terms decoded, %d indexed", name, len(postings), len(indexed))
	}
	for term, want := range indexed {
		for fi := range textFields {
			if got := postings[term][fi]; !slices.Equal(got, want[fi]) {
				t.Errorf("%s: postings of %q in %s decode to %v, want %v", name, term, textFields[fi].Name, got, want[fi])
			}
		}
	}
	for fi := range lens {
		if !slices.Equal(lens[fi], c.lens[fi]) {
			t.Errorf("%s: field lengths of %s decode to %v, bleve's are %v", name, textFields[fi].Name, lens[fi], c.lens[fi])
		}
	}
}

// browserField is the text of a field of a document of the browser index,
// as assets/search/index.js finds it.
func browserField(bi *browserIndex, d []any, field string) string {
	idx := func(v any) int { return int(v.(float64)) }
	rec := d[0].(float64) == 0
	switch {
	case field == fieldChapter:
		return bi.Chaps[idx(d[3])]
	case field == fieldText && rec, field == fieldBody && !rec:
		return bi.Texts[idx(d[4])]
	case field == fieldHeading && !rec:
		return d[1].(string)
	case field == fieldContext && rec:
		return bi.Contexts[idx(d[5])]
	}
	return ""
}
