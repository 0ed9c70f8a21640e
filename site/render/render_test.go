package render

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/output"
)

func mustHave(t *testing.T, files output.Files, path string, parts ...string) string {
	t.Helper()
	b, ok := files[path]
	if !ok {
		t.Fatalf("%s was not rendered", path)
	}
	page := string(b)
	for _, p := range parts {
		if !strings.Contains(page, p) {
			t.Errorf("%s lacks %s", path, p)
		}
	}
	return page
}

// mustNotHave fails when the page holds any of the parts.
func mustNotHave(t *testing.T, files output.Files, path string, parts ...string) {
	t.Helper()
	page := string(files[path])
	for _, p := range parts {
		if strings.Contains(page, p) {
			t.Errorf("%s has %s", path, p)
		}
	}
}

var idAttr = regexp.MustCompile(`\sid="([^"]+)"`)

// checkUniqueIDs fails when an HTML page holds one id twice.
func checkUniqueIDs(t *testing.T, files output.Files) {
	t.Helper()
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(string(files[p]), -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q is used twice", p, m[1])
			}
			seen[m[1]] = true
		}
	}
}

func TestSiteFiles(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	for _, p := range []string{
		"index.html", "404.html", ".nojekyll", "assets/style.css",
		"lithuania/index.html", "lithuania/chapters/i.html", "lithuania/chapters/ii.html",
		"lithuania/recommendations/index.html", "lithuania/recommendations/ii-1.html", "lithuania/recommendations/ii-2.html",
		"lithuania/recommendations/ii-3.html", "lithuania/recommendations/ii-10.html",
		"lithuania/recommendations.json", "lithuania/recommendations.csv", "lithuania/search.html", "downloads/lithuania.html",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s was not rendered", p)
		}
	}
	for _, p := range []string{"sitemap.xml", "robots.txt", "lithuania/search-index.js"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s was rendered without a base URL (or by the wrong package)", p)
		}
	}
	for p, b := range files {
		if strings.HasSuffix(p, ".html") && strings.Contains(string(b), "://") {
			t.Errorf("%s holds an absolute address although no base URL was given", p)
		}
	}
	checkUniqueIDs(t, files)
}

func TestChapterPage(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	page := mustHave(t, files, "lithuania/chapters/ii.html",
		`<h1><span class="num">II.</span> Legal frameworks</h1>`,
		`<h2 id="specific">Observations specific to Lithuania</h2>`, // a level-3 section heading becomes h2
		`<h3 id="general-remarks">General remarks</h3>`,
		`<li id="rec-ii-3" class="rec u-require"><span class="anchor" id="rec-ii-2"></span>`,
		`<a class="rec-id" href="../recommendations/ii-2.html">II-2</a>`,
		`<div id="rec-ii-10" class="rec u-request">`,
		`<li id="fn-2" value="2">`, `href="#fnref-2"`, `href="#fnref-2-2"`, `id="fnref-2-2"`,
		`<a href="#general-remarks">General remarks</a>`,
		`<a class="prev" rel="prev" href="i.html">`,
		`<body data-root="../../" data-slug="lithuania">`,
		`action="../../lithuania/search.html"`,
		`<script src="../../lithuania/search-index.js" defer></script>`,
		`<script src="../../assets/search.js" defer></script>`,
		`<a class="skip-link" href="#main">Skip to content</a>`,
		`<main id="main"`,
	)
	if strings.Contains(page, `class="next"`) {
		t.Error("the last chapter links to a next chapter")
	}
	if strings.Index(page, "skip-link") > strings.Index(page, "<a class=\"site-title\"") {
		t.Error("the skip link is not the first link of the page")
	}
}

func TestRecommendationPage(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	mustHave(t, files, "lithuania/recommendations/ii-2.html",
		`<title>Recommendation II-2 · Require · Lithuania</title>`,
		`<meta name="description" content="The Committee requires Lithuania to act, by: either creating an offence, or prosecuting.">`,
		`<h1>Recommendation II-2</h1>`,
		`<dd>Addressed to Lithuania</dd>`,
		`<dt>Same text as</dt><dd><a href="../recommendations/ii-3.html">II-3</a></dd>`,
		`<a href="../chapters/ii.html#rec-ii-2">Read II-2 in chapter II</a>`,
		`<li>either creating an offence,</li>`,
		`<li id="fn-2" value="2">`, `id="fnref-2"`, // names II-1: another recommendation's footnote stays
		`<a class="prev" rel="prev" href="../recommendations/ii-1.html"><span>Previous recommendation</span> II-1</a>`,
		`<a class="next" rel="next" href="../recommendations/ii-3.html"><span>Next recommendation</span> II-3</a>`,
		`<span class="rec-id" aria-current="page">II-2</span>`,
		`aria-describedby="desc-require"`, `<span id="desc-require" data-word="Require">Require: obligations of the Convention</span>`,
	)
	mustHave(t, files, "lithuania/recommendations/ii-1.html",
		`<p class="lead-in">Therefore, the Committee <strong>invites</strong> Lithuania:</p>`,
		`<p>to use the term CSAM.</p>`) // its naming footnote is left out on its own page
	mustHave(t, files, "lithuania/recommendations/ii-10.html", `<dd>Addressed to all Parties</dd>`)
}

