package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"factsheet/site/linkcheck"
	"factsheet/site/output"
)

// statusSite is the seed built with the status fixture of site/status.
var statusSite struct {
	once  sync.Once
	dir   string
	files output.Files
	err   error
}

// statusDir builds, once, the seed with site/status/testdata/lithuania.status.yaml
// beside it, and returns the built folder.
func statusDir(t *testing.T) string {
	t.Helper()
	statusSite.once.Do(func() {
		content := fstest.MapFS{}
		for name, p := range map[string]string{
			"lithuania.md":          filepath.Join(env.root, "content", "lithuania.md"),
			"lithuania.status.yaml": filepath.Join(env.root, "site", "status", "testdata", "lithuania.status.yaml"),
		} {
			b, err := os.ReadFile(p)
			if err != nil {
				statusSite.err = err
				return
			}
			content[name] = &fstest.MapFile{Data: b}
		}
		statusSite.dir = filepath.Join(env.tmp, "status-public")
		statusSite.files, statusSite.err = buildSite(content, "content", statusSite.dir, "")
	})
	if statusSite.err != nil {
		t.Fatalf("the seed with the status fixture did not build: %v", statusSite.err)
	}
	return statusSite.dir
}

func statusURL(rel string) string { return "file://" + filepath.ToSlash(statusSite.dir) + "/" + rel }

// statusPages are the pages that show the status.
var statusPages = []string{
	"lithuania/index.html",
	"lithuania/chapters/ii.html",
	"lithuania/recommendations/ii-1.html",
	"lithuania/recommendations/ii-12.html",
	"lithuania/recommendations/index.html",
	"lithuania/changes.html",
	"lithuania/action-plan.html",
	"downloads/lithuania.html",
}

// TestStatusMarkupAndLinks validates the status pages and checks every link of the site.
func TestStatusMarkupAndLinks(t *testing.T) {
	dir := statusDir(t)
	validateHTML(t, dir, statusPages)
	for _, p := range linkcheck.Check(statusSite.files) {
		t.Error(p)
	}
}

// badgeJS describes every state badge of the page: its class, its words and
// the size of its icon.
const badgeJS = `[...document.querySelectorAll(".state")].map(b => {
  const svg = b.querySelector("svg"), r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  return {cls: [...b.classList].find(c => c.startsWith("s-")), text: b.textContent.trim(), icon: Math.min(r.width, r.height),
    hidden: svg ? svg.getAttribute("aria-hidden") : ""};
})`

type stateBadge struct {
	Cls    string  `json:"cls"`
	Text   string  `json:"text"`
	Icon   float64 `json:"icon"`
	Hidden string  `json:"hidden"`
}

// labels are the words each state's badge must show.
var labels = map[string]string{
	"s-implemented": "Implemented", "s-partially-implemented": "Partially implemented", "s-in-progress": "In progress",
	"s-not-started": "Not started", "s-no-information": "No information", "s-not-applicable": "Not applicable", "s-none": "Not recorded",
}

// TestStatusBadges opens the recommendation, chapter and list pages from
// file://: every state is shown by its word and an icon, never by colour
// alone, and the history of II-1 is dated, newest first.
func TestStatusBadges(t *testing.T) {
	needBrowser(t)
	statusDir(t)
	tb := newTab(t)
	seen := map[string]bool{}
	for _, page := range []string{"lithuania/recommendations/ii-1.html", "lithuania/chapters/ii.html", "lithuania/recommendations/index.html", "lithuania/index.html"} {
		tb.open(statusURL(page))
		tb.settle()
		badges := eval[[]stateBadge](tb, badgeJS)
		if len(badges) == 0 {
			t.Errorf("%s: no state badge", page)
		}
		for _, b := range badges {
			seen[b.Cls] = true
			if b.Text != labels[b.Cls] || b.Icon < 10 || b.Hidden != "true" {
				t.Errorf("%s: badge %+v, want the word %q and a visible icon hidden from screen readers", page, b, labels[b.Cls])
			}
		}
		for _, p := range tb.problems() {
			t.Errorf("%s: %s", page, p)
		}
	}
	for cls := range labels {
		if cls != "s-not-started" && !seen[cls] { // the fixture's not-started entry is not a current state
			t.Errorf("no badge %s seen", cls)
		}
	}
	tb.open(statusURL("lithuania/recommendations/ii-1.html"))
	dates := eval[[]string](tb, `[...document.querySelectorAll(".status-history time")].map(t => t.dateTime)`)
	if strings.Join(dates, " ") != "2024-11-15 2024-03-01 2023-09-01" {
		t.Errorf("history of II-1: %v", dates)
	}
	if s := eval[string](tb, `document.querySelector(".status-history li:nth-child(3) .state").textContent`); s != "Not started" {
		t.Errorf("oldest entry of II-1 shows %q", s)
	}
	// an entry of the changes page leads to its place in the history
	tb.open(statusURL("lithuania/changes.html"))
	href := eval[string](tb, `document.querySelector(".changes a.rec-id").href`)
	tb.open(href)
	tb.settle()
	if got := eval[string](tb, `(document.querySelector(":target") || {}).tagName + " " + (document.querySelector(":target .state") || {}).textContent`); got != "LI Implemented" {
		t.Errorf("the first change leads to %s, shows %q", href, got)
	}
}

