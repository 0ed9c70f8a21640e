package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"factsheet/site/bundle"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/render"
)

// budget is the most the browser may download for search: assets/search.js
// and the seed's index, each gzip-compressed.
const budget = 26 * 1000

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
// ships them, weigh at most 26 KB (issue 8 aims at 25 KB) gzip-compressed.
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
	if bi.Count != len(bi.Docs) {
		t.Errorf("%s: n = %d for %d documents", name, bi.Count, len(bi.Docs))
	}
	words, terms := map[string]string{}, []string{}
	var prev []rune
	for _, w := range frontCoded.FindAllString(bi.Words, -1) {
		word, term, explicit := strings.Cut(w[1:], "=")
		word = string(prev[:w[0]-'A']) + word
		prev = []rune(word)
		if !explicit {
			term = ix.lang.analyzeWord(word) // the browser stems it, as bleve analyses it
		}
		if words[word] = term; !slices.Contains(terms, term) {
			terms = append(terms, term)
		}
	}
	lines := strings.Split(bi.Post, "\n")
	if len(lines) != len(terms) || len(terms) != len(ix.postings) {
		t.Fatalf("%s: %d posting lines for %d terms of the words, %d terms indexed", name, len(lines), len(terms), len(ix.postings))
	}
	lens := make([][]int, len(textFields))
	for fi := range lens {
		lens[fi] = make([]int, bi.Count)
	}
	for i, line := range lines { // decoded as assets/search/index.js does
		fields := strings.Split(line, ";")
		for fi := range textFields {
			var got []posting
			d := 0
			if fi < len(fields) && fields[fi] != "" {
				for _, p := range strings.Split(fields[fi], " ") {
					delta, freq, _ := strings.Cut(p, ":")
					n, f := atoi(t, delta), 1
					if freq != "" {
						f = atoi(t, freq)
					}
					d += n
					got = append(got, posting{doc: d, freq: f})
					lens[fi][d] += f
				}
			}
			if want := ix.postings[terms[i]][fi]; !slices.Equal(got, want) {
				t.Errorf("%s: postings of %q in %s decode to %v, want %v", name, terms[i], textFields[fi].Name, got, want)
			}
		}
	}
	for fi := range lens {
		if !slices.Equal(lens[fi], ix.lens[fi]) {
			t.Errorf("%s: field lengths of %s summed from the frequencies differ from bleve's", name, textFields[fi].Name)
		}
	}
	if h := ix.Analyze("helpline"); words["helplines"] != h || h == "" {
		t.Errorf("%s maps helplines → %q, bleve analyses helpline → %q: want one term", name, words["helplines"], h)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q in the postings is not a number", s)
	}
	return n
}

// frontCoded matches one entry of the front-coded words.
var frontCoded = regexp.MustCompile(`[A-Z][^A-Z]*`)
