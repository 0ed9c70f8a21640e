package site_test

import (
	"bytes"
	"testing"

	defaults "factsheet"
	"factsheet/site"
)

// TestCacheRebuildsOnlyTheEdited: with a Cache, the build after an edit of
// one factsheet gives the files a full build gives, byte for byte, and
// reuses the files of the factsheets that did not change.
func TestCacheRebuildsOnlyTheEdited(t *testing.T) {
	content := scaleContent(t, 3)
	cfg := site.Config{Content: content, ContentDir: "content", Templates: defaults.Templates,
		Assets: defaults.Assets, Minify: true, Cache: site.NewCache()}
	first, err := site.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	edited := content["lithuania-02.md"]
	edited.Data = bytes.Replace(edited.Data, []byte("Lithuania"), []byte("Lietuva"), 1)
	second, err := site.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Cache = nil
	full, err := site.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Files) != len(full.Files) {
		t.Fatalf("%d files with the cache, %d without", len(second.Files), len(full.Files))
	}
	for p, b := range full.Files {
		if !bytes.Equal(second.Files[p], b) {
			t.Errorf("%s differs between the cached build and a full build", p)
		}
	}
	same := func(p string) bool { return &first.Files[p][0] == &second.Files[p][0] }
	if !same("lithuania-01/index.html") || !same("downloads/lithuania-03-offline.zip") {
		t.Error("the files of factsheets that did not change were built again")
	}
	if same("lithuania-02/index.html") || !bytes.Contains(second.Files["lithuania-02/index.html"], []byte("Lietuva")) {
		t.Error("the edited factsheet was not built again")
	}
}