// chartJS reads each bar of the chart (the share of each segment) and the
// figures of the table, by row label.
const chartJS = `(() => {
  const bars = [...document.querySelectorAll(".chart-rows li")].map(li => {
    const svg = li.querySelector("svg.bar"), w = svg.clientWidth;
    return {label: li.querySelector(".chart-label").textContent, width: w,
      segs: [...svg.querySelectorAll("rect.seg")].map(r => ({cls: [...r.classList].find(c => c.startsWith("s-")), share: r.getBoundingClientRect().width / w}))};
  });
  const heads = [...document.querySelectorAll(".progress-table thead th")].map(th => th.textContent);
  const rows = {};
  for (const tr of document.querySelectorAll(".progress-table tbody tr")) {
    const th = tr.querySelector("th[scope=row]");
    if (th) rows[th.textContent] = [...tr.querySelectorAll("td")].map(td => +td.textContent);
  }
  return {bars, heads, rows, lead: document.querySelector(".progress-lead").textContent,
    scripts: document.querySelectorAll("script:not([src])").length};
})()`

type chart struct {
	Bars []struct {
		Label string  `json:"label"`
		Width float64 `json:"width"`
		Segs  []struct {
			Cls   string  `json:"cls"`
			Share float64 `json:"share"`
		} `json:"segs"`
	} `json:"bars"`
	Heads   []string         `json:"heads"`
	Rows    map[string][]int `json:"rows"`
	Lead    string           `json:"lead"`
	Scripts int              `json:"scripts"`
}

// TestStatusChart opens the home page from file:// at 1280 and 360 px: each
// bar's segments are as wide as the table's figures say, the lead sentence
// and the bars' labels agree with the table, nothing sticks out at 360 px.
func TestStatusChart(t *testing.T) {
	needBrowser(t)
	statusDir(t)
	tb := newTab(t)
	for _, width := range []int64{1280, 360} {
		if err := tb.do(chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		tb.open(statusURL("lithuania/index.html"))
		tb.settle()
		c := eval[chart](tb, chartJS)
		if len(c.Bars) < 4 || c.Scripts != 0 {
			t.Fatalf("%d px: %d bars, %d inline scripts", width, len(c.Bars), c.Scripts)
		}
		col := map[string]int{}
		for i, h := range c.Heads[1 : len(c.Heads)-1] {
			col[h] = i
		}
		for _, b := range c.Bars {
			name, rest, _ := strings.Cut(b.Label, ": ")
			row, ok := c.Rows[name]
			if !ok {
				t.Errorf("%d px: bar %q has no row in the table", width, name)
				continue
			}
			total := row[len(row)-1]
			implemented := 0
			if i, ok := col["Implemented"]; ok {
				implemented = row[i]
			}
			if want := strings.TrimSpace(rest); want != strconv.Itoa(implemented)+" of "+strconv.Itoa(total)+" implemented" {
				t.Errorf("%d px: bar label %q, table says %d of %d", width, b.Label, implemented, total)
			}
			if b.Width < 100 {
				t.Errorf("%d px: bar %q is %.0f px wide", width, name, b.Width)
			}
			for _, s := range b.Segs {
				n := row[col[labels[s.Cls]]]
				if math.Abs(s.Share-float64(n)/float64(total)) > 2/b.Width {
					t.Errorf("%d px: %q segment %s is %.3f of the bar, the table says %d of %d", width, name, s.Cls, s.Share, n, total)
				}
			}
		}
		for _, level := range []string{"Require", "Request", "Invite"} {
			row := c.Rows[level]
			if len(row) == 0 {
				continue
			}
			want := level + ": " + strconv.Itoa(row[col["Implemented"]]) + " of " + strconv.Itoa(row[len(row)-1]) + " implemented"
			if !strings.Contains(c.Lead, want) {
				t.Errorf("lead %q lacks %q", c.Lead, want)
			}
		}
		if width == 360 {
			if r := eval[reflow](tb, reflowJS); r.ScrollWidth > r.Width+1 || len(r.Over) > 0 {
				t.Errorf("360 px: the home page is %d px wide; sticking out: %s", r.ScrollWidth, strings.Join(r.Over, ", "))
			}
		}
		for _, p := range tb.problems() {
			t.Error(p)
		}
	}
}

// TestStatusAxe runs axe-core on the pages that show the status, light and dark, from file://.
func TestStatusAxe(t *testing.T) {
	statusDir(t)
	axe := axeScript(t)
	tb := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, tb, scheme)
		for _, page := range statusPages {
			tb.open(statusURL(page))
			tb.settle()
			for _, v := range runAxe(t, tb, axe).Violations {
				t.Errorf("%s (%s): %s", page, scheme, describe(v))
			}
		}
	}
}

