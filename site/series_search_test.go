package site_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/bundle"
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
		total := seriesSearchBytes(t, n, false)
		if n == 50 && total > seriesBudget {
			t.Errorf("a first query across 50 factsheets loads %d B gzip, over the %d B budget", total, seriesBudget)
		}
	}
}

// BenchmarkSeriesSearchBytes prints the same figures for a more realistic
// series, where each factsheet names a Party of its own, so that the texts
// naming the Party are not shared:
//
//	go test ./site -run '^$' -bench SeriesSearchBytes -benchtime 1x -v
func BenchmarkSeriesSearchBytes(b *testing.B) {
	for range b.N {
		for _, n := range []int{1, 10, 50} {
			seriesSearchBytes(b, n, true)
		}
	}
}

// seriesSearchBytes builds the series index of n factsheets of the scale
// content (with Parties of their own if parties is set), logs its size and
// returns the gzip bytes of search.js and search-index.js together.
func seriesSearchBytes(tb testing.TB, n int, parties bool) int {
	tb.Helper()
	script, err := fs.ReadFile(defaults.Assets, "search.js")
	if err != nil {
		tb.Fatal(err)
	}
	content, kind := scaleContent(tb, n), "copies of the seed"
	if parties {
		content, kind = ownParties(content), "Parties of their own"
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
	if _, err := bundle.Minify(files); err != nil {
		tb.Fatal(err)
	}
	ix, sj := gzipLen(tb, files[search.SeriesFile]), gzipLen(tb, files["assets/search.js"])
	tb.Logf("%2d factsheets (%s): search-index.js %6d B gzip (%7d raw) + search.js %5d B gzip = %6d B",
		n, kind, ix, len(files[search.SeriesFile]), sj, ix+sj)
	return ix + sj
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
