package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

var fixture = fstest.MapFS{
	"i18n/en.json": {Data: []byte(`{"plural.one": "1", "number.group": ",", "date": "{day} {month} {year}", "month.5": "May",
		"recs.one": "{n} recommendation", "recs.other": "{n} recommendations", "hello": "Hello {1}, {2}", "js.none": "No result for “{1}”"}`)},
	"i18n/fr.json": {Data: []byte(`{"plural.one": "0 1", "number.group": "\u202f", "date": "{day} {month} {year}", "month.5": "mai", "day.1": "1er",
		"recs.one": "{n} recommandation", "recs.other": "{n} recommandations", "hello": "Bonjour {1}, {2}", "js.none": "Aucun résultat"}`)},
}

func TestCatalogue(t *testing.T) {
	cats, err := Load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	en, fr := cats["en"], cats["fr"]
	if s, err := en.Message("hello", "a", 2); s != "Hello a, 2" || err != nil {
		t.Errorf("Message: %q %v", s, err)
	}
	if _, err := fr.Message("missing"); err == nil || !strings.Contains(err.Error(), `"missing"`) || !strings.Contains(err.Error(), "fr.json") {
		t.Errorf("a missing key gave %v", err)
	}
	if s := en.T("missing"); s != "[missing]" {
		t.Errorf("T of a missing key: %q", s)
	}
	for _, c := range []struct {
		cat  *Catalogue
		n    int
		want string
	}{{en, 0, "0 recommendations"}, {en, 1, "1 recommendation"}, {en, 1234, "1,234 recommendations"},
		{fr, 0, "0 recommandation"}, {fr, 1, "1 recommandation"}, {fr, 2, "2 recommandations"}, {fr, 1234567, "1\u202f234\u202f567 recommandations"}} {
		if got, err := c.cat.Plural(c.n, "recs"); got != c.want || err != nil {
			t.Errorf("%s Plural(%d) = %q %v, want %q", c.cat.Lang, c.n, got, err, c.want)
		}
	}
	if got := fr.Date("2023-05-01"); got != "1er mai 2023" {
		t.Errorf("French date: %q", got)
	}
	if got := en.Date("2023-05-21"); got != "21 May 2023" {
		t.Errorf("English date: %q", got)
	}
	if got := en.Date("not a date"); got != "not a date" {
		t.Errorf("a text that is no date: %q", got)
	}
	if got := string(en.Script()); got != `window.factsheetMessages={"none":"No result for “{1}”","plural.one":"1"};`+"\n" {
		t.Errorf("Script: %s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(fstest.MapFS{"i18n/fr.json": {Data: []byte(`{}`)}}); err == nil || !strings.Contains(err.Error(), "en.json is missing") {
		t.Errorf("no reference catalogue: %v", err)
	}
	if _, err := Load(fstest.MapFS{"i18n/en.json": {Data: []byte(`{"a": 1}`)}}); err == nil || !strings.Contains(err.Error(), "templates/i18n/en.json") {
		t.Errorf("a catalogue that is not strings: %v", err)
	}
}
