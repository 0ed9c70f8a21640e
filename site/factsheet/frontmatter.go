package factsheet

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/parser"

	"factsheet/site/internal/lazy"
)

var (
	slugPattern    = lazy.Regexp(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	yamlLine       = lazy.Regexp(`line (\d+)`)
	languageFormat = lazy.Regexp(`^[a-z]{2,3}(-[A-Za-z0-9]+)*$`)
)

// sprintf is fmt.Sprintf, named once so that problem helpers read short.
var sprintf = fmt.Sprintf

// frontMatterEnd returns the line number of the '---' that closes the front
// matter opened on line 1, or 0 when there is none.
func (p *fileParser) frontMatterEnd() int {
	for i := 1; i < len(p.lines); i++ {
		end := len(p.src)
		if i+1 < len(p.lines) {
			end = p.lines[i+1]
		}
		if strings.TrimSpace(string(p.src[p.lines[i]:end])) == "---" {
			return i + 1
		}
	}
	return 0
}

// frontMatter reads and checks the YAML block that goldmark-meta parsed.
func (p *fileParser) frontMatter(ctx parser.Context) (Meta, bool) {
	first := p.src[:p.lines[min(1, len(p.lines)-1)]]
	if len(p.lines) < 2 || strings.TrimSpace(string(first)) != "---" {
		p.errorf(1, "no front matter: start the file with a '---' line, the YAML fields title, party, slug, language, last_update, report and links, and a closing '---' line")
		return Meta{}, false
	}
	end := p.frontMatterEnd()
	if end == 0 {
		p.errorf(1, "the front matter opened here is never closed: add a '---' line after its last field")
		return Meta{}, false
	}
	values, err := meta.TryGet(ctx)
	if err != nil {
		line := 2
		if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = 1 + n
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = yamlLine().ReplaceAllString(msg, "")
		p.errorf(line, "front matter is not valid YAML (%s): fix the YAML between the '---' lines", strings.Trim(msg, " :"))
		return Meta{}, false
	}
	lines := p.keyLines(end)
	lineOfKey := func(key string) int { return max(lines[key], 1) }
	p.checkKeys(values, lines)
	m := Meta{
		Title:          p.metaString(values, "title", lineOfKey),
		Party:          p.metaString(values, "party", lineOfKey),
		Slug:           p.metaString(values, "slug", lineOfKey),
		Language:       p.metaString(values, "language", lineOfKey),
		LastUpdate:     p.metaString(values, "last_update", lineOfKey),
		Report:         p.metaString(values, "report", lineOfKey),
		Round:          p.metaString(values, "round", lineOfKey),
		BaseURL:        p.metaString(values, "base_url", lineOfKey),
		Source:         p.metaString(values, "source", lineOfKey),
		Author:         p.metaString(values, "author", lineOfKey),
		Links:          p.metaLinks(values, lineOfKey("links")),
		Convention:     p.metaString(values, "convention", lineOfKey),
		TranslationKey: p.metaString(values, "translation_key", lineOfKey),
	}
	for _, key := range []string{"title", "party", "slug"} {
		if _, ok := values[key]; !ok {
			p.errorf(1, "front matter has no %q: add '%s: ...' between the '---' lines", key, key)
		}
	}
	if m.Slug != "" && !slugPattern().MatchString(m.Slug) {
		p.errorf(lineOfKey("slug"), "slug %q is not a folder name: use lower-case letters, digits and single hyphens, e.g. \"lithuania\"", m.Slug)
	}
	if m.Round != "" && !slugPattern().MatchString(m.Round) {
		p.errorf(lineOfKey("round"), "round %q is not a folder name: use lower-case letters, digits and single hyphens, e.g. \"2nd-round\"", m.Round)
	}
	if m.Language == "" {
		m.Language = "en"
	} else if !languageFormat().MatchString(m.Language) {
		p.errorf(lineOfKey("language"), "language %q is not a language tag: use e.g. \"en\" or \"fr\"", m.Language)
	}
	if m.LastUpdate != "" {
		if _, err := time.Parse("2006-01-02", m.LastUpdate); err != nil {
			p.errorf(lineOfKey("last_update"), "last_update %q is not a date: write it as YYYY-MM-DD", m.LastUpdate)
		}
	}
	if m.Source != "" && !absoluteHTTP(m.Source) {
		p.errorf(lineOfKey("source"), "source %q is not the address of a document: give an absolute http(s) address, e.g. https://rm.coe.int/...", m.Source)
	}
	return m, !p.problems.HasErrors()
}

// absoluteHTTP tells whether s is an absolute http or https address.
func absoluteHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// metaString reads a front matter field that must be a single line of text.
func (p *fileParser) metaString(values map[string]any, key string, lineOf func(string) int) string {
	v, ok := values[key]
	if !ok || v == nil {
		return ""
	}
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case int, float64, bool:
		return fmt.Sprint(t)
	case time.Time:
		return t.Format("2006-01-02")
	}
	p.errorf(lineOf(key), "front matter %q must be text, not a list or a map", key)
	return ""
}

// metaLinks reads the "links" map: link text → address, "" for a link
// listed as deliberately without one ("online form": null).
func (p *fileParser) metaLinks(values map[string]any, line int) map[string]string {
	v, ok := values["links"]
	if !ok || v == nil {
		return nil
	}
	links := map[string]string{}
	add := func(k, val any) {
		ks, kok := k.(string)
		vs, vok := val.(string)
		if kok && val == nil {
			links[normalizeSpace(ks)] = "" // deliberately without an address
			return
		}
		if !kok || !vok {
			p.errorf(line, "front matter links: each entry must be \"link text\": \"address\", or \"link text\": null for a link without one (found %v: %v)", k, val)
			return
		}
		links[normalizeSpace(ks)] = strings.TrimSpace(vs)
	}
	switch t := v.(type) {
	case map[any]any:
		for k, val := range t {
			add(k, val)
		}
	case map[string]any:
		for k, val := range t {
			add(k, val)
		}
	default:
		p.errorf(line, "front matter links must be a map from link text to address")
	}
	return links
}

// normalizeSpace collapses runs of white space into one space and trims the ends.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
