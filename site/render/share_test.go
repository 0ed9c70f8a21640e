package render

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

// sourced is the fixture with an author, a source and an abbreviation
// (CSAM, "defined" by the block of II-1, which uses it).
func sourced(t *testing.T) *factsheet.Document {
	doc := fixture(t)
	doc.Meta.Author = "Lanzarote Committee"
	doc.Meta.Source = "https://rm.coe.int/factsheet-lithuania/1680abcdef"
	r := doc.Recommendations[0]
	doc.Abbreviations = []*factsheet.Abbreviation{{Short: "CSAM", Long: "child sexual abuse material", Chapter: r.Chapter, Block: r.Block}}
	return doc
}

// TestCitationAndSource: the citation's words come from the front matter;
// the source shows on the home page and in every footer; without a base URL
// the script resolves the address, with one the address is absolute.
func TestCitationAndSource(t *testing.T) {
	files := renderFixture(t, "", sourced(t))
	src := `<a href="https://rm.coe.int/factsheet-lithuania/1680abcdef">https://rm.coe.int/factsheet-lithuania/1680abcdef</a>`
	page := mustHave(t, files, "lithuania/recommendations/ii-2.html",
		`data-citation="Lanzarote Committee, Factsheet – Lithuania (last update 25 May 2023), Recommendation II-2, {url} (original document: https://rm.coe.int/factsheet-lithuania/1680abcdef)"`,
		`data-href="../recommendations/ii-2.html"`, `aria-label="Copy link to II-2">Copy link</button>`, `aria-label="Cite II-2">Cite</button>`,
		"Original document: "+src)
	if strings.Contains(page, "data-url=") {
		t.Error("an absolute address without a base URL")
	}
	mustHave(t, files, "lithuania/index.html", `<dt>Original document</dt><dd>`+src+`</dd>`)
	mustHave(t, files, "lithuania/chapters/ii.html", `data-href="../recommendations/ii-3.html"`, `aria-label="Cite II-3"`, "Original document: "+src)
	mustHave(t, files, "downloads/lithuania.html", `data-href="#recommendation-ii-2"`)
	mustHave(t, files, "lithuania/recommendations.json", `"author": "Lanzarote Committee",`, `"source": "https://rm.coe.int/factsheet-lithuania/1680abcdef"`)

	files = renderFixture(t, "https://example.github.io/repo/", sourced(t))
	mustHave(t, files, "lithuania/recommendations/ii-2.html", `data-url="https://example.github.io/repo/lithuania/recommendations/ii-2.html"`)
	mustHave(t, files, "lithuania/chapters/ii.html", `data-url="https://example.github.io/repo/lithuania/recommendations/ii-3.html"`)
}

