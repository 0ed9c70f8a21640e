package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/output"
	"factsheet/site/serve"
)

// TestServeSeed runs the real pipeline on a copy of the seed: an edit of the
// content folder is rebuilt, announced on the event stream and served.
func TestServeSeed(t *testing.T) {
	content := t.TempDir()
	seed, err := fs.ReadFile(defaults.Content, "lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(content, "lithuania.md")
	if err := os.WriteFile(file, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := site.Config{Content: os.DirFS(content), ContentDir: "content", Templates: defaults.Templates,
		Assets: defaults.Assets, Out: filepath.Join(t.TempDir(), "public")}
	s, err := serve.New(func() (output.Files, error) {
		res, err := site.Build(cfg)
		if err != nil {
			return nil, err
		}
		return res.Files, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go serve.WatchFrom(ctx, []string{content}, serve.Fingerprint([]string{content}), 50*time.Millisecond, func() { s.Rebuild() })

	page := pageText(t, ts.URL+"/lithuania/recommendations/iv-5.html")
	if !strings.Contains(page, "Recommendation IV-5") || !strings.Contains(page, `<script src="/__reload.js" defer></script>`) {
		t.Fatalf("iv-5 page without its title or the reload script:\n%.500s", page)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+serve.EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
	}()
	if ev := <-events; ev != "hello" {
		t.Fatalf("first event %q, want hello", ev)
	}
	edited := bytes.Replace(seed, []byte("Lithuania"), []byte("Lietuva"), 1)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-events:
		if ev != "reload" {
			t.Fatalf("after an edit: event %q, want reload", ev)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no reload event within 30 s of an edit")
	}
	if s.Version() != 2 {
		t.Errorf("version %d after one edit, want 2", s.Version())
	}
	if before, after := strings.Count(page, "Lietuva"), strings.Count(pageText(t, ts.URL+"/lithuania/index.html"), "Lietuva"); before != 0 || after == 0 {
		t.Errorf("the edit does not show: %d then %d mentions of the new name", before, after)
	}
}

func pageText(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s", url, resp.Status)
	}
	return string(b)
}
