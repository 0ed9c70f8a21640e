package render

import (
	"slices"
	"strconv"
	"strings"

	"factsheet/site/factsheet"
)

// dimension is one filter of the explorer. Its Key is both the parameter of
// the address (recommendations/index.html?chapter=iv) and the facet name
// written on each entry (data-facets="chapter:iv ..."); assets/explorer.js
// knows no dimension by name, so that a new filter is one more row of
// dimensions, and nothing else.
type dimension struct {
	Key    string // address parameter and facet name, e.g. "chapter"
	Legend string // the message key of the fieldset's legend
	// values are the recommendation's values: its facets in this dimension
	values func(d *docSite, r *factsheet.Recommendation) []string
	// options are every value, in the order shown, with their labels
	options func(d *docSite) []option
	// idValues, when set, are one identifier's own values, which the
	// counts count (a text's identifiers may differ, e.g. in status)
	idValues func(d *docSite, id string) []string
}

// option is one value of a dimension, shown as a checkbox.
type option struct {
	Value string // in the address and the facets: lower case, no space, no comma, no colon
	Label string
	Title string // urgency only: the legend's word for the page's heading ("Require")
	Class string // the label's class: urgency options look like badges
	N     int    // identifiers with this value, before any filter
}

// dimensions are the explorer's filters, in the order shown and in the address.
var dimensions = []dimension{
	{Key: "urgency", Legend: "explorer.urgency", values: urgencyValues, options: urgencyOptions},
	{Key: "chapter", Legend: "explorer.chapter", values: chapterValues, options: chapterOptions},
	{Key: "addressee", Legend: "explorer.addressee", values: addresseeValues, options: addresseeOptions},
	{Key: "article", Legend: "explorer.article", values: articleValues, options: articleOptions},
	{Key: "status", Legend: "explorer.status", values: func(d *docSite, r *factsheet.Recommendation) []string { return statusValues(d, r.IDs) },
		options: statusOptions, idValues: func(d *docSite, id string) []string { return statusValues(d, []string{id}) }},
}

func urgencyValues(_ *docSite, r *factsheet.Recommendation) []string {
	return []string{string(r.Urgency)}
}

func urgencyOptions(d *docSite) []option {
	var out []option
	for _, l := range levels(d.doc) {
		out = append(out, option{Value: string(l.Urgency), Label: l.Word, Title: l.Word, Class: "badge u-" + string(l.Urgency)})
	}
	return out
}

func chapterValues(_ *docSite, r *factsheet.Recommendation) []string {
	return []string{r.Chapter.Slug()}
}

func chapterOptions(d *docSite) []option {
	var out []option
	for _, c := range d.doc.Chapters {
		out = append(out, option{Value: c.Slug(), Label: c.Number + ". " + c.Title})
	}
	return out
}

// addresseeOf is the addressee value of a section kind: "party" for the
// observations specific to the Party, "all" for the generic ones.
var addresseeOf = map[factsheet.SectionKind]string{factsheet.SectionSpecific: "party", factsheet.SectionGeneric: "all"}

func addresseeValues(_ *docSite, r *factsheet.Recommendation) []string {
	if v, ok := addresseeOf[r.Section]; ok {
		return []string{v}
	}
	return nil
}

func addresseeOptions(d *docSite) []option {
	party := d.cat.T("explorer.the-party-alone")
	if d.doc.Meta.Party != "" {
		party = d.cat.T("explorer.party-alone", d.doc.Meta.Party)
	}
	return []option{{Value: "party", Label: party}, {Value: "all", Label: d.cat.T("explorer.all-parties")}}
}

func articleValues(_ *docSite, r *factsheet.Recommendation) []string {
	var out []string
	for _, a := range r.Articles {
		if v := strconv.Itoa(a.Number); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func articleOptions(d *docSite) []option {
	var nums []int
	for _, r := range d.doc.Recommendations {
		for _, a := range r.Articles {
			if !slices.Contains(nums, a.Number) {
				nums = append(nums, a.Number)
			}
		}
	}
	slices.Sort(nums)
	var out []option
	for _, n := range nums {
		out = append(out, option{Value: strconv.Itoa(n), Label: d.cat.T("explorer.article.n", n)})
	}
	return out
}

// facetView is a dimension with its options, as the explorer's form shows it.
type facetView struct {
	Key     string
	Legend  string
	Options []option
}

// facetViews lists the dimensions with the options that some identifier has,
// each with its count; a dimension without any such option is left out.
func (d *docSite) facetViews() []facetView {
	var out []facetView
	for _, dim := range dimensions {
		n := map[string]int{}
		for _, e := range d.es {
			vs := dim.values(d, e.Rec)
			if dim.idValues != nil {
				vs = dim.idValues(d, e.ID)
			}
			for _, v := range vs {
				n[v]++
			}
		}
		fv := facetView{Key: dim.Key, Legend: d.cat.T(dim.Legend)}
		for _, o := range dim.options(d) {
			if o.N = n[o.Value]; o.N > 0 {
				fv.Options = append(fv.Options, o)
			}
		}
		if len(fv.Options) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// facets is the data-facets attribute of a recommendation: "key:value" for
// each value of each dimension, separated by spaces.
func (d *docSite) facets(r *factsheet.Recommendation) string {
	var parts []string
	for _, dim := range dimensions {
		for _, v := range dim.values(d, r) {
			parts = append(parts, dim.Key+":"+v)
		}
	}
	return strings.Join(parts, " ")
}

// weights is the data-weights attribute of a text with several identifiers:
// "key:value:n" for each value of a dimension whose identifiers may differ
// (idValues), n its identifiers, so that the explorer counts identifiers,
// not texts; "" when every identifier counts for every value.
func (d *docSite) weights(r *factsheet.Recommendation) string {
	if len(r.IDs) < 2 {
		return ""
	}
	var parts []string
	for _, dim := range dimensions {
		if dim.idValues == nil {
			continue
		}
		n := map[string]int{}
		var order []string
		for _, id := range r.IDs {
			for _, v := range dim.idValues(d, id) {
				if n[v] == 0 {
					order = append(order, v)
				}
				n[v]++
			}
		}
		for _, v := range order {
			parts = append(parts, dim.Key+":"+v+":"+strconv.Itoa(n[v]))
		}
	}
	return strings.Join(parts, " ")
}
