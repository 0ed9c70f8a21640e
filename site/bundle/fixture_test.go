package bundle

import (
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// fixtureCSP is the policy render puts on its pages; the single-file edition must replace it.
const fixtureCSP = "default-src 'self'; img-src 'self' data:"

// page returns a small page of the fixture site: body holds what is specific to it.
func page(root, title, body string) string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="` + fixtureCSP + `">
  <title>` + title + `</title>
  <link rel="stylesheet" href="` + root + `assets/style.css">
  <link rel="icon" href="` + root + `assets/icon.svg">
  <link rel="alternate" type="application/json" href="` + root + `demo/recommendations.json">
  <script src="` + root + `demo/search-index.js" defer></script>
  <script src="` + root + `assets/search.js" defer></script>
</head>
<body data-root="` + root + `" data-slug="demo">
  <header><a href="` + root + `index.html">All factsheets</a>
    <form class="site-search" role="search" action="` + root + `demo/search.html" method="get">
      <label for="site-search-input">Search</label><input id="site-search-input" name="q" type="search" autocomplete="off">
    </form><div id="site-search-results" hidden></div></header>
  <main id="main">
` + body + `
  </main>
</body>
</html>
`
}

// fixtureFiles returns a small built site with one factsheet, "demo", shaped
// like render's output.
func fixtureFiles() output.Files {
	single := `<h1 id="chapter-ii">II. Legal framework</h1>
    <p id="rec-ii-1">The Committee <strong>requires</strong> Demo to act.<sup><a href="#fn-1">1</a></sup>
      See <a href="../demo/recommendations/ii-1.html">II-1</a>, <a href="../demo/chapters/ii.html#rec-ii-1">in place</a>,
      <a href="../demo/chapters/ii.html">the chapter</a>, <a href="../demo/recommendations.csv">the table</a>
      and <a href="https://www.coe.int/lanzarote">the Convention</a>.</p>
    <img src="../assets/logo.png" alt="Logo">
    <pre>keep   this
   spacing</pre>
    <ol><li id="fn-1">A footnote.</li></ol>
    <script>window.pwned = 1</script>`
	home := `<h1>Demo factsheet</h1>
    <p><a href="chapters/ii.html">II. Legal framework</a></p>
    <ul>
      <li><a href="../downloads/demo.html">Single-file edition</a> <span class="size" data-download="demo.html"></span></li>
      <li><a href="../downloads/demo-offline.zip" download>Offline zip</a> (<span class="size" data-download="demo-offline.zip"></span>)</li>
    </ul>`
	return output.Files{
		"index.html":                        []byte(page("", "Factsheets", `<p><a href="demo/index.html">Demo</a> <a href="other/index.html">Other</a></p>`)),
		"assets/style.css":                  []byte("body {\n  background: url(\"icon.svg\") no-repeat;\n  color: #222;\n}\n\n/* a comment */\n@media print {\n  nav { display: none; }\n}\n"),
		"assets/search.js":                  []byte("// search\nwindow.factsheetSearch = { marker: \"</script><!-- not the end\" };\n"),
		"assets/icon.svg":                   []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`),
		"assets/logo.png":                   []byte("\x89PNG\r\n\x1a\nfake"),
		"demo/index.html":                   []byte(page("../", "Demo", home)),
		"demo/chapters/ii.html":             []byte(page("../../", "II", `<p id="rec-ii-1">Text. <a href="../recommendations/ii-1.html">II-1</a> <a href="../index.html">Home</a> <a href="../../downloads/demo.html">Single</a></p>`)),
		"demo/recommendations/ii-1.html":    []byte(page("../../", "II-1", `<p>Text. <a href="../chapters/ii.html#rec-ii-1">In place</a></p>`)),
		"demo/recommendations/index.html":   []byte(page("../../", "All", `<p><a href="ii-1.html">II-1</a></p>`)),
		"demo/recommendations.json":         []byte("{\n  \"recommendations\": [\n    {\"id\": \"II-1\"}\n  ]\n}\n"),
		"demo/recommendations.csv":          []byte("id\nII-1\n"),
		"demo/search.html":                  []byte(page("../", "Search", `<div id="search-page"></div>`)),
		"demo/search-index.js":              []byte("window.factsheetIndex = {\"docs\": [\"a\"]};\n"),
		"downloads/demo.html":               []byte(page("../", "Demo: single-file edition", single)),
		"other/index.html":                  []byte(page("../", "Other", `<p>Another factsheet.</p>`)),
		"404.html":                          []byte(page("", "Not found", `<p>Not found.</p>`)),
		"demo/recommendations/unused.xml":   []byte("<?xml version=\"1.0\"?>\n<a>\n  <b/>\n</a>\n"),
		"assets/unused-but-shipped.json":    []byte("{ \"a\" : 1 }"),
		"demo/chapters/untouched-image.svg": []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <!-- c -->\n</svg>\n"),
	}
}

// fixtureDoc is the document of the fixture site.
func fixtureDoc() *factsheet.Document {
	return &factsheet.Document{Meta: factsheet.Meta{Title: "Demo factsheet", Party: "Demo", Slug: "demo", Language: "en", LastUpdate: "2024-05-06"}}
}

// copyFiles returns a deep copy, so that a test can run the same input twice.
func copyFiles(f output.Files) output.Files {
	c := output.Files{}
	for p, b := range f {
		c[p] = append([]byte(nil), b...)
	}
	return c
}

// refs returns every src, href and action value of the page with the tag it sits on.
func refs(b []byte) [][2]string {
	var out [][2]string
	for _, t := range tokenize(b) {
		if t.tag == nil {
			continue
		}
		for _, a := range t.tag.attrs {
			if a.key == "src" || a.key == "href" || a.key == "action" || a.key == "srcset" {
				out = append(out, [2]string{t.tag.name, a.val})
			}
		}
	}
	return out
}

// textOf returns the text of a page outside tags, scripts and styles, with runs of white space made one space.
func textOf(b []byte) string {
	var sb strings.Builder
	toks := tokenize(b)
	for i, t := range toks {
		inRaw := i > 0 && toks[i-1].tag != nil && (toks[i-1].tag.name == "script" || toks[i-1].tag.name == "style")
		if t.text && !inRaw {
			sb.Write(t.raw)
			sb.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}
