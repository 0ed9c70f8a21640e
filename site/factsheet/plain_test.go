package factsheet

import (
	"strings"
	"testing"
)

// TestCollapseSpace checks collapseSpace against what it replaces,
// strings.Join(strings.Fields(s), " "), on white space of every kind,
// invalid UTF-8 and text without white space.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a ", "\ta\n\nb  c\r\n", "a\u00a0b\u2003 c\u3000", "\u0085x\u0085",
		"a\xffb \xe2\x80 c", "word", "  two   words  ", "é à\u2028ü",
	} {
		if got, want := string(collapseSpace([]byte(s))), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
