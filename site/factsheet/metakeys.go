package factsheet

import (
	"reflect"
	"sort"
	"strings"

	"factsheet/site/internal/lazy"
)

// topLevelKey matches a front matter line that starts a top-level key.
var topLevelKey = lazy.Regexp(`^["']?([A-Za-z_][\w-]*)["']?\s*:`)

// knownKeys lists the front matter keys, read from the yaml tags of Meta so
// that a field added there is known at once.
var knownKeys = func() []string {
	var keys []string
	t := reflect.TypeOf(Meta{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	sort.Strings(keys)
	return keys
}()

// keyLines returns the line of each top-level key of the front matter that
// ends on line end.
func (p *fileParser) keyLines(end int) map[string]int {
	lines := map[string]int{}
	for i := 1; i < end-1 && i < len(p.lines); i++ {
		stop := len(p.src)
		if i+1 < len(p.lines) {
			stop = p.lines[i+1]
		}
		if m := topLevelKey().FindSubmatch(p.src[p.lines[i]:stop]); m != nil {
			if _, seen := lines[string(m[1])]; !seen {
				lines[string(m[1])] = i + 1
			}
		}
	}
	return lines
}

// checkKeys warns about each front matter key that Meta does not know,
// naming the known key it probably stands for.
func (p *fileParser) checkKeys(values map[string]any, lines map[string]int) {
	var unknown []string
	for key := range values {
		if _, ok := sort.Find(len(knownKeys), func(i int) int { return strings.Compare(key, knownKeys[i]) }); !ok {
			unknown = append(unknown, key)
		}
	}
	sort.Strings(unknown)
	for _, key := range unknown {
		pos := Pos{File: p.file, Line: max(lines[key], 1), Col: 1}
		if near := nearestKey(key); near != "" {
			p.warnf(pos, "unknown front matter key %q: did you mean %q? Rename it, or remove it", key, near)
		} else {
			p.warnf(pos, "unknown front matter key %q: the keys are %s; rename it, or remove it", key, strings.Join(knownKeys, ", "))
		}
	}
}

// nearestKey returns the known key closest to key in spelling, or "" when
// none is close enough to be a misspelling of it.
func nearestKey(key string) string {
	best := Nearest(key, knownKeys)
	if editDistance(strings.ToLower(key), best) > max(2, len(best)/3) {
		return ""
	}
	return best
}

// KeyPos is the position of a front matter key in the document's file, or
// its first line when the key is absent.
func (d *Document) KeyPos(key string) Pos {
	return Pos{File: d.File, Line: max(d.KeyLines[key], 1), Col: 1}
}
