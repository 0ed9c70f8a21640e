package site

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the parser and the renderer free of the heavy
// dependencies: only site/search imports bleve, only site/bundle imports minify.
func TestLayering(t *testing.T) {
	rules := map[string][]string{
		"factsheet/site/factsheet": {"blevesearch", "tdewolff/minify", "factsheet/site/render"},
		"factsheet/site/render":    {"blevesearch", "tdewolff/minify"},
		"factsheet/site/search":    {"tdewolff/minify", "factsheet/site/render"},
		"factsheet/site/bundle":    {"blevesearch"},
	}
	for pkg, banned := range rules {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, b := range banned {
				if strings.Contains(dep, b) {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		}
	}
}