func TestHomeListAndRoot(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	mustHave(t, files, "lithuania/index.html",
		`<time datetime="2023-05-25">25 May 2023</time>`,
		`id="legend"`, `promising practices</dd>`,
		`<h2 id="key-findings-title">Key findings of the report</h2>`, `Children are at risk.`,
		`The Committee monitors the Convention.<sup class="fnref" id="fnref-1">`, `<li id="fn-1" value="1">`,
		`href="../downloads/lithuania.html"`, `<span class="size" data-units="bytes KB MB ." data-download="lithuania.html"></span>`,
		`href="../downloads/lithuania-offline.zip"`, `data-download="lithuania-offline.zip"`,
		`<a class="button" href="recommendations/index.html">All 4 recommendations</a>`,
	)
	mustHave(t, files, "lithuania/recommendations/index.html",
		`<input type="radio" name="urgency" id="filter-require" value="require">`,
		`<a class="rec-id" href="../recommendations/ii-10.html">II-10</a>`,
		// the whole text, without its footnote references; a shared text once, with both identifiers
		`<p>The Committee <strong>requests</strong> Parties to train judges.</p>`,
		`<a class="rec-id" href="../recommendations/ii-2.html">II-2</a>, <a class="rec-id" href="../recommendations/ii-3.html">II-3</a>`,
		`data-facets="urgency:require chapter:ii addressee:party" data-n="2"`,
		`<fieldset class="facet" data-dim="chapter"><legend>Chapter</legend>`)
	mustNotHave(t, files, "lithuania/recommendations/index.html", `…`, `class="fnref"`)
	// the counts open the explorer on their urgency (and chapter)
	mustHave(t, files, "lithuania/index.html",
		`href="recommendations/index.html?urgency=require&amp;chapter=ii">2<span class="vh">`,
		`href="recommendations/index.html?urgency=require">2<span class="vh">`)
	mustHave(t, files, "lithuania/chapters/ii.html", `href="../recommendations/index.html?urgency=invite&amp;chapter=ii">1<span class="vh">`)
	mustHave(t, files, "index.html", `href="lithuania/recommendations/index.html?urgency=request">1<span class="vh">`)
	mustHave(t, files, "downloads/lithuania.html", `href="#recommendations?urgency=require&amp;chapter=ii"`, `data-state="hash"`,
		// a shared text is one entry, anchoring both identifiers
		`data-n="2">`+"\n"+`<span id="recommendation-ii-3"></span><h3 id="recommendation-ii-2-title">Recommendations II-2, II-3`)
	mustNotHave(t, files, "downloads/lithuania.html", `<article class="rec-entry u-require" id="recommendation-ii-3"`)
	mustHave(t, files, "index.html", `<a href="lithuania/index.html">Factsheet – Lithuania</a>`, `4 recommendations`, `<body data-root="">`)
	mustHave(t, files, "404.html", `Page not found`, `href="lithuania/search.html"`)
	mustHave(t, files, "lithuania/search.html", `<div id="search-page"></div>`, `<noscript>`)
}

