package factsheet

import (
	"embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// grammarFiles holds the words of the grammar, one file per language:
// grammar/<lang>.json (see Vocabulary).
//
//go:embed grammar/*.json
var grammarFiles embed.FS

// Vocabulary is the words by which the grammar recognises the parts of a
// factsheet in one language: the "Last update" line, the section headings,
// the footnotes naming recommendations and the urgency verbs. It is data,
// read from grammar/<lang>.json, so that adding a language adds a file:
//
//	title           the heading's words before "– PARTY" (a regular expression)
//	last_update     the words before ": DD.MM.YYYY" (a regular expression)
//	sections        for each section kind, how its heading starts (regular expressions)
//	recommendation  the word naming one recommendation, then several
//	and             the words joining the last identifiers of a list
//	urgency         for each level, its bold verbs and level words, lower case
//	default_levels  for each level, the word and meaning used when the
//	                introduction does not define it
//	articles        how references to Articles of the Convention are
//	                written (see articleGrammar)
type Vocabulary struct {
	Lang       string
	lastUpdate *regexp.Regexp
	party      *regexp.Regexp // the title block's heading naming the party, "FACTSHEET – LITHUANIA"
	sections   []sectionPattern
	names      *regexp.Regexp
	verbs      map[string]Urgency // a bold verb or level word, lower case → its level
	defaults   []Level
	articles   articleWords // the words naming Articles of the Convention
	verbList   string       // the verbs, for messages: "**requires**, **requests** or **invites**"
}

// sectionPattern recognises the heading of one kind of section.
type sectionPattern struct {
	pattern *regexp.Regexp
	kind    SectionKind
	id      string
}

// grammarFile is the JSON form of a Vocabulary.
type grammarFile struct {
	Title          string                 `json:"title"`
	LastUpdate     string                 `json:"last_update"`
	Sections       map[SectionKind]string `json:"sections"`
	Recommendation [2]string              `json:"recommendation"`
	And            []string               `json:"and"`
	Urgency        map[Urgency][]string   `json:"urgency"`
	DefaultLevels  map[Urgency][2]string  `json:"default_levels"`
	Articles       articleGrammar         `json:"articles"`
}

// sectionOrder is the order in which headings are tried, with each kind's anchor.
var sectionOrder = []struct {
	kind SectionKind
	id   string
}{
	{SectionKeyFindings, "key-findings"},
	{SectionGeneric, "generic"},
	{SectionSpecific, "specific"},
	{SectionPromising, "promising-practice"},
}

// vocabularies returns the grammar's words by language, read on first use
// (not at start-up: commands that parse nothing do not pay for it).
var vocabularies = sync.OnceValue(func() map[string]*Vocabulary {
	names, err := grammarFiles.ReadDir("grammar")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	out := map[string]*Vocabulary{}
	for _, n := range names {
		lang := strings.TrimSuffix(n.Name(), ".json")
		b, _ := grammarFiles.ReadFile("grammar/" + n.Name())
		v, err := newVocabulary(lang, b)
		if err != nil {
			panic(fmt.Sprintf("site/factsheet/grammar/%s: %v", n.Name(), err)) // tests load every file
		}
		out[lang] = v
	}
	return out
})

// newVocabulary compiles the grammar file of a language.
func newVocabulary(lang string, b []byte) (*Vocabulary, error) {
	var g grammarFile
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, err
	}
	v := &Vocabulary{Lang: lang, verbs: map[string]Urgency{}}
	var err error
	if v.lastUpdate, err = regexp.Compile(`(?i)^(?:` + g.LastUpdate + `)\s*:\s*(\d{1,2})\.(\d{1,2})\.(\d{4})$`); err != nil {
		return nil, err
	}
	if v.party, err = regexp.Compile(`(?i)^(?:` + g.Title + `)\s*[–—-]\s*(\S.*)$`); err != nil {
		return nil, err
	}
	for _, s := range sectionOrder {
		if g.Sections[s.kind] == "" {
			return nil, fmt.Errorf("no heading for sections %q", s.kind)
		}
		re, err := regexp.Compile(`(?i)^(?:` + g.Sections[s.kind] + `)(?:\b|\s|$)`)
		if err != nil {
			return nil, err
		}
		v.sections = append(v.sections, sectionPattern{re, s.kind, s.id})
	}
	id := `[IVXLC]+-\d+`
	and := `,`
	for _, w := range g.And {
		and += "|" + regexp.QuoteMeta(w)
	}
	words := regexp.QuoteMeta(g.Recommendation[0]) + "|" + regexp.QuoteMeta(g.Recommendation[1])
	v.names = regexp.MustCompile(`^(?:` + words + `)\s+(` + id + `(?:\s*(?:` + and + `)\s*` + id + `)*)\s*\.?$`)
	var verbs []string
	for _, u := range Urgencies {
		if len(g.Urgency[u]) == 0 || g.DefaultLevels[u][0] == "" {
			return nil, fmt.Errorf("no words for the urgency %q", u)
		}
		for _, w := range g.Urgency[u] {
			v.verbs[strings.ToLower(w)] = u
		}
		verbs = append(verbs, "**"+g.Urgency[u][min(1, len(g.Urgency[u])-1)]+"**")
		v.defaults = append(v.defaults, Level{Urgency: u, Word: g.DefaultLevels[u][0], Meaning: g.DefaultLevels[u][1]})
	}
	if v.articles, err = g.Articles.compile(g.And); err != nil {
		return nil, err
	}
	v.verbList = strings.Join(verbs[:len(verbs)-1], ", ") + " or " + verbs[len(verbs)-1] // problems are written in English
	return v, nil
}

// vocabularyOf returns the grammar's words in a language ("fr", "fr-BE"),
// and false when there are none: English is used then.
func vocabularyOf(lang string) (*Vocabulary, bool) {
	if v, ok := vocabularies()[lang]; ok {
		return v, true
	}
	if base, _, ok := strings.Cut(lang, "-"); ok && vocabularies()[base] != nil {
		return vocabularies()[base], true
	}
	return vocabularies()["en"], false
}

// UrgencyWords returns the words of a language that name each urgency
// level (bold verbs and level words, lower case), for queries.
func UrgencyWords(lang string) map[string]Urgency {
	v, _ := vocabularyOf(lang)
	out := make(map[string]Urgency, len(v.verbs))
	for w, u := range v.verbs {
		out[w] = u
	}
	return out
}

// with returns a copy of the vocabulary that also takes the given words
// (lower case) as urgency verbs.
func (v *Vocabulary) with(words map[string]Urgency) *Vocabulary {
	c := *v
	c.verbs = make(map[string]Urgency, len(v.verbs)+len(words))
	for w, u := range v.verbs {
		c.verbs[w] = u
	}
	for w, u := range words {
		c.verbs[w] = u
	}
	return &c
}

// urgencyOf maps a level word or bold verb ("Require", "requires", "exige") to its urgency.
func (v *Vocabulary) urgencyOf(word string) (Urgency, bool) {
	u, ok := v.verbs[strings.ToLower(strings.TrimSpace(word))]
	return u, ok
}

// sectionKindOf classifies a heading inside a chapter.
func (v *Vocabulary) sectionKindOf(heading string) (SectionKind, string) {
	for _, s := range v.sections {
		if s.pattern.MatchString(heading) {
			return s.kind, s.id
		}
	}
	return SectionNone, ""
}

// namedRecommendations returns the identifiers a footnote's text names, or nil.
func (v *Vocabulary) namedRecommendations(text string) []string {
	m := v.names.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return nil
	}
	return recommendationID().FindAllString(m[1], -1)
}