// TestPrintHead: every page of a factsheet carries, for paper, its title,
// Party, date and address: absolute with a base URL, else filled in by script.
func TestPrintHead(t *testing.T) {
	files := renderFixture(t, "", fixture(t))
	for _, p := range []string{"lithuania/index.html", "lithuania/chapters/ii.html", "lithuania/recommendations/ii-1.html", "lithuania/recommendations/index.html"} {
		mustHave(t, files, p, `<div class="print-head">`, `<strong>Factsheet – Lithuania</strong> · Party: Lithuania · Last update: <time datetime="2023-05-25">25 May 2023</time>`,
			`<span class="print-address" data-address="relative">`+p+`</span>`)
	}
	files = renderFixture(t, "https://example.github.io/repo/", fixture(t))
	mustHave(t, files, "lithuania/chapters/ii.html", `<span class="print-address">https://example.github.io/repo/lithuania/chapters/ii.html</span>`)
}

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestJSONLD: with a base URL, a recommendation page describes itself in
// schema.org terms; without one, no page carries JSON-LD.
func TestJSONLD(t *testing.T) {
	for p, b := range renderFixture(t, "", sourced(t)) {
		if jsonLD.Match(b) {
			t.Errorf("%s carries JSON-LD without a base URL", p)
		}
	}
	files := renderFixture(t, "https://example.github.io/repo/", sourced(t))
	m := jsonLD.FindSubmatch(files["lithuania/recommendations/ii-2.html"])
	if m == nil {
		t.Fatal("recommendations/ii-2.html carries no JSON-LD")
	}
	var ld struct {
		Context    string `json:"@context"`
		Type       string `json:"@type"`
		URL        string `json:"url"`
		Identifier string `json:"identifier"`
		Text       string `json:"text"`
		Modified   string `json:"dateModified"`
		Keywords   []struct {
			Name     string `json:"name"`
			TermCode string `json:"termCode"`
		} `json:"keywords"`
		IsPartOf struct {
			Type    string `json:"@type"`
			Name    string `json:"name"`
			URL     string `json:"url"`
			BasedOn string `json:"isBasedOn"`
			Author  struct{ Name string }
		} `json:"isPartOf"`
	}
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if ld.Context != "https://schema.org" || ld.Identifier != "II-2" || ld.URL != "https://example.github.io/repo/lithuania/recommendations/ii-2.html" ||
		!strings.HasPrefix(ld.Text, "The Committee requires Lithuania to act, by: either creating an offence") || ld.Modified != "2023-05-25" ||
		len(ld.Keywords) != 1 || ld.Keywords[0].TermCode != "require" || ld.Keywords[0].Name != "Require" ||
		ld.IsPartOf.Type != "Report" || ld.IsPartOf.Name != "Factsheet – Lithuania" || ld.IsPartOf.URL != "https://example.github.io/repo/lithuania/" ||
		ld.IsPartOf.BasedOn != "https://rm.coe.int/factsheet-lithuania/1680abcdef" || ld.IsPartOf.Author.Name != "Lanzarote Committee" {
		t.Errorf("JSON-LD of II-2 = %+v", ld)
	}
}

// TestAbbreviationMarks: the first use of an abbreviation in a page's main
// part becomes <abbr title>, the later ones stay; the defining block carries
// the glossary's anchor; a factsheet without abbreviations has no glossary.
func TestAbbreviationMarks(t *testing.T) {
	files := renderFixture(t, "", sourced(t))
	abbr := `<abbr title="child sexual abuse material">CSAM</abbr>`
	for _, p := range []string{"lithuania/chapters/ii.html", "lithuania/recommendations/ii-1.html", "lithuania/recommendations/index.html", "downloads/lithuania.html"} {
		page := mustHave(t, files, p, abbr)
		text, _, _ := strings.Cut(page, `id="glossary"`) // the single-file edition's glossary lists them again
		if n := strings.Count(text, "<abbr "); n != 1 {
			t.Errorf("%s: %d <abbr> elements, want 1 (the first use)", p, n)
		}
		if head, _, _ := strings.Cut(page, "<main"); strings.Contains(head, "<abbr") {
			t.Errorf("%s: an <abbr> before <main>", p)
		}
	}
	mustHave(t, files, "lithuania/chapters/ii.html", `<span class="anchor" id="abbr-csam"></span>to use the term `+abbr)
	mustHave(t, files, "downloads/lithuania.html", `<a href="#glossary">Abbreviations</a>`, `<a href="#abbr-csam">chapter II, Legal frameworks</a>`)
	mustHave(t, files, "lithuania/glossary.html", `<dt><abbr title="child sexual abuse material">CSAM</abbr></dt><dd>child sexual abuse material. <span class="defined">Defined in <a href="chapters/ii.html#abbr-csam">chapter II, Legal frameworks</a>.</span></dd>`)
	mustHave(t, files, "lithuania/index.html", `<a class="glossary-link" href="glossary.html">Abbreviations</a>`)
	checkUniqueIDs(t, files)

	plain := renderFixture(t, "", fixture(t))
	if _, ok := plain["lithuania/glossary.html"]; ok {
		t.Error("a glossary without abbreviations")
	}
	if strings.Contains(string(plain["lithuania/index.html"]), "glossary.html") {
		t.Error("a link to a glossary that does not exist")
	}
}

