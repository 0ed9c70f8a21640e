package render

import (
	"os"
	"path/filepath"
	"testing"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// seedDoc parses the real seed factsheet.
func seedDoc(t testing.TB) *factsheet.Document {
	t.Helper()
	src, err := os.ReadFile("../../content/lithuania.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := factsheet.Parse("content/lithuania.md", src)
	if doc == nil {
		t.Fatal("the seed did not parse")
	}
	return doc
}

// renderSeed renders the seed with the embedded templates and assets.
func renderSeed(t testing.TB, base string) output.Files {
	t.Helper()
	files, err := Site([]*factsheet.Document{seedDoc(t)}, Options{Templates: defaults.Templates, Assets: defaults.Assets, BaseURL: base})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestWriteSeed writes the rendered seed into $RENDER_OUT, for looking at it.
func TestWriteSeed(t *testing.T) {
	out := os.Getenv("RENDER_OUT")
	if out == "" {
		t.Skip("set RENDER_OUT=dir to write the rendered seed there")
	}
	for p, b := range renderSeed(t, os.Getenv("RENDER_BASE")) {
		full := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
