package render

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/linkcheck"
	"factsheet/site/output"
	"factsheet/site/status"
)

// statusFixture is the test status file of site/status, read against the seed.
func statusFixture(t testing.TB, doc *factsheet.Document) *status.Record {
	t.Helper()
	src, err := os.ReadFile("../status/testdata/lithuania.status.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range doc.Recommendations {
		ids = append(ids, r.IDs...)
	}
	rec, ps := status.Parse("lithuania.status.yaml", src, ids, "2025-01-01")
	if len(ps) > 0 {
		t.Fatalf("the fixture has problems against the seed:\n%v", ps)
	}
	return rec
}

// renderWithStatus renders the seed with the fixture status file.
func renderWithStatus(t testing.TB, base string) (output.Files, *factsheet.Document, *status.Record) {
	t.Helper()
	doc := seedDoc(t)
	rec := statusFixture(t, doc)
	files, err := Site([]*factsheet.Document{doc}, Options{Templates: defaults.Templates, Assets: defaults.Assets,
		BaseURL: base, Status: map[string]*status.Record{"lithuania": rec}})
	if err != nil {
		t.Fatal(err)
	}
	return files, doc, rec
}

func TestStatusRecommendationPage(t *testing.T) {
	files, _, _ := renderWithStatus(t, "")
	page := mustHave(t, files, "lithuania/recommendations/ii-1.html",
		`<dt>Status</dt><dd><span class="state s-implemented"><svg class="state-icon"`,
		`</svg>Implemented</span> since <time datetime="2024-11-15">15 November 2024</time> · Official Gazette</dd>`,
		`<h2 id="history-title">Implementation history</h2>`,
		`A draft amendment is before <em>Parliament</em>.`,
		`<a href="https://example.org/reply-2024.pdf">Reply of the Party to the compliance procedure</a>`,
		`see <a href="https://example.org/law">the law</a>`)
	// the history is newest first, each entry anchored by its date
	order := []string{`id="status-2024-11-15"`, `id="status-2024-03-01"`, `id="status-2023-09-01"`}
	last := -1
	for _, o := range order {
		i := strings.Index(page, o)
		if i <= last {
			t.Fatalf("history entry %s missing or out of order", o)
		}
		last = i
	}
	// an identifier the file does not mention says so, without a history
	page = mustHave(t, files, "lithuania/recommendations/ii-12.html", `<span class="state s-none">`, `Not recorded</span> <span class="meaning">No entry in the status file yet.</span>`)
	if strings.Contains(page, "Implementation history") {
		t.Error("ii-12.html shows a history it does not have")
	}
}

func TestStatusBesideEachRecommendation(t *testing.T) {
	files, doc, rec := renderWithStatus(t, "")
	list := string(files["lithuania/recommendations/index.html"])
	for _, e := range entries(doc) {
		want := "s-none"
		if c, ok := rec.Current(e.ID); ok {
			want = "s-" + string(c.State)
		}
		item := regexp.MustCompile(`<a class="rec-id" href="(?:\.\./recommendations/)?` + e.Stem() + `\.html">` + e.ID + `</a> <span class="state ([a-z-]+)">`)
		if m := item.FindStringSubmatch(list); m == nil || m[1] != want {
			t.Errorf("list: %s has state %v, want %s", e.ID, m, want)
		}
		chapter := string(files["lithuania/chapters/"+e.Rec.Chapter.Slug()+".html"])
		mark := regexp.MustCompile(`<a class="rec-id" href="\.\./recommendations/` + e.Stem() + `\.html">` + e.ID + `</a> <span class="state ([a-z-]+)">`)
		if m := mark.FindStringSubmatch(chapter); m == nil || m[1] != want {
			t.Errorf("chapter %s: %s has state %v, want %s", e.Rec.Chapter.Number, e.ID, m, want)
		}
	}
}

