package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"factsheet/site/output"
)

// fileSite returns a build function that makes a tiny site from the text of
// dir/page.txt, failing when the text is "broken".
func fileSite(dir string) func() (output.Files, error) {
	return func() (output.Files, error) {
		b, err := os.ReadFile(filepath.Join(dir, "page.txt"))
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(string(b)) == "broken" {
			return nil, errors.New("content/page.txt:1: broken on purpose")
		}
		head := `<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;"></head>`
		return output.Files{
			"index.html":         []byte("<!DOCTYPE html><html>" + head + "<body>" + string(b) + "</body></html>"),
			"demo/index.html":    []byte("<!DOCTYPE html><html>" + head + "<body>demo</body></html>"),
			"downloads/one.html": []byte(`<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'sha256-x'"></head><body></body></html>`),
			"404.html":           []byte("<html><head></head><body>lost</body></html>"),
			"assets/style.css":   []byte("body{}"),
		}, nil
	}
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestServePages(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "page.txt"), []byte("first"), 0o644)
	s, err := New(fileSite(dir))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	cases := []struct {
		path        string
		status      int
		ctype, body string
		reload      bool
	}{
		{"/", 200, "text/html", "first", true},
		{"/index.html", 200, "text/html", "first", true},
		{"/demo/", 200, "text/html", "demo", true},
		{"/assets/style.css", 200, "text/css", "body{}", false},
		{"/downloads/one.html", 200, "text/html", "sha256-x", false},
		{"/nowhere.html", 404, "text/html", "lost", true},
		{"/a/b/c/nowhere.html", 404, "text/html", `<head><base href="/"><script`, true},
		{ReloadScript, 200, "text/javascript", "EventSource", false},
	}
	for _, c := range cases {
		status, ctype, body := get(t, ts.URL+c.path)
		if status != c.status {
			t.Errorf("%s: status %d, want %d", c.path, status, c.status)
		}
		if !strings.HasPrefix(ctype, c.ctype) || !strings.Contains(body, c.body) {
			t.Errorf("%s: %s %q, want %s with %q", c.path, ctype, body, c.ctype, c.body)
		}
		if got := strings.Contains(body, `<script src="/__reload.js" defer></script></head>`); got != c.reload {
			t.Errorf("%s: reload script injected = %v, want %v", c.path, got, c.reload)
		}
	}
	resp, err := http.Get(ts.URL + "/demo")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/demo/" {
		t.Errorf("/demo ended at %s, want a redirect to /demo/", resp.Request.URL.Path)
	}
}

// readEvent reads the next Server-Sent Event's name and data, or fails after a while.
func readEvent(t *testing.T, lines <-chan string) (string, string) {
	t.Helper()
	var name, data string
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("event stream closed")
			}
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			case line == "" && name != "":
				return name, data
			}
		case <-timeout:
			t.Fatal("no event within 10 s")
		}
	}
}

func TestServeRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.txt")
	os.WriteFile(page, []byte("first"), 0o644)
	s, err := New(fileSite(dir))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go WatchFrom(ctx, []string{dir}, Fingerprint([]string{dir}), 20*time.Millisecond, func() { s.Rebuild() })

	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events content type %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	if name, data := readEvent(t, lines); name != "hello" || data != "1" {
		t.Fatalf("first event %s %s, want hello 1", name, data)
	}

	replaceFile(t, page, "broken")
	if name, data := readEvent(t, lines); name != "failed" || !strings.Contains(data, "content/page.txt:1") {
		t.Fatalf("after a broken edit: %s %q, want failed with the problem", name, data)
	}
	if _, _, body := get(t, ts.URL+"/"); !strings.Contains(body, "first") {
		t.Errorf("a failed build must keep serving the last good site, got %q", body)
	}

	replaceFile(t, page, "second")
	if name, data := readEvent(t, lines); name != "reload" || data != "2" {
		t.Fatalf("after an edit: %s %s, want reload 2", name, data)
	}
	if _, _, body := get(t, ts.URL+"/"); !strings.Contains(body, "second") {
		t.Errorf("after the rebuild / shows %q, want the new text", body)
	}
}

// replaceFile gives path new content in one rename, as editors save, so that
// the watcher never sees the file truncated and half written.
func replaceFile(t *testing.T, path, content string) {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), filepath.Base(path)) // outside the watched folder
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	a := Fingerprint([]string{dir, filepath.Join(dir, "missing")})
	os.WriteFile(filepath.Join(dir, "x.md"), []byte("x"), 0o644)
	b := Fingerprint([]string{dir})
	if a == b {
		t.Error("adding a file must change the fingerprint")
	}
	if b != Fingerprint([]string{dir}) {
		t.Error("the fingerprint of an unchanged folder must not change")
	}
}

func TestServeFirstBuildFails(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.txt")
	os.WriteFile(page, []byte("broken"), 0o644)
	s, err := New(fileSite(dir))
	if err == nil {
		t.Fatal("New must report the failed first build")
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	status, _, body := get(t, ts.URL+"/")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "content/page.txt:1: broken on purpose") || !strings.Contains(body, ReloadScript) {
		t.Errorf("before any good build: %d %q, want 503 with the error and the reload script", status, body)
	}
	os.WriteFile(page, []byte("fixed"), 0o644)
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if status, _, body := get(t, ts.URL+"/"); status != 200 || !strings.Contains(body, "fixed") {
		t.Errorf("after the fix: %d %q", status, body)
	}
}
