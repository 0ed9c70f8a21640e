package factsheet

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse parses every factsheet of the real content, content/*.md.
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob("../../content/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no content: %v", err)
	}
	srcs := make([][]byte, len(files))
	for i, f := range files {
		if srcs[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, src := range srcs {
			if doc, ps := Parse(files[j], src); doc == nil {
				b.Fatalf("%s: %v", files[j], ps)
			}
		}
	}
}