func TestStatusHomeProgress(t *testing.T) {
	files, doc, rec := renderWithStatus(t, "")
	home := mustHave(t, files, "lithuania/index.html", `<h2 id="progress-title">Implementation status</h2>`,
		`<a href="changes.html">All changes</a>`, `<a href="changes.xml" type="application/atom+xml">Atom feed</a>`,
		`<table class="progress-table">`, `<link rel="alternate" type="application/atom+xml" href="changes.xml"`)
	if strings.Contains(home, "No implementation status has been recorded") {
		t.Error("the home page says nothing is recorded")
	}
	// "Require: N of M implemented", counted here from the file and the model
	for _, l := range levels(doc) {
		done, total := 0, 0
		for _, e := range entries(doc) {
			if e.Rec.Urgency != l.Urgency {
				continue
			}
			total++
			if c, ok := rec.Current(e.ID); ok && c.State == status.Implemented {
				done++
			}
		}
		want := fmt.Sprintf("<strong>%s: %d of %d implemented</strong>", l.Word, done, total)
		if !strings.Contains(home, want) {
			t.Errorf("home lacks %s", want)
		}
		if !strings.Contains(home, fmt.Sprintf(`<span class="chart-label">%s: %d of %d implemented</span><svg class="bar"`, l.Word, done, total)) {
			t.Errorf("no bar for %s", l.Word)
		}
	}
	// one bar per urgency and per chapter with recommendations, no script
	bars := strings.Count(home, `<svg class="bar"`)
	want := len(counts(doc, entries(doc)))
	for _, c := range doc.Chapters {
		if len(entries(doc)) > 0 && strings.Contains(home, ">"+c.Number+". "+c.Title+": ") {
			want++
		}
	}
	if bars != want || bars < 5 {
		t.Errorf("%d bars, want %d", bars, want)
	}
	if strings.Contains(home, "<script>") {
		t.Error("inline script on the home page")
	}
}

func TestStatusChangesPageAndData(t *testing.T) {
	files, _, rec := renderWithStatus(t, "")
	page := mustHave(t, files, "lithuania/changes.html", `<h1>Implementation status: changes</h1>`, `9 entries`,
		`<a class="rec-id" href="recommendations/ii-1.html#status-2024-11-15">II-1</a>`)
	days := regexp.MustCompile(`<h2 id="day-(\d{4}-\d{2}-\d{2})">`).FindAllStringSubmatch(page, -1)
	if len(days) != 3 || days[0][1] != "2024-11-15" || days[1][1] != "2024-03-01" || days[2][1] != "2023-09-01" {
		t.Errorf("days on the changes page: %v", days)
	}
	var data struct {
		Recommendations []struct {
			ID      string      `json:"id"`
			Status  *statusData `json:"status"`
			History []statusData
		}
	}
	if err := json.Unmarshal(files["lithuania/recommendations.json"], &data); err != nil {
		t.Fatal(err)
	}
	withStatus := 0
	for _, r := range data.Recommendations {
		h := rec.History(r.ID)
		if len(h) != len(r.History) {
			t.Errorf("%s: %d history entries in the JSON, %d in the file", r.ID, len(r.History), len(h))
			continue
		}
		if len(h) == 0 {
			if r.Status != nil {
				t.Errorf("%s: a status without an entry", r.ID)
			}
			continue
		}
		withStatus++
		last := h[len(h)-1]
		if r.Status == nil || r.Status.State != string(last.State) || r.Status.Date != last.Date || r.Status.Source != last.Source {
			t.Errorf("%s: status %+v, want %+v", r.ID, r.Status, last)
		}
	}
	if withStatus != len(rec.Entries) {
		t.Errorf("%d recommendations with a status in the JSON, %d in the file", withStatus, len(rec.Entries))
	}
	rows, err := csv.NewReader(strings.NewReader(string(files["lithuania/recommendations.csv"]))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if row[0] == "II-1" && (row[10] != "implemented" || row[11] != "2024-11-15" || row[12] != "Official Gazette") {
			t.Errorf("CSV row of II-1: %v", row[10:])
		}
	}
}

func TestStatusSingleFileAndLinks(t *testing.T) {
	files, _, _ := renderWithStatus(t, "")
	mustHave(t, files, "downloads/lithuania.html", `<h2 id="progress-title">Implementation status</h2>`,
		`<section class="chapter changes-all" id="changes"`, `<a class="rec-id" href="#recommendation-ii-1">II-1</a>`,
		`<p class="rec-status">Status: <span class="state s-implemented">`)
	checkUniqueIDs(t, files)
	files["lithuania/search-index.js"], files["search-index.js"] = []byte{}, []byte{} // written by package search
	files["assets/search.js"], files["assets/search.css"] = []byte{}, []byte{}
	files["downloads/lithuania-offline.zip"] = []byte{}
	for _, p := range linkcheck.Check(files) {
		t.Error(p)
	}
}

