package rawzip

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWriteReadsBack: an archive written from entries deflated ahead of
// time opens with archive/zip, holds each file under its name, in order,
// with its content and the header fields stamp set, and the same entries
// always give the same bytes (also from several goroutines sharing one
// Deflater).
func TestWriteReadsBack(t *testing.T) {
	contents := map[string]string{
		"a.txt":     "hello",
		"dir/b.css": strings.Repeat("body { color: #222 }\n", 200),
		"empty":     "",
	}
	names := []string{"dir/b.css", "a.txt", "empty"} // not sorted: the order given is kept
	d := NewDeflater(6)
	build := func() []byte {
		files := make([]File, len(names))
		var wg sync.WaitGroup
		for i, name := range names {
			wg.Add(1)
			go func() {
				defer wg.Done()
				e, err := d.Deflate([]byte(contents[name]))
				if err != nil {
					t.Error(err)
				}
				files[i] = File{Name: name, Entry: e}
			}()
		}
		wg.Wait()
		out, err := Write(files, func(h *zip.FileHeader) {
			h.ModifiedDate = 1<<5 | 1 // 1980-01-01
			h.SetMode(0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := build()
	if again := build(); !bytes.Equal(first, again) {
		t.Fatal("the same entries gave different archives")
	}
	r, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.File) != len(names) {
		t.Fatalf("%d files, want %d", len(r.File), len(names))
	}
	for i, f := range r.File {
		if f.Name != names[i] {
			t.Errorf("file %d is %q, want %q", i, f.Name, names[i])
		}
		if f.Mode().Perm() != 0o644 || !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: mode %v, modified %v; want 0644 and 1980-01-01", f.Name, f.Mode(), f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the CRC-32 and the size too
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if string(b) != contents[f.Name] {
			t.Errorf("%s: content %q, want %q", f.Name, b, contents[f.Name])
		}
	}
}

// pages are HTML-like texts of a few sizes, the same on every run.
func pages() [][]byte {
	words := strings.Fields("the party shall report on measures taken to implement article " +
		"of convention emissions national plan table figure annex energy transport data year")
	r := rand.New(rand.NewPCG(1, 2))
	var out [][]byte
	for _, size := range []int{2 << 10, 8 << 10, 30 << 10, 120 << 10} {
		var b bytes.Buffer
		for b.Len() < size {
			b.WriteString("<p class=\"x\">")
			for range 12 {
				b.WriteString(words[r.IntN(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString("</p>\n")
		}
		out = append(out, b.Bytes())
	}
	return out
}

// BenchmarkDeflate deflates pages of a few sizes with one Deflater.
func BenchmarkDeflate(b *testing.B) {
	src := pages()
	d := NewDeflater(6)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range src {
			if _, err := d.Deflate(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWrite packs entries deflated ahead of time into an archive.
func BenchmarkWrite(b *testing.B) {
	d := NewDeflater(6)
	var files []File
	for i, p := range pages() {
		e, err := d.Deflate(p)
		if err != nil {
			b.Fatal(err)
		}
		for j := range 10 {
			files = append(files, File{Name: fmt.Sprintf("dir%d/page%d.html", j, i), Entry: e})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(files, nil); err != nil {
			b.Fatal(err)
		}
	}
}
