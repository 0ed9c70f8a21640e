package main

import (
	"compress/gzip"
	"fmt"
	"net/http"
	"path"
	"strings"
	"sync"
)

// benchPage is the empty page both engines run in: no Content-Security-Policy,
// which Pagefind's WebAssembly would need relaxed ('wasm-unsafe-eval').
const benchPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`

// bytesJS asks the server how many bytes (as sent, compressed) and files it
// served since the last reset; it counts requests from workers too, which the
// page's Resource Timing would miss.
const bytesJS = `async (reset) => (await fetch(reset ? "/__bench/reset" : "/__bench/bytes", {cache: "no-store"})).json()`

// oursJS loads the seed's search-index.js and search.js with <script> tags, as
// the site's pages do, then answers every query with window.factsheetSearch.
const oursJS = `async (queries, rounds) => {
	const bytes = ` + bytesJS + `;
	await bytes(true);
	const load = src => new Promise((ok, ko) => { const s = document.createElement("script");
		s.src = src; s.onload = ok; s.onerror = () => ko(new Error("cannot load " + src)); document.head.appendChild(s); });
	const t0 = performance.now();
	await load("lithuania/search-index.js");
	await load("assets/search.js");
	const loadMs = performance.now() - t0;
	const ids = [], times = [];
	let firstBytes = 0;
	for (const q of queries) {
		const t = performance.now();
		const hits = window.factsheetSearch.search(q, {limit: 10});
		times.push(performance.now() - t);
		ids.push(hits.map(h => h.kind === "recommendation" ? h.id : ""));
		if (!firstBytes) firstBytes = (await bytes())[0];
	}
	const [allBytes, files] = await bytes();
	for (let k = 1; k < rounds; k++) for (const q of queries) {
		const t = performance.now();
		window.factsheetSearch.search(q, {limit: 10});
		times.push(performance.now() - t);
	}
	return {ids, times, firstBytes, allBytes, files, loadMs};
}`

// pagefindJS loads Pagefind's bundle, then answers every query with
// pagefind.search, loading the data of the top 10 results to learn their
// addresses. Times are those of search() alone; withData is the median with
// the data of the top 10 loaded.
const pagefindJS = `async (queries, rounds) => {
	const bytes = ` + bytesJS + `;
	await bytes(true);
	const t0 = performance.now();
	const pf = await import("/pagefind/pagefind.js");
	await pf.init();
	const loadMs = performance.now() - t0;
	const ids = [], times = [], withData = [];
	let firstBytes = 0;
	for (const q of queries) {
		const t = performance.now();
		const res = await pf.search(q);
		times.push(performance.now() - t);
		const data = await Promise.all(res.results.slice(0, 10).map(r => r.data()));
		withData.push(performance.now() - t);
		ids.push(data.map(d => { const m = /\/recommendations\/([a-z]+-[0-9]+)(\.html)?$/.exec(d.url); return m ? m[1].toUpperCase() : ""; }));
		if (!firstBytes) firstBytes = (await bytes())[0];
	}
	const [allBytes, files] = await bytes();
	for (let k = 1; k < rounds; k++) for (const q of queries) {
		const t = performance.now();
		const res = await pf.search(q);
		times.push(performance.now() - t);
		await Promise.all(res.results.slice(0, 10).map(r => r.data()));
		withData.push(performance.now() - t);
	}
	withData.sort((a, b) => a - b);
	return {ids, times, firstBytes, allBytes, files, loadMs, withData: withData[withData.length >> 1]};
}`

// compressible are the extensions a web server would gzip; Pagefind's
// fragments and WebAssembly are stored compressed already.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".json": true, ".csv": true, ".svg": true}

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w gzipWriter) Write(b []byte) (int, error) { return w.gz.Write(b) }

// gzipped compresses the text files h serves when the browser accepts gzip.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !compressible[path.Ext(r.URL.Path)] || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		r.Header.Del("Range")
		h.ServeHTTP(gzipWriter{ResponseWriter: w, gz: gz}, r)
	})
}

// counter counts what the server sends, compressed, between resets.
type counter struct {
	mu           sync.Mutex
	bytes, files int
}

type countingWriter struct {
	http.ResponseWriter
	c *counter
}

func (w countingWriter) Write(b []byte) (int, error) {
	w.c.mu.Lock()
	w.c.bytes += len(b)
	w.c.mu.Unlock()
	return w.ResponseWriter.Write(b)
}

// counted serves /__bench/reset and /__bench/bytes ([bytes, files] since the
// last reset) and counts every other response of h.
func (c *counter) counted(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		switch r.URL.Path {
		case "/__bench/reset", "/__bench/bytes":
			if r.URL.Path == "/__bench/reset" {
				c.bytes, c.files = 0, 0
			}
			fmt.Fprintf(w, "[%d,%d]", c.bytes, c.files)
			c.mu.Unlock()
			return
		}
		if r.URL.Path == "/favicon.ico" {
			c.mu.Unlock()
			http.NotFound(w, r) // asked by the browser itself, not by either engine
			return
		}
		c.files++
		c.mu.Unlock()
		h.ServeHTTP(countingWriter{ResponseWriter: w, c: c}, r)
	})
}
