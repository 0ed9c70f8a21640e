// Package i18n holds the message catalogues of the interface: every word the
// site writes around a factsheet's own text (headings, labels, the search's
// messages) comes from the catalogue of the page's language.
//
// A catalogue is a flat JSON object in the templates folder, i18n/<lang>.json,
// from message key to text. "{1}", "{2}", ... in a text are replaced by the
// arguments of T in order. Keys starting with "js." are the messages of the
// browser's scripts (see Script). A few keys are data about the language
// rather than messages:
//
//	"plural.one"   the counts that take the singular, e.g. "1" or "0 1"
//	"number.group" the thousands separator
//	"date"         a date, with {day}, {month} and {year}; "month.1" to
//	               "month.12" name the months, "day.1" may spell the first day
//
// English ("en") is the reference: every catalogue must have exactly its keys.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Dir is the folder of the catalogues inside the templates folder.
const Dir = "i18n"

// Reference is the language whose catalogue defines the set of keys.
const Reference = "en"

// Catalogue is the messages of one language.
type Catalogue struct {
	Lang string // the language tag, the catalogue's file name without .json
	msgs map[string]string
}

// Load reads every catalogue of the folder Dir of fsys, by language. It
// fails when the reference catalogue is missing or a file is not a JSON
// object of strings.
func Load(fsys fs.FS) (map[string]*Catalogue, error) {
	names, err := fs.Glob(fsys, Dir+"/*.json")
	if err != nil {
		return nil, err
	}
	cats := map[string]*Catalogue{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		c := &Catalogue{Lang: strings.TrimSuffix(path.Base(name), ".json")}
		if err := json.Unmarshal(b, &c.msgs); err != nil {
			return nil, fmt.Errorf("templates/%s: %v: write a JSON object from message key to text", name, err)
		}
		cats[c.Lang] = c
	}
	if cats[Reference] == nil {
		return nil, fmt.Errorf("templates/%s/%s.json is missing: the %s catalogue is the reference of every other", Dir, Reference, Reference)
	}
	return cats, nil
}

// Has reports whether the catalogue has a message for key.
func (c *Catalogue) Has(key string) bool { _, ok := c.msgs[key]; return ok }

// Keys returns the keys of the catalogue, sorted.
func (c *Catalogue) Keys() []string {
	keys := make([]string, 0, len(c.msgs))
	for k := range c.msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Raw returns the text of key as written in the catalogue, placeholders included.
func (c *Catalogue) Raw(key string) string { return c.msgs[key] }

// Message returns the text of key with its placeholders replaced by args, or
// an error naming the missing key.
func (c *Catalogue) Message(key string, args ...any) (string, error) {
	s, ok := c.msgs[key]
	if !ok {
		return "", fmt.Errorf("message %q is missing from templates/%s/%s.json: add it (and to every other catalogue)", key, Dir, c.Lang)
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i+1)+"}", fmt.Sprint(a))
	}
	return s, nil
}

// T is Message for Go code whose keys the tests check: a missing key gives
// the key itself in brackets, which the tests would also catch in the output.
func (c *Catalogue) T(key string, args ...any) string {
	s, err := c.Message(key, args...)
	if err != nil {
		return "[" + key + "]"
	}
	return s
}

// Number writes n with the language's thousands separator.
func (c *Catalogue) Number(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + c.Number(-n)
	}
	sep := c.msgs["number.group"]
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Plural returns the message key+".one" or key+".other", as the count n
// requires, with {n} replaced by the number.
func (c *Catalogue) Plural(n int, key string) (string, error) {
	form := ".other"
	for _, f := range strings.Fields(c.msgs["plural.one"]) {
		if f == strconv.Itoa(n) {
			form = ".one"
		}
	}
	s, err := c.Message(key + form)
	return strings.ReplaceAll(s, "{n}", c.Number(n)), err
}

// Date spells a YYYY-MM-DD date in the language ("25 May 2023", "25 mai
// 2023"), or returns it unchanged when it is not one.
func (c *Catalogue) Date(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	day := strconv.Itoa(t.Day())
	if s, ok := c.msgs["day."+day]; ok {
		day = s
	}
	return strings.NewReplacer("{day}", day, "{month}", c.msgs["month."+strconv.Itoa(int(t.Month()))],
		"{year}", strconv.Itoa(t.Year())).Replace(c.msgs["date"])
}

// Script is the browser's messages of the catalogue: a script defining
// window.factsheetMessages, the "js." messages keyed without the prefix, and
// the plural rule "plural.one".
func (c *Catalogue) Script() []byte {
	js := map[string]string{"plural.one": c.msgs["plural.one"]}
	for k, v := range c.msgs {
		if name, ok := strings.CutPrefix(k, "js."); ok {
			js[name] = v
		}
	}
	b, _ := json.Marshal(js) // a map of strings always encodes; keys come out sorted
	return []byte("window.factsheetMessages=" + string(b) + ";\n")
}

// ScriptFile is where the browser's messages of a language are written, relative to public/.
func ScriptFile(lang string) string { return "assets/i18n/" + lang + ".js" }