func TestSingleFile(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	page := mustHave(t, files, "downloads/lithuania.html",
		`<body data-root="../" data-slug="lithuania" data-edition="single-file">`,
		`<link rel="stylesheet" href="../assets/style.css">`,
		`<script src="../lithuania/search-index.js" defer></script>`,
		`<li id="rec-ii-3" class="rec u-require"><span class="anchor" id="rec-ii-2"></span>`,
		`<article class="rec-entry u-require" id="recommendation-ii-2"`,
		`<a class="rec-id" href="#recommendation-ii-2">II-2</a>`,
		`<a href="#rec-ii-2">Read II-2 in chapter II</a>`,
		`<section class="chapter" id="chapter-ii"`,
	)
	for _, m := range regexp.MustCompile(`href="([^"#][^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "../assets/") {
			t.Errorf("the single-file edition links outside itself: %s", m[1])
		}
	}
	checkUniqueIDs(t, files)
}

func TestBaseURL(t *testing.T) {
	base := "https://example.github.io/repo/"
	files := renderFixture(t, base, fixture(t))
	mustHave(t, files, "lithuania/recommendations/ii-2.html",
		`<link rel="canonical" href="https://example.github.io/repo/lithuania/recommendations/ii-2.html">`,
		`<meta property="og:title" content="Recommendation II-2 · Require · Lithuania">`,
		`<meta property="og:description" content="The Committee requires Lithuania to act`,
		`<meta property="og:url" content="https://example.github.io/repo/lithuania/recommendations/ii-2.html">`,
		`<meta property="og:type" content="article">`, `<meta property="og:site_name" content="Factsheet – Lithuania">`,
		`<meta name="twitter:card" content="summary">`)
	mustHave(t, files, "404.html", `<base href="https://example.github.io/repo/">`)
	mustHave(t, files, "robots.txt", "Sitemap: https://example.github.io/repo/sitemap.xml")
	mustHave(t, files, "lithuania/index.html", `<link rel="canonical" href="https://example.github.io/repo/lithuania/">`)
	sitemap := mustHave(t, files, "sitemap.xml", "<loc>https://example.github.io/repo/lithuania/recommendations/ii-10.html</loc>",
		"<loc>https://example.github.io/repo/</loc>", "<loc>https://example.github.io/repo/lithuania/</loc>")
	if strings.Contains(sitemap, "404.html") {
		t.Error("the sitemap lists 404.html")
	}
	locs := regexp.MustCompile(`<loc>([^<]+)</loc>`).FindAllStringSubmatch(sitemap, -1)
	for i := 1; i < len(locs); i++ {
		if locs[i-1][1] >= locs[i][1] {
			t.Errorf("sitemap not sorted: %s before %s", locs[i-1][1], locs[i][1])
		}
	}
}

func TestBadOptions(t *testing.T) {
	doc := fixture(t)
	for _, base := range []string{"example.org/", "https://example.org/repo", "/repo/", "javascript:alert(1)//"} {
		if _, err := Site([]*factsheet.Document{doc}, Options{Templates: defaults.Templates, Assets: defaults.Assets, BaseURL: base}); err == nil {
			t.Errorf("base URL %q was accepted", base)
		}
	}
	doc.Meta.Slug = "../escape"
	_, err := Site([]*factsheet.Document{doc}, Options{Templates: defaults.Templates, Assets: defaults.Assets})
	if err == nil || !strings.Contains(err.Error(), "content/fixture.md:1: slug") {
		t.Errorf("a slug leaving the output folder gave %v", err)
	}
}

func TestHostileContent(t *testing.T) {
	doc := fixture(t)
	doc.Meta.Title = `<script>alert("title")</script>`
	doc.Meta.Party = `"><img src=x onerror=alert(1)>`
	doc.Meta.Report = `</title><script>alert(2)</script>`
	doc.Meta.LastUpdate = `"><svg onload=alert(3)>`
	doc.Levels[0].Meaning = `<b onmouseover=alert(4)>x</b>`
	doc.Chapters[1].Title = `<iframe src="javascript:alert(5)">`
	doc.Chapters[1].Sections[0].Blocks = append(doc.Chapters[1].Sections[0].Blocks,
		para(t, `Raw <script>alert(6)</script> and <img src=x onerror=alert(7)> and [a link](javascript:alert(8)) and [b](JAVASCRIPT:alert(9)).`))
	if len(unsafeMarkup(`<p><img src=x onerror=y><a href=" JavaScript:x">`)) != 3 {
		t.Fatal("unsafeMarkup misses unsafe markup")
	}
	files := renderFixture(t, "", doc)
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			for _, problem := range unsafeMarkup(string(b)) {
				t.Errorf("%s: %s", p, problem)
			}
		}
	}
	mustHave(t, files, "lithuania/chapters/ii.html", `&lt;iframe src=&#34;javascript:alert(5)&#34;&gt;`, `a link and b.`)
}

// unsafeMarkup lists what in a page could run script: elements other than
// the site's own, event handler attributes, javascript: addresses, scripts
// without src.
func unsafeMarkup(page string) []string {
	var problems []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return problems
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "img", "svg", "iframe", "object", "embed", "b", "style":
			problems = append(problems, "element <"+tok.Data+">")
		}
		hasSrc := false
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") {
				problems = append(problems, "attribute "+a.Key)
			}
			if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:") {
				problems = append(problems, a.Key+"="+a.Val)
			}
			hasSrc = hasSrc || a.Key == "src"
		}
		if tok.Data == "script" && !hasSrc && !ownRootScript(z, tok) {
			problems = append(problems, "inline <script>")
		}
	}
}

