// Command bench-search compares the site's search with Pagefind on the same
// pages and the same queries, in headless Chromium over a local HTTP server.
//
// It builds the seed site (go run ./cmd/factsheet build), indexes its
// recommendation and chapter pages with the pinned Pagefind
// (node_modules/.bin/pagefind, root selector "main"), serves both on
// 127.0.0.1 with gzip for text files, runs site/search/testdata/queries.json
// through window.factsheetSearch and through Pagefind's JavaScript API, and
// prints for each side: success@5, mean reciprocal rank (over the top 10),
// bytes transferred (gzip) for the first query and for the whole set, and the
// median query time measured with performance.now().
//
// Usage, from the repository root:
//
//	go run ./scripts/bench-search [-rounds 5] [-keep] [-chromium /usr/bin/chromium]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// query is one query of the set, with the identifiers it should find.
type query struct {
	Query  string   `json:"query"`
	Expect []string `json:"expect"`
	Kind   string   `json:"kind"`
}

// side is what one search engine did with the query set in the browser.
type side struct {
	Name       string     `json:"name"`
	IDs        [][]string `json:"ids"`        // per query, the recommendation identifiers of the top 10 ("" for other pages)
	Times      []float64  `json:"times"`      // per query, milliseconds until the ranked results
	FirstBytes int        `json:"firstBytes"` // bytes transferred to answer the first query (loading included)
	AllBytes   int        `json:"allBytes"`   // bytes transferred for the whole set
	Files      int        `json:"files"`      // files fetched for the whole set
	LoadMS     float64    `json:"loadMs"`     // milliseconds to load the engine before the first query
	WithData   float64    `json:"withData"`   // Pagefind: median milliseconds with the top 10 results' data loaded
}

func main() {
	keep := flag.Bool("keep", false, "keep the temporary folder (built site and Pagefind index) and print its path")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the Chromium to run headless")
	rounds := flag.Int("rounds", 5, "times the query set is run for the median time (results and bytes are the first round's)")
	flag.Parse()
	if err := run(*keep, *chromium, max(*rounds, 1)); err != nil {
		fmt.Fprintln(os.Stderr, "bench-search:", err)
		os.Exit(1)
	}
}

func run(keep bool, chromium string, rounds int) error {
	qs, err := loadQueries("site/search/testdata/queries.json")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "bench-search-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("temporary folder:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	public := filepath.Join(tmp, "public")
	if err := build(public); err != nil {
		return err
	}
	if err := pagefind(tmp, public); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(public, "bench.html"), []byte(benchPage), 0o644); err != nil {
		return err
	}
	base, stop, err := serve(public)
	if err != nil {
		return err
	}
	defer stop()
	var sides []side
	for _, js := range []struct{ name, code string }{{"factsheet (bleve index)", oursJS}, {"Pagefind 1.6.0", pagefindJS}} {
		s, err := inBrowser(chromium, base+"bench.html", js.code, qs, rounds)
		if err != nil {
			return fmt.Errorf("%s: %w", js.name, err)
		}
		s.Name = js.name
		sides = append(sides, s)
	}
	report(qs, sides)
	return nil
}

func loadQueries(name string) ([]query, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%w (run from the repository root)", err)
	}
	var qs []query
	return qs, json.Unmarshal(b, &qs)
}

// build builds the seed site as a user would.
func build(out string) error {
	cmd := exec.Command("go", "run", "./cmd/factsheet", "build", "-out", out)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go run ./cmd/factsheet build: %w", err)
	}
	return nil
}

