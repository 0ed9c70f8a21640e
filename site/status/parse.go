package status

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"factsheet/site/factsheet"
)

// Keys are the keys of an entry, in the order Append writes them.
var Keys = []string{"date", "state", "source", "note", "link"}

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checker collects the problems of one status file.
type checker struct {
	file     string
	ids      []string        // the factsheet's identifiers, in document order
	known    map[string]bool // the same, as a set
	today    string          // YYYY-MM-DD; later dates are refused
	problems factsheet.Problems
}

func (c *checker) add(n *yaml.Node, format string, args ...any) {
	c.problems = append(c.problems, factsheet.Problem{
		Pos:      factsheet.Pos{File: c.file, Line: n.Line, Col: n.Column},
		Severity: factsheet.Warning, // build goes on without the entry; check and -strict fail
		Message:  fmt.Sprintf(format, args...),
	})
}

// Parse reads the status file src, shown in problems as file, against the
// identifiers ids of its factsheet. Dates after today (YYYY-MM-DD) are
// refused. It returns the record with every well-formed entry, and every
// problem of the file, sorted by position.
func Parse(file string, src []byte, ids []string, today string) (*Record, factsheet.Problems) {
	c := &checker{file: file, ids: ids, known: map[string]bool{}, today: today}
	for _, id := range ids {
		c.known[id] = true
	}
	rec := &Record{File: file, Entries: map[string][]Entry{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		c.problems = append(c.problems, syntaxProblem(file, err))
		return rec, c.problems
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return rec, nil // an empty file: nothing recorded yet
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.add(root, "a status file maps identifiers to lists of entries: write \"IV-5:\" and below it \"  - date: YYYY-MM-DD\" with state and source")
		return rec, c.problems
	}
	first := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		id := k.Value
		if line, dup := first[id]; dup {
			c.add(k, "%s is listed twice (first on line %d); put all its entries in one list", id, line)
			continue
		}
		first[id] = k.Line
		if !c.known[id] && len(ids) == 0 {
			c.add(k, "the factsheet has no recommendation %s: it states none; remove %s", id, id)
		} else if !c.known[id] {
			c.add(k, "the factsheet has no recommendation %s; did you mean %s?", id, factsheet.Nearest(id, ids))
		}
		rec.Entries[id] = c.entries(id, v)
	}
	for id, es := range rec.Entries {
		if len(es) == 0 || !c.known[id] {
			delete(rec.Entries, id)
		}
	}
	c.problems.Sort()
	return rec, c.problems
}

// syntaxProblem turns a YAML error ("yaml: line 3: ...") into a problem at its line.
func syntaxProblem(file string, err error) factsheet.Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	return factsheet.Problem{
		Pos:      factsheet.Pos{File: file, Line: line, Col: 1},
		Severity: factsheet.Warning,
		Message:  "not valid YAML: " + msg + "; a status file is \"IV-5:\" followed by \"  - date: ...\" entries",
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// entries checks the list of entries of id.
func (c *checker) entries(id string, v *yaml.Node) []Entry {
	if v.Kind != yaml.SequenceNode {
		c.add(v, "%s must have a list of entries, each starting with \"- date: YYYY-MM-DD\"", id)
		return nil
	}
	if len(v.Content) == 0 {
		c.add(v, "%s has no entry; add one or remove %s", id, id)
	}
	var out []Entry
	prev := ""
	for _, n := range v.Content {
		e, ok := c.entry(id, n)
		if e.Date != "" {
			switch {
			case e.Date < prev:
				c.add(n, "entry of %s dated %s comes after one dated %s; list the entries of %s oldest first", id, e.Date, prev, id)
				ok = false
			case e.Date == prev:
				c.add(n, "%s has two entries dated %s; merge them into one", id, e.Date)
				ok = false
			default:
				prev = e.Date
			}
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// entry checks one entry; ok is false if it has any problem.
func (c *checker) entry(id string, n *yaml.Node) (e Entry, ok bool) {
	e = Entry{ID: id, Pos: factsheet.Pos{File: c.file, Line: n.Line, Col: n.Column}}
	if n.Kind != yaml.MappingNode {
		c.add(n, "an entry of %s must be keys and values: date, state and source, and optionally note and link", id)
		return e, false
	}
	before := len(c.problems)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			c.add(k, "%s is given twice in this entry; keep one", k.Value)
			continue
		}
		seen[k.Value] = true
		if !isKey(k.Value) {
			c.add(k, "unknown key %q; did you mean %s? An entry has date, state, source, note and link", k.Value, factsheet.Nearest(k.Value, Keys))
			continue
		}
		if v.Kind != yaml.ScalarNode || isNull(v) {
			c.add(v, "%s must be a single value on the line of its key", k.Value)
			continue
		}
		c.field(&e, k.Value, v)
	}
	for _, key := range []string{"date", "state", "source"} {
		if !seen[key] {
			c.add(n, "entry of %s has no %s; %s", id, key, hint(key))
		}
	}
	return e, len(c.problems) == before
}

func isKey(k string) bool {
	for _, key := range Keys {
		if k == key {
			return true
		}
	}
	return false
}

// hint says how to write a required key.
func hint(key string) string {
	switch key {
	case "date":
		return "add date: YYYY-MM-DD, the day the state was stated"
	case "state":
		return "add state: one of " + stateList()
	}
	return "add source: who stated it, e.g. the Party's reply or an NGO report"
}

func stateList() string {
	var s []string
	for _, st := range States {
		s = append(s, string(st))
	}
	return strings.Join(s, ", ")
}

// field checks and stores the value v of key in e.
func (c *checker) field(e *Entry, key string, v *yaml.Node) {
	val := strings.TrimSpace(v.Value)
	switch key {
	case "date":
		if _, err := time.Parse("2006-01-02", val); err != nil || !datePattern.MatchString(val) {
			c.add(v, "date %q is not a date; write YYYY-MM-DD, e.g. 2024-03-01", val)
		} else if val > c.today {
			c.add(v, "date %s is in the future (today is %s); record a state once it has been stated", val, c.today)
		} else {
			e.Date = val
		}
	case "state":
		if st := State(val); st.Valid() {
			e.State = st
		} else {
			c.add(v, "unknown state %q; use one of %s", val, stateList())
		}
	case "source":
		if val == "" {
			c.add(v, "source is empty; say who stated it, e.g. the Party's reply or an NGO report")
		}
		e.Source = val
	case "note":
		in, err := inline(val)
		if err != "" {
			c.add(v, "%s", err)
		}
		e.Note, e.Text = val, in
	case "link":
		u, err := url.Parse(val)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			c.add(v, "link %q is not an http(s) address; give the full address of the source, e.g. https://example.org/reply.pdf", val)
		}
		e.Link = val
	}
}

// inline parses a note as one paragraph of inline Markdown.
func inline(note string) (*factsheet.Inline, string) {
	src := []byte(note)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	p := doc.FirstChild()
	if p == nil {
		return nil, "note is empty; remove it or write a sentence"
	}
	if p.Kind() != ast.KindParagraph || p.NextSibling() != nil {
		return nil, "note must be one paragraph of inline Markdown (emphasis, links), without headings, lists or blank lines"
	}
	return &factsheet.Inline{Node: p, Source: src}, ""
}
