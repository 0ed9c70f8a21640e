package render

import (
	"testing"

	defaults "factsheet"
	"factsheet/site/i18n"
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
