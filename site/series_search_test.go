package site_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/bundle"
	"factsheet/site/render"
	"factsheet/site/search"
)

// seriesBudget is the most a first query across the series may load at 50
// factsheets: assets/search.js and search-index.js, minified, gzip-compressed.
const seriesBudget = 100 * 1000

// TestSeriesSearchBytes measures what the root page loads for its first
// query (the search script and the series index, minified and gzipped) with
// 1, 10 and 50 factsheets of the scale benchmark's content, and holds the
// 50 to seriesBudget.
func TestSeriesSearchBytes(t *testing.T) {
	for _, n := range []int{1, 10, 50} {
		total := seriesSearchBytes(t, n, copies)
		if n == 50 && total > seriesBudget {
			t.Errorf("a first query across 50 factsheets loads %d B gzip, over the %d B budget", total, seriesBudget)
		}
	}
	// half of them French: the index carries the French terms apart, and
	// the page loads the French stemmer too
	if total := seriesSearchBytes(t, 50, halfFrench); total > seriesBudget {
		t.Errorf("a first query across 50 factsheets, half French, loads %d B gzip, over the %d B budget", total, seriesBudget)
	}
}

// The contents seriesSearchBytes measures.
const (
	copies     = iota // copies of the seed
	parties           // copies of the seed, each with a Party of its own
	halfFrench        // every other copy of the seed replaced by one of the French fixture
)

// BenchmarkSeriesSearchBytes prints the same figures for a more realistic
// series, where each factsheet names a Party of its own, so that the texts
// naming the Party are not shared:
//
//	go test ./site -run '^$' -bench SeriesSearchBytes -benchtime 1x -v
func BenchmarkSeriesSearchBytes(b *testing.B) {
	for range b.N {
		for _, n := range []int{1, 10, 50} {
			seriesSearchBytes(b, n, parties)
		}
	}
}

// seriesSearchBytes builds the series index of n factsheets of the scale
// content (see copies, parties, halfFrench), logs its size and returns the
// gzip bytes of search.js, search-index.js and the French stemmer where a
// factsheet is French, together.
func seriesSearchBytes(tb testing.TB, n int, variant int) int {
	tb.Helper()
	script, err := render.Asset(defaults.Assets, "search.js")
	if err != nil {
		tb.Fatal(err)
	}
	content, kind := scaleContent(tb, n), "copies of the seed"
	switch variant {
	case parties:
		content, kind = ownParties(content), "Parties of their own"
	case halfFrench:
		content, kind = withFrench(tb, content), "half of them French"
	}
	docs, problems, err := site.Load(content, "content")
	if err != nil || problems.HasErrors() {
		tb.Fatalf("%d factsheets: %v %v", n, err, problems)
	}
	files, err := search.IndexSeries(docs)
	if err != nil {
		tb.Fatal(err)
	}
	files["assets/search.js"] = script
	if variant == halfFrench {
		if files["assets/stem-fr.js"], err = fs.ReadFile(defaults.Assets, "stem-fr.js"); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := bundle.Minify(files); err != nil {
		tb.Fatal(err)
	}
	ix, sj, fr := gzipLen(tb, files[search.SeriesFile]), gzipLen(tb, files["assets/search.js"]), 0
	stemmer := ""
	if files["assets/stem-fr.js"] != nil {
		fr = gzipLen(tb, files["assets/stem-fr.js"])
		stemmer = fmt.Sprintf(" + stem-fr.js %d B gzip", fr)
	}
	tb.Logf("%2d factsheets (%s): search-index.js %6d B gzip (%7d raw) + search.js %5d B gzip%s = %6d B",
		n, kind, ix, len(files[search.SeriesFile]), sj, stemmer, ix+sj+fr)
	return ix + sj + fr
}

// withFrench replaces every other factsheet of content by a copy of the
// French fixture (site/factsheet/testdata/i18n/ruritanie.md) of its own slug.
func withFrench(tb testing.TB, content fstest.MapFS) fstest.MapFS {
	tb.Helper()
	fr, err := os.ReadFile("factsheet/testdata/i18n/ruritanie.md")
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Contains(fr, []byte("\nslug: ruritanie\n")) {
		tb.Fatal("the French fixture's front matter has no line 'slug: ruritanie' to vary")
	}
	out := fstest.MapFS{}
	for i, name := range sortedNames(content) {
		if i%2 == 0 {
			out[name] = content[name]
			continue
		}
		slug := fmt.Sprintf("ruritanie-%02d", i)
		src := bytes.Replace(fr, []byte("\nslug: ruritanie\n"), []byte("\nslug: "+slug+"\n"), 1)
		out[slug+".md"] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	return out
}

func gzipLen(t testing.TB, b []byte) int {
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

// ownParties gives each factsheet of the scale content a Party of its own:
// "Lithuania" becomes "Party-01", "Party-02", ... in the front matter and
// the text, so that the texts naming the Party differ between factsheets
// (a more realistic series than copies).
func ownParties(content fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	i := 0
	for _, name := range sortedNames(content) {
		i++
		party := fmt.Sprintf("Party-%02d", i)
		src := bytes.ReplaceAll(content[name].Data, []byte("Lithuania"), []byte(party))
		src = bytes.ReplaceAll(src, []byte("LITHUANIA"), []byte(strings.ToUpper(party)))
		out[name] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	return out
}

func sortedNames(m fstest.MapFS) []string {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
