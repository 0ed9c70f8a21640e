package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"factsheet/site"
	"factsheet/site/output"
	"factsheet/site/serve"
)

// runServe builds the site, serves it on -addr and rebuilds it whenever the
// content, templates or assets folders change, reloading the open pages.
// Unlike build, serve uses ./templates and ./assets when they exist (so that
// editing them shows at once) and does not minify unless asked.
func runServe(args []string) int {
	fl := newFlags("serve")
	var src sourceFlags
	src.register(fl)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on")
	minify := fl.Bool("minify", false, "minify the pages, as build does")
	interval := fl.Duration("poll", 300*time.Millisecond, "how often to look for changed files")
	allow := allowNoUrgency(fl)
	if code, done := parseFlags(fl, args); done {
		return code
	}
	for _, d := range []struct {
		flag *string
		dir  string
	}{{&src.templates, "templates"}, {&src.assets, "assets"}} {
		if st, err := os.Stat(d.dir); *d.flag == "" && err == nil && st.IsDir() {
			*d.flag = d.dir
		}
	}
	cfg, err := src.config()
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet serve:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "factsheet-serve-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet serve:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	cfg.Out, cfg.Minify, cfg.AllowNoUrgency = filepath.Join(tmp, "public"), *minify, *allow
	srv, _ := serve.New(builder(cfg)) // a failed first build is shown in the browser until fixed
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet serve:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go serve.Watch(ctx, watched(src), *interval, func() { srv.Rebuild() })
	hs := &http.Server{Handler: srv}
	go func() {
		<-ctx.Done()
		hs.Close()
	}()
	fmt.Fprintf(os.Stderr, "serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := hs.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(os.Stderr, "factsheet serve:", err)
		return 1
	}
	return 0
}

// builder returns the function that builds the site for serve, logging each build.
func builder(cfg site.Config) func() (output.Files, error) {
	return func() (output.Files, error) {
		start := time.Now()
		res, err := site.Build(cfg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "factsheet serve: build failed, still serving the previous site:", err)
			return nil, err
		}
		fmt.Fprintf(os.Stderr, "built %d files in %.0f ms\n", len(res.Files), float64(time.Since(start).Microseconds())/1000)
		return res.Files, nil
	}
}

// watched lists the source folders on disk that serve watches.
func watched(src sourceFlags) []string {
	var dirs []string
	for _, d := range []string{src.content, src.templates, src.assets} {
		if st, err := os.Stat(d); d != "" && err == nil && st.IsDir() {
			dirs = append(dirs, d)
		}
	}
	return dirs
}