// pagefind indexes the pages that hold the documents the site's search
// indexes (each recommendation's page, each chapter page) with Pagefind,
// writing its bundle to public/pagefind/.
func pagefind(tmp, public string) error {
	src := filepath.Join(tmp, "pagefind-src")
	pages, err := filepath.Glob(filepath.Join(public, "*", "recommendations", "*.html"))
	if err != nil {
		return err
	}
	chapters, _ := filepath.Glob(filepath.Join(public, "*", "chapters", "*.html"))
	n := 0
	for _, p := range append(pages, chapters...) {
		if filepath.Base(p) == "index.html" {
			continue // the list of all recommendations is not a document of its own
		}
		rel, _ := filepath.Rel(public, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(src, rel)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(src, rel), b, 0o644); err != nil {
			return err
		}
		n++
	}
	cmd := exec.Command(filepath.Join("node_modules", ".bin", "pagefind"), "--site", src,
		"--output-path", filepath.Join(public, "pagefind"), "--root-selector", "main", "--quiet")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pagefind (run `npm ci` first): %w", err)
	}
	fmt.Printf("Pagefind indexed %d pages (recommendation and chapter pages, <main> only)\n", n)
	return nil
}

// serve serves dir on 127.0.0.1, gzip-compressing text files as a web server
// would; Pagefind's own files are already compressed.
func serve(dir string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	c := &counter{}
	srv := &http.Server{Handler: c.counted(gzipped(http.FileServer(http.Dir(dir)))), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

// inBrowser runs one side's code on the bench page in a fresh headless
// Chromium (empty cache) and returns what it measured.
func inBrowser(chromium, page, code string, qs []query, rounds int) (side, error) {
	dir, err := os.MkdirTemp("", "bench-chromium-")
	if err != nil {
		return side{}, err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.NoFirstRun, chromedp.UserDataDir(dir))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()
	texts := make([]string, len(qs))
	for i, q := range qs {
		texts[i] = q.Query
	}
	b, _ := json.Marshal(texts)
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return side{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[side](fmt.Sprintf("(%s)(%s, %d)", code, b, rounds), chromedp.EvalAwaitPromise))
}

// report prints both sides' figures side by side.
func report(qs []query, sides []side) {
	fmt.Printf("\n%d queries (site/search/testdata/queries.json); median ms over %d runs of the set\n\n", len(qs), len(sides[0].Times)/len(qs))
	fmt.Printf("%-24s %9s %6s %12s %10s %6s %8s %9s %10s\n", "", "success@5", "MRR", "bytes 1st q.", "bytes all", "files", "load ms", "1st q. ms", "median ms")
	for _, s := range sides {
		s5, mrr := quality(qs, s.IDs)
		fmt.Printf("%-24s %9.3f %6.3f %12d %10d %6d %8.1f %9.1f %10.3f\n", s.Name, s5, mrr, s.FirstBytes, s.AllBytes, s.Files, s.LoadMS, s.Times[0], median(s.Times))
	}
	fmt.Println("\nbytes: response bodies as sent (gzip for text files), counted by the server, workers included;")
	fmt.Println("median ms: performance.now() around search(); Pagefind's search() gives ranked results")
	fmt.Println("before their data, so its time excludes loading the top 10 results' fragments:")
	for _, s := range sides {
		if s.WithData > 0 {
			fmt.Printf("  %s, median with the top 10 results' data loaded: %.1f ms\n", s.Name, s.WithData)
		}
	}
	fmt.Println("\nmisses (expected identifiers not in the top 5):")
	for _, s := range sides {
		var miss []string
		for i, q := range qs {
			if r := rank(s.IDs[i], q.Expect); r == 0 || r > 5 {
				miss = append(miss, fmt.Sprintf("%q", q.Query))
			}
		}
		fmt.Printf("  %s (%d): %s\n", s.Name, len(miss), strings.Join(miss, ", "))
	}
}

func quality(qs []query, ids [][]string) (success5, mrr float64) {
	for i, q := range qs {
		r := rank(ids[i], q.Expect)
		if r >= 1 && r <= 5 {
			success5++
		}
		if r > 0 {
			mrr += 1 / float64(r)
		}
	}
	return success5 / float64(len(qs)), mrr / float64(len(qs))
}

// rank is the 1-based rank of the first identifier of want in got, or 0.
func rank(got, want []string) int {
	for i, id := range got {
		for _, w := range want {
			if id == w {
				return i + 1
			}
		}
	}
	return 0
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
