package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// hasID tells whether text, split into words, holds the identifier as whole words.
func hasID(text, id string) bool {
	return strings.Contains(" "+strings.Join(words(text), " ")+" ", " "+strings.Join(words(id), " ")+" ")
}

// TestPrintFilteredList prints the explorer filtered by urgency: the heading
// says what is shown, with the legend's word and the count of
// recommendations.json; only those recommendations are printed, not the filters.
func TestPrintFilteredList(t *testing.T) {
	d := loadExplorerData(t)
	tb := newTab(t)
	printMedia(t, tb)
	for _, l := range d.Levels {
		page := seedSlug + "/recommendations/index.html?urgency=" + l.Urgency
		tb.open(fileURL(page))
		text := eval[string](tb, `document.body.innerText`)
		n := 0
		for _, r := range d.Recs {
			if r.Urgency == l.Urgency {
				n++
			}
			if hasID(text, r.ID) != (r.Urgency == l.Urgency) {
				t.Errorf("%s printed: %s (%s) printed: %t", page, r.ID, r.Urgency, hasID(text, r.ID))
			}
		}
		heading := fmt.Sprintf("%s, urgency “%s”", d.Party, l.Word) // the legend's word
		count := fmt.Sprintf(": %d recommendation", n)
		// the heading is the first line of the page's main part (the print
		// header of the factsheet stands above it)
		main := eval[string](tb, `document.querySelector("main").innerText`)
		first, _, _ := strings.Cut(strings.TrimSpace(main), "\n")
		if !strings.HasPrefix(first, heading) || !strings.Contains(first, count) {
			t.Errorf("%s printed: first line of main %q, want %q…%q", page, first, heading, count)
		}
		if strings.Contains(text, "Clear the filters") {
			t.Errorf("%s printed: the filters are printed", page)
		}
	}
}

// planPrint is what the printed action plan shows.
type planPrint struct {
	Rows      []string `json:"rows"`      // identifiers of the rows printed
	Page      string   `json:"page"`      // the named page of the plan
	Landscape bool     `json:"landscape"` // an @page rule of that name is landscape
	Header    string   `json:"header"`    // display of the table's header: table-header-group repeats it on each page
	Switch    bool     `json:"switch"`    // the switch is printed
}

const planPrintJS = `(() => {
  const plan = document.querySelector(".plan");
  const rules = [...document.styleSheets].flatMap(s => [...s.cssRules]);
  const name = getComputedStyle(plan).page;
  return {
    rows: [...document.querySelectorAll(".plan-table tbody tr[class^=u-]")].filter(r => r.getClientRects().length).map(r => r.querySelector("th").textContent),
    page: name,
    landscape: rules.some(r => r instanceof CSSPageRule && r.selectorText === name && /landscape/.test(r.style.size)),
    header: getComputedStyle(document.querySelector(".plan-table thead")).display,
    switch: !!document.querySelector(".plan-switch").getClientRects().length,
  };
})()`

// TestPrintActionPlan prints the action plan: a landscape table whose
// header repeats, the require and request texts of recommendations.json
// (the invite ones too with ?include=invite), each text once with all its
// identifiers, without the switch.
func TestPrintActionPlan(t *testing.T) {
	d := loadExplorerData(t)
	tb := newTab(t)
	printMedia(t, tb)
	for _, invite := range []bool{false, true} {
		page := seedSlug + "/action-plan.html"
		if invite {
			page += "?include=invite"
		}
		tb.open(httpURL(page)) // over HTTP: file:// pages cannot read their style sheets' rules
		got := eval[planPrint](tb, planPrintJS)
		want := map[string]bool{}
		for _, r := range d.Recs {
			if invite || r.Urgency != "invite" {
				want[strings.Join(r.IDs, ",")] = true
			}
		}
		if len(got.Rows) != len(want) {
			t.Errorf("%s printed: %d rows, want one per text of recommendations.json: %d", page, len(got.Rows), len(want))
		}
		for _, row := range got.Rows {
			ids := strings.Split(row, ", ")
			found := false
			for k := range want {
				if len(strings.Split(k, ",")) == len(ids) && allIn(ids, k) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s printed: row %q is not a text of recommendations.json at this level", page, row)
			}
		}
		if got.Page == "" || got.Page == "auto" || !got.Landscape {
			t.Errorf("%s printed: named page %q, landscape %t", page, got.Page, got.Landscape)
		}
		if got.Header != "table-header-group" || got.Switch {
			t.Errorf("%s printed: header display %q (want table-header-group), switch printed %t", page, got.Header, got.Switch)
		}
	}
}

func allIn(ids []string, joined string) bool {
	for _, id := range ids {
		if !strings.Contains(","+joined+",", ","+id+",") {
			return false
		}
	}
	return true
}

// TestExplorerWithoutJavaScript: without scripts the whole list shows, the
// explorer's filters stay hidden, and the stylesheet's urgency filter works.
func TestExplorerWithoutJavaScript(t *testing.T) {
	d := loadExplorerData(t)
	tb := newTabWithoutScripts(t)
	page := seedSlug + "/recommendations/index.html?urgency=invite"
	tb.open(fileURL(page))
	if eval[bool](tb, `!!document.getElementById("explorer-form").getClientRects().length`) {
		t.Errorf("%s without JavaScript: the explorer's filters show, and cannot work", page)
	}
	for _, l := range d.Levels {
		eval[bool](tb, `document.getElementById("filter-`+l.Urgency+`").click(), true`)
		text := eval[string](tb, `document.querySelector("main").innerText`)
		for _, r := range d.Recs {
			if hasID(text, r.ID) != (r.Urgency == l.Urgency) {
				t.Errorf("%s without JavaScript, %q only: %s (%s) shown: %t", page, l.Word, r.ID, r.Urgency, hasID(text, r.ID))
			}
		}
	}
}