func TestWithoutStatusFile(t *testing.T) {
	files := renderSeed(t, "")
	mustHave(t, files, "lithuania/index.html", `<p class="no-status">No implementation status has been recorded for these recommendations.</p>`)
	mustHave(t, files, "downloads/lithuania.html", `<p class="no-status">`)
	for _, p := range []string{"lithuania/changes.html", "lithuania/changes.xml"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s written without a status file", p)
		}
	}
	for _, p := range files.Paths() {
		if b := string(files[p]); strings.Contains(b, `class="state `) || strings.Contains(b, "progress-title") || strings.Contains(b, `"history"`) ||
			strings.Contains(b, `data-dim="status"`) || strings.Contains(b, "status.css") {
			t.Errorf("%s shows status furniture without a status file", p)
		}
	}
}

// atomDoc is what the feed test reads of an Atom document.
type atomDoc struct {
	XMLName xml.Name
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		ID      string     `xml:"id"`
		Title   string     `xml:"title"`
		Updated string     `xml:"updated"`
		Links   []atomLink `xml:"link"`
		Summary string     `xml:"summary"`
		Content string     `xml:"content"`
	} `xml:"entry"`
}

// checkAtom checks the rules of RFC 4287 that a feed reader relies on:
// namespace, required elements of the feed and of each entry, unique ids
// that are absolute IRIs, RFC 3339 dates, an alternate link or content. It
// returns the feed and what breaks the rules.
func checkAtom(b []byte, base string) (atomDoc, []string) {
	var f atomDoc
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if err := xml.Unmarshal(b, &f); err != nil {
		return f, []string{"not XML: " + err.Error()}
	}
	if f.XMLName.Space != atomNS || f.XMLName.Local != "feed" {
		fail("root element %v, want {%s feed}", f.XMLName, atomNS)
	}
	iri := regexp.MustCompile(`^[a-z][a-z0-9+.-]*:\S+$`)
	date := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			fail("%s: updated %q is not RFC 3339", what, s)
		}
	}
	if f.Title == "" || !iri.MatchString(f.ID) || len(f.Author) == 0 || f.Author[0].Name == "" {
		fail("feed lacks title, id or author: %+v", f)
	}
	date("feed", f.Updated)
	ids := map[string]bool{f.ID: true}
	for _, e := range f.Entries {
		if e.Title == "" || !iri.MatchString(e.ID) {
			fail("entry without title or IRI id: %+v", e)
		}
		if ids[e.ID] {
			fail("id %s used twice", e.ID)
		}
		ids[e.ID] = true
		date(e.ID, e.Updated)
		if e.Updated > f.Updated {
			fail("entry %s updated after the feed", e.ID)
		}
		alternate := false
		for _, l := range e.Links {
			if l.Rel == "" || l.Rel == "alternate" {
				alternate = true
				if base != "" && !strings.HasPrefix(l.Href, base) {
					fail("entry link %s not under %s", l.Href, base)
				}
			}
		}
		if !alternate && e.Content == "" {
			fail("entry %s has neither content nor an alternate link", e.ID)
		}
	}
	return f, errs
}

func TestStatusFeed(t *testing.T) {
	files, _, rec := renderWithStatus(t, "")
	f, errs := checkAtom(files["lithuania/changes.xml"], "")
	for _, e := range errs {
		t.Error(e)
	}
	if n := len(rec.All(lessID)); len(f.Entries) != n || n == 0 {
		t.Fatalf("%d entries in the feed, %d in the file", len(f.Entries), n)
	}
	if f.Updated != "2024-11-15T00:00:00Z" || f.Entries[0].Title != "II-1: Implemented" || f.Entries[0].Links[0].Href != "recommendations/ii-1.html#status-2024-11-15" {
		t.Errorf("feed updated %s, first entry %+v", f.Updated, f.Entries[0])
	}
	for _, l := range f.Links {
		if l.Rel == "self" {
			t.Errorf("a self link without a base URL: %s", l.Href)
		}
	}
	base := "https://example.github.io/factsheets/"
	files, _, _ = renderWithStatus(t, base)
	f2, errs := checkAtom(files["lithuania/changes.xml"], base+"lithuania/")
	for _, e := range errs {
		t.Error(e)
	}
	self := false
	for _, l := range f2.Links {
		self = self || (l.Rel == "self" && l.Href == base+"lithuania/changes.xml")
	}
	if !self || f2.ID != f.ID || f2.Entries[0].ID != f.Entries[0].ID {
		t.Errorf("with a base URL: self link %t, ids %s / %s", self, f2.ID, f.ID)
	}
}