func TestTwoFactsheetsAndDeterminism(t *testing.T) {
	a, b := fixture(t), fixture(t)
	b.Meta.Slug, b.Meta.Party, b.Meta.Title, b.Meta.Language = "malta", "Malta", "Factsheet – Malta", "mt"
	files := renderFixture(t, "", a, b)
	mustHave(t, files, "malta/recommendations/ii-2.html", `<html lang="mt">`, `<title>Recommendation II-2 · Require · Malta</title>`)
	mustHave(t, files, "lithuania/recommendations/ii-2.html", `<title>Recommendation II-2 · Require · Lithuania</title>`)
	root := mustHave(t, files, "index.html", `href="lithuania/index.html"`, `href="malta/index.html"`)
	if strings.Index(root, "lithuania/") > strings.Index(root, "malta/") {
		t.Error("the root page does not list the factsheets in content order")
	}
	if nf := mustHave(t, files, "404.html"); strings.Contains(nf, "data-slug") {
		t.Error("with two factsheets, 404.html claims to belong to one")
	}
	again := renderFixture(t, "", a, b)
	if len(again) != len(files) {
		t.Fatalf("second rendering has %d files, first %d", len(again), len(files))
	}
	for p, content := range files {
		if string(again[p]) != string(content) {
			t.Errorf("%s differs between two renderings of the same input", p)
		}
	}
}

var describedBy = regexp.MustCompile(`aria-describedby="([^"]+)"`)

// TestDescribedBy checks that every aria-describedby of every page points at
// an element of the page.
func TestDescribedBy(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	for _, p := range files.Paths() {
		page := string(files[p])
		for _, m := range describedBy.FindAllStringSubmatch(page, -1) {
			if !strings.Contains(page, `id="`+m[1]+`"`) {
				t.Errorf("%s: aria-describedby=%q points at no element", p, m[1])
			}
		}
	}
}

// TestHostileSource renders a factsheet written to attack the site (raw
// HTML, javascript: links in the text and in the front matter's link map,
// markup in front matter values) through the real parser: no page may hold
// markup that could run a script.
// ownRootScript tells whether the script just opened is the 404 page's own
// (siteRootScript, with its data-top attribute), reading its text.
func ownRootScript(z *html.Tokenizer, tok html.Token) bool {
	if len(tok.Attr) != 1 || tok.Attr[0].Key != "data-top" {
		return false
	}
	return z.Next() == html.TextToken && string(z.Text()) == siteRootScript
}

func TestHostileSource(t *testing.T) {
	src, err := os.ReadFile("testdata/hostile.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := factsheet.Parse("testdata/hostile.md", src)
	if doc == nil || len(doc.Chapters) == 0 {
		t.Fatal("the hostile fixture did not parse into chapters")
	}
	files := renderFixture(t, "", doc)
	pages := 0
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			pages++
			for _, problem := range unsafeMarkup(string(b)) {
				t.Errorf("%s: %s", p, problem)
			}
		}
	}
	if pages < 5 {
		t.Errorf("only %d pages rendered from the hostile fixture", pages)
	}
	mustHave(t, files, "hostile/index.html", "Hostile &lt;script&gt;")
}

func TestTemplateErrors(t *testing.T) {
	doc := fixture(t)
	partial := fstest.MapFS{"layout.html": {Data: []byte(`{{define "layout"}}{{end}}`)}}
	_, err := Site([]*factsheet.Document{doc}, Options{Templates: partial, Assets: defaults.Assets})
	if err == nil || !strings.Contains(err.Error(), "partials.html is missing") {
		t.Errorf("a templates folder without partials.html gave %v", err)
	}
	broken := fstest.MapFS{}
	for _, name := range append([]string{"layout", "partials"}, pageKinds...) {
		broken[name+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	broken["chapter.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Body.NoSuchField}}{{end}}`)}
	broken["i18n/en.json"] = &fstest.MapFile{Data: []byte(`{}`)}
	broken["layout.html"] = &fstest.MapFile{Data: []byte(`{{define "layout"}}{{template "main" .}}{{end}}`)}
	_, err = Site([]*factsheet.Document{doc}, Options{Templates: broken, Assets: defaults.Assets})
	if err == nil || !strings.Contains(err.Error(), "lithuania/chapters/i.html") || !strings.Contains(err.Error(), "NoSuchField") {
		t.Errorf("a template using a missing field gave %v", err)
	}
}

func TestWithoutLevelDefinitions(t *testing.T) {
	doc := fixture(t)
	doc.Levels = nil
	files := renderFixture(t, "", doc)
	page := mustHave(t, files, "lithuania/recommendations/ii-2.html", `>Require</a>`, `<title>Recommendation II-2 · Require · Lithuania</title>`)
	if strings.Contains(page, `data-tip=""`) {
		t.Error("a badge without a meaning carries an empty tooltip")
	}
}
