package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/i18n"
	"factsheet/site/status"
)

// catalogue returns the shipped catalogue of a language.
func catalogue(t testing.TB, lang string) *i18n.Catalogue {
	t.Helper()
	cats, err := i18n.Load(defaults.Templates)
	if err != nil {
		t.Fatal(err)
	}
	if cats[lang] == nil {
		t.Fatalf("no catalogue %q shipped", lang)
	}
	return cats[lang]
}

// TestCataloguesComplete: every shipped catalogue has exactly the keys of
// the reference one (besides the optional spellings of days, "day.N"), each
// with the same placeholders.
func TestCataloguesComplete(t *testing.T) {
	cats, err := i18n.Load(defaults.Templates)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) < 2 {
		t.Fatalf("%d catalogues shipped, want English and French at least", len(cats))
	}
	ref := cats[i18n.Reference]
	placeholders := regexp.MustCompile(`\{[0-9a-z]+\}`)
	for lang, c := range cats {
		for _, k := range ref.Keys() {
			if !c.Has(k) {
				t.Errorf("templates/i18n/%s.json lacks %q", lang, k)
				continue
			}
			a, b := placeholders.FindAllString(ref.Raw(k), -1), placeholders.FindAllString(c.Raw(k), -1)
			if strings.Join(sorted(a), " ") != strings.Join(sorted(b), " ") {
				t.Errorf("templates/i18n/%s.json %q has placeholders %v, the reference %v", lang, k, b, a)
			}
		}
		for _, k := range c.Keys() {
			if !ref.Has(k) && !strings.HasPrefix(k, "day.") {
				t.Errorf("templates/i18n/%s.json has %q, unknown to the reference catalogue", lang, k)
			}
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestMessageKeysExist: every message key that the templates, the Go code
// of render and the browser's scripts use is in the reference catalogue
// (hence, by TestCataloguesComplete, in every one).
func TestMessageKeysExist(t *testing.T) {
	ref := catalogue(t, i18n.Reference)
	uses := []struct {
		fsys    fs.FS
		glob    string
		pattern *regexp.Regexp
		suffix  []string // appended to the key found (plural forms)
	}{
		{defaults.Templates, "*.html", regexp.MustCompile(`\b(?:t|th) "([^"]+)"`), nil},
		{defaults.Templates, "*.html", regexp.MustCompile(`\bplural \S+ "([^"]+)"`), []string{".one", ".other"}},
		{os.DirFS("."), "*.go", regexp.MustCompile(`\bcat\.T\("([^"]+)"[,)]`), nil},
		{defaults.Assets, "*.js", regexp.MustCompile(`\bM\("([^"]+)"`), []string{""}},
		{defaults.Assets, "*.js", regexp.MustCompile(`\bM\(plural\([^,]+, "([^"]+)"\)`), []string{".one", ".other"}},
	}
	n := 0
	for _, u := range uses {
		names, _ := fs.Glob(u.fsys, u.glob)
		for _, name := range names {
			b, _ := fs.ReadFile(u.fsys, name)
			for _, m := range u.pattern.FindAllStringSubmatch(string(b), -1) {
				for _, s := range append(u.suffix, "")[:max(1, len(u.suffix))] {
					key := m[1] + s
					if strings.HasSuffix(name, ".js") {
						key = "js." + key
					}
					n++
					if !ref.Has(key) {
						t.Errorf("%s uses message %q, missing from templates/i18n/%s.json", name, key, i18n.Reference)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d message uses found: is the pattern still that of the code?", n)
	}
}

// TestMissingMessageFails: a template asking for a message no catalogue has
// fails the build, naming the key.
func TestMissingMessageFails(t *testing.T) {
	broken := fstest.MapFS{}
	err := fs.WalkDir(defaults.Templates, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			b, err := fs.ReadFile(defaults.Templates, p)
			broken[p] = &fstest.MapFile{Data: b}
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	broken["search.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{t "no.such.message"}}{{end}}`)}
	_, err = Site([]*factsheet.Document{fixture(t)}, Options{Templates: broken, Assets: defaults.Assets})
	if err == nil || !strings.Contains(err.Error(), `"no.such.message"`) {
		t.Errorf("a missing message gave %v", err)
	}
}

// editionsFixture parses the French fixture and its English counterpart.
func editionsFixture(t *testing.T) (fr, en *factsheet.Document) {
	t.Helper()
	parse := func(name string) *factsheet.Document {
		path := filepath.Join("..", "factsheet", "testdata", "i18n", name)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, problems := factsheet.Parse(path, src)
		for _, p := range problems {
			if p.Severity != factsheet.Note { // notes need no fix
				t.Fatalf("%s: %v", name, p)
			}
		}
		if doc == nil {
			t.Fatalf("%s: no document", name)
		}
		return doc
	}
	return parse("ruritanie.md"), parse("ruritania.md")
}

// TestFrenchPages: a French factsheet's pages speak French, dates included,
// and hold no message of the English catalogue.
func TestFrenchPages(t *testing.T) {
	fr, en := editionsFixture(t)
	files := renderFixture(t, "", en, fr)
	mustHave(t, files, "ruritanie/index.html", `<html lang="fr">`, `<dt>Dernière mise à jour</dt>`,
		`<time datetime="2023-05-01">1er mai 2023</time>`, `<h2 id="legend-title">Degrés d’urgence</h2>`,
		`>Exige</a>`, `<h2 id="key-findings-title">Principales conclusions du rapport de mise en œuvre concernant toutes les Parties</h2>`,
		`<script src="../assets/i18n/fr.js" defer></script>`, `<script src="../assets/stem-fr.js" defer></script>`)
	mustHave(t, files, "ruritanie/recommendations/ii-5.html", `<h1>Recommandation II-5</h1>`,
		`<title>Recommandation II-5 · Exige · Ruritanie</title>`, `<dd>Adressée à Ruritanie</dd>`, `<h2 class="rec-text-title">La recommandation</h2>`)
	mustHave(t, files, "ruritanie/recommendations/index.html", ">8\u00a0recommandations, par chapitre.</p>", `>Exige seulement</label>`)
	mustHave(t, files, "assets/i18n/fr.js", `"none":"Aucun résultat pour «`)
	mustHave(t, files, "ruritanie/recommendations/index.html", `<fieldset class="facet" data-dim="article"><legend>Article de la Convention</legend>`,
		`<input type="checkbox" name="article" value="25"> <span>Article 25</span>`)
	mustHave(t, files, "index.html", `<html lang="en">`, `<li lang="fr"><h2><a href="ruritanie/index.html">Fiche d’information – Ruritanie</a></h2>`,
		"mise à jour <time datetime=\"2023-05-01\">1er mai 2023</time> · 8\u00a0recommandations")
	// the French entry of the English root: its counts in French, its badges
	// not described by the page's English levels
	mustHave(t, files, "index.html", "<span class=\"vh\"> Exige\u00a0: les lister</span>",
		`<a class="badge u-require" href="ruritanie/index.html#legend" data-tip="lorsque`)
	if strings.Contains(string(files["index.html"]), `href="ruritanie/index.html#legend" aria-describedby`) {
		t.Error("the French entry's badges point at the English levels' descriptions")
	}
	mustHave(t, files, "ruritanie/index.html", "data-word=\"Exige\">Exige\u00a0: lorsque")
	mustHave(t, files, "404.html", `<a href="ruritanie/index.html" lang="fr">Fiche d’information – Ruritanie</a>`)
	mustHave(t, files, "ruritania/index.html", `<time datetime="2023-05-01">1 May 2023</time>`, `<script src="../assets/i18n/en.js" defer></script>`)
	if strings.Contains(string(files["ruritania/index.html"]), "stem-fr.js") {
		t.Error("the English edition loads the French stemmer")
	}
	enCat, frCat := catalogue(t, "en"), catalogue(t, "fr")
	for _, p := range files.Paths() {
		if !strings.HasPrefix(p, "ruritanie/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		page := string(files[p])
		if strings.Contains(page, "[") && regexp.MustCompile(`\[[a-z]+\.[a-z.-]+\]`).MatchString(page) {
			t.Errorf("%s shows a missing message: %s", p, regexp.MustCompile(`\[[a-z]+\.[a-z.-]+\]`).FindString(page))
		}
		for _, k := range enCat.Keys() {
			msg := enCat.Raw(k)
			if !strings.Contains(msg, " ") || strings.Contains(msg, "{") || msg == frCat.Raw(k) || strings.HasPrefix(k, "js.") {
				continue
			}
			if strings.Contains(page, ">"+escaped(msg)) || strings.Contains(page, `"`+escaped(msg)+`"`) {
				t.Errorf("%s: English message %q (%s) on a French page", p, msg, k)
			}
		}
	}
}

// escaped is a message as the templates write it.
func escaped(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestEditionsLinked: the two editions link to each other with hreflang
// alternates and a language switch on every page, the same page where the
// other edition has it; a factsheet alone has neither.
func TestEditionsLinked(t *testing.T) {
	fr, en := editionsFixture(t)
	files := renderFixture(t, "", en, fr)
	pairs := map[string]string{
		"ruritania/index.html":                 "ruritanie/index.html",
		"ruritania/chapters/ii.html":           "ruritanie/chapters/ii.html",
		"ruritania/recommendations/ii-10.html": "ruritanie/recommendations/ii-10.html",
		"ruritania/recommendations/index.html": "ruritanie/recommendations/index.html",
		"ruritania/search.html":                "ruritanie/search.html",
	}
	for a, b := range pairs {
		for _, p := range [][2]string{{a, b}, {b, a}} {
			from, to := p[0], p[1]
			other := "fr"
			if strings.HasPrefix(to, "downloads/ruritania") || strings.HasPrefix(to, "ruritania/") {
				other = "en"
			}
			href := rootOf(from) + to
			mustHave(t, files, from, `<link rel="alternate" hreflang="`+other+`" href="`+href+`">`,
				`<li><a href="`+href+`" hreflang="`+other+`" lang="`+other+`">`)
			if _, ok := files[to]; !ok {
				t.Errorf("%s switches to %s, which is not built", from, to)
			}
		}
	}
	pages := 0
	for _, p := range files.Paths() {
		if (strings.HasPrefix(p, "ruritania/") || strings.HasPrefix(p, "ruritanie/")) && strings.HasSuffix(p, ".html") {
			pages++
			if !strings.Contains(string(files[p]), `class="lang-switch"`) {
				t.Errorf("%s has no language switch", p)
			}
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages of the editions", pages)
	}
	alone := renderFixture(t, "", en)
	if strings.Contains(string(alone["ruritania/index.html"]), "hreflang") {
		t.Error("a factsheet without other edition has hreflang alternates")
	}
	withBase := renderFixture(t, "https://example.org/repo/", en, fr)
	mustHave(t, withBase, "ruritanie/chapters/iii.html", `<link rel="alternate" hreflang="en" href="https://example.org/repo/ruritania/chapters/iii.html">`,
		`<link rel="alternate" hreflang="fr" href="https://example.org/repo/ruritanie/chapters/iii.html">`)
	mustHave(t, withBase, "downloads/ruritanie.html", `<li><a href="https://example.org/repo/downloads/ruritania.html" hreflang="en" lang="en">English</a></li>`)
	if strings.Contains(string(files["downloads/ruritanie.html"]), "lang-switch") {
		t.Error("the single-file edition has a language switch without a published address to switch to")
	}
	mustHave(t, withBase, "sitemap.xml", `xmlns:xhtml="http://www.w3.org/1999/xhtml"`, `<loc>https://example.org/repo/ruritanie/chapters/ii.html</loc>
    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/repo/ruritanie/chapters/ii.html"></xhtml:link>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/repo/ruritania/chapters/ii.html"></xhtml:link>`)
	if strings.Contains(string(renderFixture(t, "https://example.org/repo/", en)["sitemap.xml"]), "xhtml") {
		t.Error("a site without editions in several languages has hreflang alternates in its sitemap")
	}
	mustHave(t, withBase, "sitemap.xml", "<loc>https://example.org/repo/ruritanie/</loc>", "<loc>https://example.org/repo/ruritania/</loc>")
}

// TestCounterpartFallback: a page the other edition lacks leads to its list or home.
func TestCounterpartFallback(t *testing.T) {
	fr, _ := editionsFixture(t)
	fr.Chapters = fr.Chapters[:2]
	fr.Recommendations = fr.Recommendations[:1]
	to := newEdition(fr)
	for rel, want := range map[string]string{
		"ruritania/chapters/iii.html":          "ruritanie/index.html",
		"ruritania/chapters/ii.html":           "ruritanie/chapters/ii.html",
		"ruritania/recommendations/ii-5.html":  "ruritanie/recommendations/index.html",
		"ruritania/recommendations/ii-1.html":  "ruritanie/recommendations/ii-1.html",
		"ruritania/recommendations/index.html": "ruritanie/recommendations/index.html",
		"ruritania/search.html":                "ruritanie/search.html",
		"downloads/ruritania.html":             "downloads/ruritanie.html",
	} {
		if got := counterpart(rel, "ruritania", to); got != want {
			t.Errorf("counterpart of %s: %s, want %s", rel, got, want)
		}
	}
}

// TestTemplatesHaveNoWords: the templates write no word of their own, every
// text and every readable attribute (aria-label, title, alt, placeholder)
// comes from a catalogue; so a word added to a template in one language
// fails here, whoever adds it.
func TestTemplatesHaveNoWords(t *testing.T) {
	actions := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	tags := regexp.MustCompile(`(?s)<[^>]*>`)
	readable := regexp.MustCompile(`\b(?:aria-label|title|alt|placeholder)="([^"]*)"`)
	letter := regexp.MustCompile(`\p{L}{2,}`)
	notWords := regexp.MustCompile(`[\w-]+\.(?:json|csv|xlsx|html|zip)\b|&\w+;`)
	names, _ := fs.Glob(defaults.Templates, "*.html")
	if len(names) < 8 {
		t.Fatalf("only %d templates", len(names))
	}
	for _, name := range names {
		b, _ := fs.ReadFile(defaults.Templates, name)
		src := actions.ReplaceAllString(string(b), "")
		src = notWords.ReplaceAllString(src, "") // file names and character references are no words
		for _, m := range readable.FindAllStringSubmatch(src, -1) {
			if w := letter.FindString(m[1]); w != "" {
				t.Errorf("templates/%s: %q writes the word %q: use {{t \"key\"}} and add the key to every catalogue", name, m[0], w)
			}
		}
		for _, text := range tags.Split(src, -1) {
			if w := letter.FindString(text); w != "" {
				t.Errorf("templates/%s: the text %q writes the word %q: use {{t \"key\"}} and add the key to every catalogue", name, strings.TrimSpace(text), w)
			}
		}
	}
}

// TestStateLabelsTranslated: every implementation state, and "not recorded",
// is named by the page's catalogue: its own key in each language, never the
// English word on a French page.
func TestStateLabelsTranslated(t *testing.T) {
	en, fr := &docSite{cat: catalogue(t, "en")}, &docSite{cat: catalogue(t, "fr")}
	seen := map[string]bool{}
	for _, s := range append(append([]status.State{}, status.States...), "") {
		e, f := en.stateLabel(s), fr.stateLabel(s)
		if e == "" || strings.HasPrefix(e, "[") || strings.HasPrefix(f, "[") {
			t.Errorf("state %q: labels %q and %q", s, e, f)
		}
		if e == f {
			t.Errorf("state %q: the French label is the English one, %q", s, e)
		}
		if seen[e] {
			t.Errorf("state %q: label %q already names another state", s, e)
		}
		seen[e] = true
	}
	if got := fr.entrySummary(status.Entry{ID: "IV-5", State: status.InProgress, Source: "Réponse"}); got != "Recommandation IV-5 : En cours (source : Réponse)." {
		t.Errorf("French feed entry: %q", got)
	}
}