// TestMarkKeepsBytes: marking leaves every byte but the first uses as it was,
// and never touches attributes, scripts or text outside <main>.
func TestMarkKeepsBytes(t *testing.T) {
	a := newAbbrevs(&factsheet.Document{Abbreviations: []*factsheet.Abbreviation{{Short: "ICTs", Long: "information & communication technologies"}}})
	in := `<!DOCTYPE html><title>ICT</title><p>ICT</p><main data-x="ICT"><!-- ICT --><script>var ICT = 1;</script><p>the ICTs &amp; ICT-facilitated</p><textarea>ICT</textarea></main><p>ICT</p>`
	want := `<!DOCTYPE html><title>ICT</title><p>ICT</p><main data-x="ICT"><!-- ICT --><script>var ICT = 1;</script><p>the <abbr title="information &amp; communication technologies">ICTs</abbr> &amp; ICT-facilitated</p><textarea>ICT</textarea></main><p>ICT</p>`
	if got := string(a.mark([]byte(in))); got != want {
		t.Errorf("mark:\n got %s\nwant %s", got, want)
	}
	var none *abbrevs
	if got := string(none.mark([]byte(in))); got != in {
		t.Error("no abbreviation, yet the page changed")
	}
}

// BenchmarkAbbrevMark marks the abbreviations of every page of the seed
// (reports MB/s of HTML read).
func BenchmarkAbbrevMark(b *testing.B) {
	doc := seedDoc(b)
	files := renderSeed(b, "")
	a := newAbbrevs(doc)
	var pages [][]byte
	n := 0
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, files[p])
			n += len(files[p])
		}
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			a.mark(p)
		}
	}
}

// TestScanMarksAsTokenized: on every page of the seed the scan of the tags
// settles <main> and marks it as the tokenizer does.
func TestScanMarksAsTokenized(t *testing.T) {
	a := newAbbrevs(seedDoc(t))
	files := renderSeed(t, "")
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		scanned, tokenized, ok := bothMarks(a, files[p])
		if !ok {
			t.Errorf("%s: the scan does not settle the page", p)
		}
		if ok && scanned != tokenized {
			t.Errorf("%s: the scan marks otherwise than the tokenizer", p)
		}
	}
}

// bothMarks marks the <main> of page by the scan and by the tokenizer; ok is
// false when the scan does not settle it.
func bothMarks(a *abbrevs, page []byte) (scanned, tokenized string, ok bool) {
	start, end := bytes.Index(page, []byte("<main")), bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < start {
		return "", "", false
	}
	region := page[start:end]
	want := 0
	for stem := range a.long {
		if bytes.Contains(region, []byte(stem)) {
			want++
		}
	}
	var s, k bytes.Buffer
	done, ok := a.scanMarks(&s, region, want)
	s.Write(region[done:])
	k.Write(region[a.tokenMarks(&k, region, want):])
	return s.String(), k.String(), ok
}

// FuzzScanMarks: whenever the scan settles a page, it marks it as the
// tokenizer does.
func FuzzScanMarks(f *testing.F) {
	for _, s := range []string{
		`<main><p class="x" hidden>the ICTs &amp; <a href='y'>ICT</a></p><nav>ICT</nav> ICT</main>`,
		`<main><p>a < b, ICT</p><br/><code>ICT</code> ICT <!-- ICT --></main>`,
		`<main><P Title="ICT">x</P><abbr>ICT</abbr><textarea>ICT</textarea>ICTs</main>`,
		`<main><a href=x>ICT</a></a ><x-y z=">ICT">ICT</main>`,
	} {
		f.Add(s)
	}
	a := newAbbrevs(&factsheet.Document{Abbreviations: []*factsheet.Abbreviation{{Short: "ICTs", Long: "information technologies"}, {Short: "CSAM", Long: "abuse material"}}})
	f.Fuzz(func(t *testing.T, page string) {
		if scanned, tokenized, ok := bothMarks(a, []byte(page)); ok && scanned != tokenized {
			t.Errorf("scan:\n%s\ntokenizer:\n%s", scanned, tokenized)
		}
	})
}
