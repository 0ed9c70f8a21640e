// Package serve is the development server of `factsheet serve`: it serves a
// built site from memory, rebuilds it when its sources change, and makes the
// open pages reload through Server-Sent Events.
//
// Every HTML page it serves gets one external script, <script
// src="/__reload.js" defer>, served only here (the pages' Content-Security-Policy
// forbids inline scripts). The script listens on /__events and reloads the
// page on each "reload" event. Pages whose policy does not allow 'self'
// scripts (the single-file edition, whose scripts are allowed by hash) are
// served untouched.
package serve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"path"
	"strings"
	"sync"

	"factsheet/site/output"
)

// ReloadScript is the path of the script injected into the pages.
const ReloadScript = "/__reload.js"

// EventsPath is the path of the Server-Sent Events stream.
const EventsPath = "/__events"

// reloadJS listens to the events and reloads the page after each new build.
const reloadJS = `(function () {
  var events = new EventSource("` + EventsPath + `");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("failed", function (e) { console.warn("factsheet serve: build failed: " + e.data); });
})();
`

// Server serves the last good build and tells the open pages when a new one is ready.
type Server struct {
	build func() (output.Files, error) // builds the whole site in memory

	mu      sync.RWMutex
	files   output.Files
	version int   // number of successful builds
	lastErr error // error of the last build, nil if it succeeded
	clients map[chan event]bool
}

// event is one Server-Sent Event.
type event struct{ name, data string }

// New builds the site once with build and returns a Server for it; build is
// called again by Rebuild. If this first build fails, the Server is returned
// with the error: until a build succeeds it answers every page with the
// error, on a page that reloads once the sources are fixed.
func New(build func() (output.Files, error)) (*Server, error) {
	s := &Server{build: build, clients: map[chan event]bool{}}
	return s, s.Rebuild()
}

// Rebuild builds the site again. On success the new site is served and every
// open page is told to reload; on failure the previous site stays and the
// pages get a "failed" event with the error.
func (s *Server) Rebuild() error {
	files, err := s.build()
	s.mu.Lock()
	s.lastErr = err
	ev := event{name: "failed", data: fmt.Sprint(err)}
	if err == nil {
		s.files = files
		s.version++
		ev = event{name: "reload", data: fmt.Sprint(s.version)}
	}
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a slow client misses this event; it gets the next one
		}
	}
	s.mu.Unlock()
	return err
}

// Version returns the number of successful builds so far.
func (s *Server) Version() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// ServeHTTP serves the site, the reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case ReloadScript:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, reloadJS)
		return
	case EventsPath:
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	files, lastErr := s.files, s.lastErr
	s.mu.RUnlock()
	if files == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=\"en\"><head><title>Build failed</title>"+
			"<script src=\"%s\" defer></script></head><body><h1>Build failed</h1><pre>%s</pre>"+
			"<p>Fix the sources: this page reloads when a build succeeds.</p></body></html>",
			ReloadScript, html.EscapeString(fmt.Sprint(lastErr)))
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	status := http.StatusOK
	b, ok := files[name]
	if !ok {
		if _, isDir := files[name+"/index.html"]; isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name, status = "404.html", http.StatusNotFound
		if b, ok = files[name]; !ok {
			http.NotFound(w, r)
			return
		}
		b = withRootBase(b)
	}
	if path.Ext(name) == ".html" {
		b = inject(b)
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(b)
	}
}

// events streams the Server-Sent Events until the client goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %d\n\n", s.Version())
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, strings.ReplaceAll(ev.data, "\n", "\ndata: "))
			flusher.Flush()
		}
	}
}

// inject adds the reload script before </head>, unless the page's
// Content-Security-Policy would block it.
func inject(page []byte) []byte {
	if i := bytes.Index(page, []byte("Content-Security-Policy")); i >= 0 {
		end := bytes.IndexByte(page[i:], '>')
		if end < 0 || !bytes.Contains(page[i:i+end], []byte("script-src 'self'")) &&
			!bytes.Contains(page[i:i+end], []byte("script-src &#39;self&#39;")) {
			return page
		}
	}
	tag := []byte(`<script src="` + ReloadScript + `" defer></script>`)
	at := bytes.Index(page, []byte("</head>"))
	if at < 0 {
		return append(append([]byte(nil), page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// withRootBase gives the 404 page, shown for a missing address at any depth,
// a <base href="/"> before anything in its head that loads or links: serve
// publishes the site at the root, so the page's relative links and
// stylesheets work wherever it is shown (the page's own script cannot find
// the root when no folder of the address is one of the site's). A page
// with a <base> of its own is left as it is.
func withRootBase(page []byte) []byte {
	if bytes.Contains(page, []byte("<base ")) {
		return page
	}
	at := bytes.Index(page, []byte("<head>"))
	if at >= 0 {
		at += len("<head>")
	} else if at = bytes.Index(page, []byte("<meta")); at < 0 {
		return page
	}
	tag := []byte(`<base href="/">`)
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// contentTypes are the media types of the site's files, fixed rather than read
// from the system.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".csv":  "text/csv; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".xml":  "application/xml",
	".txt":  "text/plain; charset=utf-8",
	".zip":  "application/zip",
}

func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}
