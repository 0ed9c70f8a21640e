package render

import "factsheet/site/urls"

// recLD is the schema.org description (JSON-LD) of a recommendation page,
// written when the site has a base URL: the recommendation as a
// CreativeWork, its urgency as a DefinedTerm, part of the factsheet's Report.
type recLD struct {
	Context    string   `json:"@context"`
	Type       string   `json:"@type"`
	ID         string   `json:"@id"`
	URL        string   `json:"url"`
	Identifier string   `json:"identifier"`
	Name       string   `json:"name"`
	Text       string   `json:"text"`
	Language   string   `json:"inLanguage,omitempty"`
	Modified   string   `json:"dateModified,omitempty"`
	Keywords   []termLD `json:"keywords"`
	IsPartOf   reportLD `json:"isPartOf"`
}

// termLD is an urgency level as a schema.org DefinedTerm.
type termLD struct {
	Type        string `json:"@type"`
	Name        string `json:"name"`
	TermCode    string `json:"termCode"`
	Description string `json:"description,omitempty"`
}

// reportLD is the factsheet as a schema.org Report.
type reportLD struct {
	Type     string   `json:"@type"`
	ID       string   `json:"@id"`
	URL      string   `json:"url"`
	Name     string   `json:"name"`
	Modified string   `json:"dateModified,omitempty"`
	Author   *namedLD `json:"author,omitempty"`
	Coverage *namedLD `json:"spatialCoverage,omitempty"`
	BasedOn  string   `json:"isBasedOn,omitempty"` // the original document
}

// namedLD is a schema.org thing known by its name.
type namedLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// recJSONLD describes identifier e's page at url; nil without a base URL.
func (d *docSite) recJSONLD(e entry, url string) *recLD {
	if d.opts.BaseURL == "" {
		return nil
	}
	m, l := d.doc.Meta, levelOf(d.doc, e.Rec.Urgency)
	home := pageURL(d.opts.BaseURL, urls.Factsheet(d.slug).Home())
	ld := &recLD{
		Context: "https://schema.org", Type: "CreativeWork", ID: url, URL: url,
		Identifier: e.ID, Name: d.cat.T("rec.title", e.ID), Text: d.recPlain(e.Rec),
		Language: lang(d.doc), Modified: m.LastUpdate,
		Keywords: []termLD{{Type: "DefinedTerm", Name: l.Word, TermCode: string(l.Urgency), Description: l.Meaning}},
		IsPartOf: reportLD{Type: "Report", ID: home, URL: home, Name: d.siteTitle(), Modified: m.LastUpdate, BasedOn: m.Source},
	}
	if m.Author != "" {
		ld.IsPartOf.Author = &namedLD{Type: "Organization", Name: m.Author}
	}
	if m.Party != "" {
		ld.IsPartOf.Coverage = &namedLD{Type: "Country", Name: m.Party}
	}
	return ld
}
