package search

import (
	"os"
	"testing"

	"factsheet/site/bundle"
	"factsheet/site/output"
	"factsheet/site/render"
)

func TestZZDumpJS(t *testing.T) {
	script, _ := render.Asset(os.DirFS(os.Getenv("ASSETS")), "search.js")
	files := output.Files{"assets/search.js": script}
	bundle.Minify(files)
	os.WriteFile(os.Getenv("OUT"), files["assets/search.js"], 0o644)
}
