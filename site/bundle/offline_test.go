package bundle

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// runOffline minifies and bundles the fixture, as the build does.
func runOffline(t *testing.T) output.Files {
	t.Helper()
	files := fixtureFiles()
	if _, err := Minify(files); err != nil {
		t.Fatal(err)
	}
	if err := Offline(files, []*factsheet.Document{fixtureDoc()}); err != nil {
		t.Fatal(err)
	}
	return files
}

func TestOfflineDeterministic(t *testing.T) {
	a, b := runOffline(t), runOffline(t)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

func TestOfflineSizes(t *testing.T) {
	files := runOffline(t)
	home := files["demo/index.html"]
	for _, name := range []string{"demo.html", "demo-offline.zip"} {
		size := HumanSize(len(files["downloads/"+name]))
		want := `data-download="` + name + `">` + size + `</span>`
		if !bytes.Contains(home, []byte(want)) {
			t.Errorf("home page lacks %s", want)
		}
	}
	zipped := unzip(t, files["downloads/demo-offline.zip"])
	zhome := zipped["demo-offline/demo/index.html"]
	zsize := HumanSize(len(files["downloads/demo-offline.zip"]))
	if !bytes.Contains(zhome, []byte(`data-download="demo-offline.zip">`+zsize+`</span>`)) {
		t.Errorf("zipped home page does not show the zip's size %s", zsize)
	}
}

func TestOfflineZipLayout(t *testing.T) {
	files := runOffline(t)
	zipped := unzip(t, files["downloads/demo-offline.zip"])
	root := ZipRoot("demo")
	for name := range zipped {
		if !strings.HasPrefix(name, root) {
			t.Errorf("%s is outside the one top folder %s", name, root)
		}
	}
	for _, must := range []string{"index.html", "demo/index.html", "demo/chapters/ii.html", "demo/search-index.js", "assets/style.css", "assets/search.js", "downloads/demo.html"} {
		if _, ok := zipped[root+must]; !ok {
			t.Errorf("zip lacks %s", must)
		}
	}
	for _, mustNot := range []string{"other/index.html", "downloads/demo-offline.zip", "404.html"} {
		if _, ok := zipped[root+mustNot]; ok {
			t.Errorf("zip carries %s, which is not part of the factsheet", mustNot)
		}
	}
	checkLinksResolve(t, zipped)
	if !bytes.Equal(zipped[root+"downloads/demo.html"], files["downloads/demo.html"]) {
		t.Error("the zipped single-file edition differs from the published one")
	}
	if !bytes.Contains(zipped[root+"demo/index.html"], []byte(`<a>Offline zip</a>`)) {
		t.Error("the zipped home page must show the zip's link as plain text, without download attribute")
	}
	if !bytes.Contains(zipped[root+"index.html"], []byte(`url=demo/index.html`)) {
		t.Error("the zip's index.html must lead to the factsheet's home")
	}
}

// checkLinksResolve walks every href and src of the zipped HTML and CSS and
// checks that relative ones resolve to a file of the zip, anchors included.
func checkLinksResolve(t *testing.T, zipped output.Files) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for name, b := range zipped {
		if path.Ext(name) == ".html" {
			ids[name] = collectIDs(tokenize(b))
		}
	}
	checked := 0
	for name, b := range zipped {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, r := range refs(b) {
			ref := r[1]
			if isOutside(ref) {
				continue
			}
			target := resolve(name, ref)
			if _, ok := zipped[target]; !ok {
				t.Errorf("%s: <%s> %q points to %s, missing from the zip", name, r[0], ref, target)
				continue
			}
			if i := strings.IndexByte(ref, '#'); i >= 0 && ref[i+1:] != "" && !ids[target][ref[i+1:]] {
				t.Errorf("%s: %q: no id %q in %s", name, ref, ref[i+1:], target)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d references checked; the walk is not seeing the pages", checked)
	}
}

func TestOfflineWithBaseURL(t *testing.T) {
	files := fixtureFiles()
	const base = "https://example.org/repo/"
	for _, p := range []string{"downloads/demo.html", "demo/index.html"} {
		canonical := base + strings.TrimSuffix(p, "index.html") // index pages go by their folder
		files[p] = bytes.Replace(files[p], []byte("<title>"), []byte(`<link rel="canonical" href="`+canonical+`"><title>`), 1)
	}
	if err := Offline(files, []*factsheet.Document{fixtureDoc()}); err != nil {
		t.Fatal(err)
	}
	single := files["downloads/demo.html"]
	for _, want := range []string{`<a href="` + base + `index.html">All factsheets</a>`, `href="` + base + `demo/recommendations.csv"`, `href="#rec-ii-1"`} {
		if !bytes.Contains(single, []byte(want)) {
			t.Errorf("single-file edition lacks %s", want)
		}
	}
	zhome := unzip(t, files["downloads/demo-offline.zip"])["demo-offline/demo/index.html"]
	if want := `<a href="` + base + `downloads/demo-offline.zip" download>`; !bytes.Contains(zhome, []byte(want)) {
		t.Errorf("zipped home page lacks %s", want)
	}
}