// statusRec is a recommendation of the status site's recommendations.json:
// its facets and its current state.
type statusRec struct {
	facetRec
	Status *struct {
		State string `json:"state"`
	} `json:"status"`
}

func (r statusRec) facets() map[string][]string {
	f := r.facetRec.facets()
	f["status"] = []string{"not-recorded"}
	if r.Status != nil {
		f["status"] = []string{r.Status.State}
	}
	return f
}

// TestStatusExplorerFilter opens the explorer from file:// filtered by state
// (?status=...): it shows the texts of the identifiers in that state, counts
// identifiers (not texts: V-4 is implemented, V-7 of the same text is not),
// and every option's count agrees with recommendations.json; the filter
// stays in the address.
func TestStatusExplorerFilter(t *testing.T) {
	needBrowser(t)
	statusDir(t)
	var data struct {
		Recs []statusRec `json:"recommendations"`
	}
	if err := json.Unmarshal(statusSite.files["lithuania/recommendations.json"], &data); err != nil {
		t.Fatal(err)
	}
	inView := func(r statusRec, want map[string]string, skip string) bool {
		f := r.facets()
		for k, v := range want {
			if k != skip && !slices.Contains(f[k], v) {
				return false
			}
		}
		return true
	}
	tb := newTab(t)
	for _, want := range []map[string]string{{"status": "in-progress"}, {"status": "implemented"}, {"status": "implemented", "urgency": "invite"}, {"status": "not-recorded", "chapter": "ii"}} {
		var params []string
		for _, k := range []string{"urgency", "chapter", "status"} {
			if v, ok := want[k]; ok {
				params = append(params, k+"="+v)
			}
		}
		q := strings.Join(params, "&")
		tb.open(statusURL("lithuania/recommendations/index.html?" + q))
		tb.settle()
		got := eval[explorerState](tb, explorerStateJS)
		n, texts := 0, map[string]bool{}
		for _, r := range data.Recs {
			if inView(r, want, "") {
				n++
				for _, id := range r.IDs {
					texts[id] = true
				}
				if !slices.Contains(got.IDs, r.ID) {
					t.Errorf("?%s: %s is not shown", q, r.ID)
				}
			}
		}
		for _, id := range got.IDs {
			if !texts[id] {
				t.Errorf("?%s: %s is shown, yet neither it nor an identifier of its text is in the view", q, id)
			}
		}
		if !strings.Contains(got.Heading, fmt.Sprintf(": %d recommendation", n)) && !strings.Contains(got.Heading, fmt.Sprintf(" to: %d recommendation", n)) {
			t.Errorf("?%s: heading %q, want %d recommendations", q, got.Heading, n)
		}
		for k, c := range got.Counts {
			key, val, _ := strings.Cut(k, ":")
			expect := 0
			for _, r := range data.Recs {
				if inView(r, want, key) && slices.Contains(r.facets()[key], val) {
					expect++
				}
			}
			if c != expect {
				t.Errorf("?%s: option %s counts %d, want %d", q, k, c, expect)
			}
		}
		if !strings.Contains(got.Address, "status="+want["status"]) {
			t.Errorf("?%s: the address became %q", q, got.Address)
		}
		for _, p := range tb.problems() {
			t.Errorf("?%s: %s", q, p)
		}
	}
}
