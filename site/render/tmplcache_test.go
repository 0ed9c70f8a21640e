package render

import (
	"io/fs"
	"testing"
	"testing/fstest"

	defaults "factsheet"
)

// TestCachedTemplates: the templates are parsed again only when a file of
// their folder changed, and a folder that fails to parse is not remembered.
func TestCachedTemplates(t *testing.T) {
	folder := fstest.MapFS{}
	fs.WalkDir(defaults.Templates, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(defaults.Templates, p)
			folder[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	first, err := cachedTemplates(folder)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := cachedTemplates(folder)
	if again["en"] != first["en"] {
		t.Error("the same templates were parsed again")
	}
	folder["partials.html"].Data = append(folder["partials.html"].Data, "\n<!-- edited -->\n"...)
	edited, err := cachedTemplates(folder)
	if err != nil || edited["en"] == first["en"] {
		t.Errorf("an edited template was not parsed again (err %v)", err)
	}
	folder["layout.html"] = &fstest.MapFile{Data: []byte("{{ broken")}
	if _, err := cachedTemplates(folder); err == nil {
		t.Fatal("a broken template parsed")
	}
	if _, err := cachedTemplates(folder); err == nil {
		t.Error("a broken template was remembered as parsed")
	}
}
