package render

import (
	"strings"
	"testing"

	"factsheet/site/factsheet"
)

func TestInline(t *testing.T) {
	doc := &factsheet.Document{Footnotes: []*factsheet.Footnote{{Number: 4}, {Number: 5}}}
	tests := []struct {
		name, src, want string
	}{
		{"text is escaped", `a < b & "c"`, `a &lt; b &amp; &quot;c&quot;`},
		{"emphasis", "the Committee **invites** *all* Parties", "the Committee <strong>invites</strong> <em>all</em> Parties"},
		{"https link", "[the Convention](https://www.coe.int/a?b=1&c=2)", `<a href="https://www.coe.int/a?b=1&amp;c=2">the Convention</a>`},
		{"link title", `[x](https://e.org "T")`, `<a href="https://e.org" title="T">x</a>`},
		{"mailto link", "[write](mailto:a@coe.int)", `<a href="mailto:a@coe.int">write</a>`},
		{"relative link", "[page](other.html#x)", `<a href="other.html#x">page</a>`},
		{"javascript link keeps its text only", "[click](javascript:alert(1))", "click"},
		{"upper-case javascript link", "[click](JaVaScRiPt:alert(1))", "click"},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "x"},
		{"vbscript link", "[x](vbscript:msgbox)", "x"},
		{"protocol-relative link", "[x](//evil.example/a)", "x"},
		{"raw script dropped", "a <script>alert(1)</script> b", "a alert(1) b"},
		{"raw img dropped", `a <img src=x onerror="alert(1)"> b`, "a  b"},
		{"image becomes its text", "![a chart](chart.png)", "a chart"},
		{"email autolink", "<lanzarote@coe.int>", `<a class="url" href="mailto:lanzarote@coe.int">lanzarote@coe.int</a>`},
		{"footnote reference", "text.<sup>4</sup>", `text.<sup class="fnref" id="fnref-4"><a href="#fn-4" aria-label="Footnote 4">4</a></sup>`},
		{"two references", "a<sup>4</sup> b<sup>5</sup>", `a<sup class="fnref" id="fnref-4"><a href="#fn-4" aria-label="Footnote 4">4</a></sup> b<sup class="fnref" id="fnref-5"><a href="#fn-5" aria-label="Footnote 5">5</a></sup>`},
		{"unknown footnote stays unlinked", "a<sup>9</sup>", `a<sup class="fnref">9</sup>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(newInliner(catalogue(t, "en")).html(inl(t, tt.src), newRefs(knownNotes(doc), true)))
			if got != tt.want {
				t.Errorf("%s\n got: %s\nwant: %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestInlineRepeatedReference(t *testing.T) {
	doc := &factsheet.Document{Footnotes: []*factsheet.Footnote{{Number: 4}}}
	in, r := newInliner(catalogue(t, "en")), newRefs(knownNotes(doc), true)
	first := in.html(inl(t, "a<sup>4</sup>"), r)
	second := in.html(inl(t, "b<sup>4</sup>"), r)
	if want := `a<sup class="fnref" id="fnref-4">`; string(first)[:len(want)] != want {
		t.Errorf("first reference: %s", first)
	}
	if want := `b<sup class="fnref" id="fnref-4-2">`; string(second)[:len(want)] != want {
		t.Errorf("second reference: %s", second)
	}
	if r.seen[4] != 2 || len(r.order) != 1 || r.order[0] != 4 {
		t.Errorf("references recorded: seen %v, order %v", r.seen, r.order)
	}
	notes := footnotes(newNotes(doc, in), r, nil)
	if len(notes) != 1 || len(notes[0].Backs) != 2 || notes[0].Backs[1].Href != "#fnref-4-2" {
		t.Errorf("footnote back-links: %+v", notes)
	}
}

func TestInlineWithoutLinks(t *testing.T) {
	doc := &factsheet.Document{Footnotes: []*factsheet.Footnote{{Number: 4}}}
	r := newRefs(knownNotes(doc), false)
	r.href = nil
	got := string(newInliner(catalogue(t, "en")).html(inl(t, "a<sup>4</sup>"), r))
	if got != `a<sup class="fnref">4</sup>` || len(r.order) != 1 {
		t.Errorf("got %s, order %v", got, r.order)
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://coe.int": true, "http://coe.int": true, "mailto:a@b.c": true, "page.html": true, "#x": true,
		"javascript:x": false, " javascript:x": false, "JAVASCRIPT:x": false, "data:x": false, "file:///etc": false,
		"//host/x": false, "": false, "java\nscript:x": false, "ftp://x": false,
	} {
		if got := safeURL(u); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestFirstSentenceAndClip(t *testing.T) {
	if got := firstSentence("The Committee invites Lithuania to act. Then more.", 100); got != "The Committee invites Lithuania to act." {
		t.Errorf("firstSentence: %q", got)
	}
	if got := clip("one two three four five", 12); got != "one two…" {
		t.Errorf("clip: %q", got)
	}
	if got := clip("short", 12); got != "short" {
		t.Errorf("clip: %q", got)
	}
}

func TestEntriesOrder(t *testing.T) {
	doc := fixture(t)
	var ids []string
	for _, e := range entries(doc) {
		ids = append(ids, e.ID)
	}
	want := "II-1 II-2 II-3 II-10"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("entries: %s, want %s", got, want)
	}
}