func TestAtomCheckerFails(t *testing.T) {
	// the checker must reject a feed breaking the rules it checks
	bad := `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>urn:x</id><updated>2024-01-01</updated>` +
		`<author><name>a</name></author><entry><title>e</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated></entry></feed>`
	_, errs := checkAtom([]byte(bad), "")
	want := []string{
		`feed: updated "2024-01-01" is not RFC 3339`,
		"id urn:x used twice",
		"entry urn:x updated after the feed",
		"entry urn:x has neither content nor an alternate link",
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("checkAtom on a bad feed:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	if _, errs := checkAtom([]byte(`<rss/>`), ""); len(errs) == 0 {
		t.Error("an RSS document passed as Atom")
	}
}

func TestStatusExplorerFilter(t *testing.T) {
	files, doc, rec := renderWithStatus(t, "")
	list := mustHave(t, files, "lithuania/recommendations/index.html", `<fieldset class="facet" data-dim="status"><legend>Implementation status</legend>`)
	// each option counts the identifiers in its state
	n := map[string]int{}
	for _, e := range entries(doc) {
		v := "not-recorded"
		if c, ok := rec.Current(e.ID); ok {
			v = string(c.State)
		}
		n[v]++
	}
	for v, want := range n {
		opt := regexp.MustCompile(`name="status" value="` + v + `"> <span>[^<]+</span> <span class="n">(\d+)</span>`).FindStringSubmatch(list)
		if opt == nil || opt[1] != fmt.Sprint(want) {
			t.Errorf("option %s: %v, want %d identifiers", v, opt, want)
		}
	}
	if strings.Contains(list, `name="status" value="not-started"`) {
		t.Error("an option for a state no identifier is in")
	}
	// a text carries the state of each of its identifiers (V-4 implemented, V-7 not recorded)
	facets := regexp.MustCompile(`data-facets="([^"]*)"`).FindAllStringSubmatch(list, -1)
	found := false
	for _, f := range facets {
		if strings.Contains(f[1], "status:implemented") && strings.Contains(f[1], "status:not-recorded") {
			found = true
		}
	}
	if !found {
		t.Error("no entry carries both status:implemented and status:not-recorded (V-4 with V-7)")
	}
	single := string(files["downloads/lithuania.html"])
	if !strings.Contains(single, `data-dim="status"`) || !strings.Contains(single, "status:in-progress") {
		t.Error("the single-file edition's explorer has no status filter")
	}
	mustHave(t, files, "downloads/lithuania.html", `<p class="rec-status">Status of V-4: <span class="state s-implemented">`,
		`<p class="rec-status">Status of V-7: <span class="state s-none">`)
}

func TestStatusActionPlan(t *testing.T) {
	files, _, _ := renderWithStatus(t, "")
	rows, err := csv.NewReader(strings.NewReader(string(files["lithuania/action-plan-all.csv"]))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "Status" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no Status column in %v", rows[0])
	}
	want := map[string]string{
		"II-1":                 "Implemented (2024-11-15)",
		"IV-5":                 "In progress (2024-03-01)",
		"V-4, V-7, V-12, V-15": "V-4: Implemented (2024-11-15)",
		"II-11, II-12":         "",
	}
	for _, r := range rows[1:] {
		if w, ok := want[r[1]]; ok {
			if r[col] != w {
				t.Errorf("action plan, %s: status %q, want %q", r[1], r[col], w)
			}
			delete(want, r[1])
		}
	}
	for ids := range want {
		t.Errorf("no action plan row for %s", ids)
	}
	page := mustHave(t, files, "lithuania/action-plan.html", `<td>In progress (2024-03-01)</td>`)
	if !strings.Contains(page, `<td class="fill" data-label="Status"></td>`) {
		t.Error("a recommendation without status has no Status cell to fill in")
	}
}
