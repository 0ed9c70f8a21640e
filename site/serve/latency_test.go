package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/output"
	"factsheet/site/serve"
)

// BenchmarkEditToReload measures what `factsheet serve` makes a writer wait
// for: from the save of a factsheet (in a content folder of three) to the
// edited page served after the "reload" event, through the file watcher,
// the rebuild of that factsheet only and the event stream. It prints the
// median and worst of the edits. Run it with
//
//	go test -run '^$' -bench EditToReload -benchtime 20x ./site/serve
func BenchmarkEditToReload(b *testing.B) {
	content := b.TempDir()
	seed, err := fs.ReadFile(defaults.Content, "lithuania.md")
	if err != nil {
		b.Fatal(err)
	}
	for _, slug := range []string{"a", "b", "lithuania"} {
		src := bytes.Replace(seed, []byte("\nslug: lithuania\n"), []byte("\nslug: "+slug+"\n"), 1)
		if err := os.WriteFile(filepath.Join(content, slug+".md"), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg := site.Config{Content: os.DirFS(content), ContentDir: "content", Templates: defaults.Templates,
		Assets: defaults.Assets, Cache: site.NewCache()}
	s, err := serve.New(func() (output.Files, error) {
		res, err := site.Build(cfg)
		if err != nil {
			return nil, err
		}
		return res.Files, nil
	})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go serve.Watch(ctx, []string{content}, 300*time.Millisecond, func() { s.Rebuild() })
	events := eventStream(b, ctx, ts.URL+serve.EventsPath)
	var took []time.Duration
	file := filepath.Join(content, "lithuania.md")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		word := fmt.Sprintf("Edit%d", i)
		edited := bytes.Replace(seed, []byte("Lithuania"), []byte(word), 1)
		time.Sleep(20 * time.Millisecond) // the previous save's events are over
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case <-events:
		case <-time.After(30 * time.Second):
			b.Fatal("no reload within 30 s of an edit")
		}
		resp, err := http.Get(ts.URL + "/lithuania/index.html")
		if err != nil {
			b.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		took = append(took, time.Since(start))
		if !bytes.Contains(page, []byte(word)) {
			b.Fatalf("the page served after the reload does not show the edit %s", word)
		}
	}
	b.StopTimer()
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	median, worst := took[len(took)/2], took[len(took)-1]
	b.ReportMetric(float64(median.Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	b.Logf("edit to reloaded page, %d edits: median %.1f ms, worst %.1f ms (goal: under 150 ms)",
		len(took), float64(median.Microseconds())/1000, float64(worst.Microseconds())/1000)
}

// eventStream connects to the Server-Sent Events and sends on the returned
// channel at each "reload" event.
func eventStream(b *testing.B, ctx context.Context, url string) <-chan struct{} {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	out := make(chan struct{}, 8)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.TrimPrefix(sc.Text(), "event: ") == "reload" {
				out <- struct{}{}
			}
		}
	}()
	return out
}
