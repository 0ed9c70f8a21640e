package factsheet

import "testing"

func TestNearest(t *testing.T) {
	cases := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"II-21", []string{"II-1", "II-12", "IV-5"}, "II-1"}, // a tie: the first candidate
		{"IV-6", []string{"II-1", "IV-5", "V-6"}, "IV-5"},
		{"langauge", []string{"slug", "language", "links"}, "language"}, // a transposition counts one
		{"SLUG", []string{"title", "slug"}, "slug"},                     // case is not compared
		{"x", nil, ""},
	}
	for _, c := range cases {
		if got := Nearest(c.word, c.candidates); got != c.want {
			t.Errorf("Nearest(%q, %q) = %q, want %q", c.word, c.candidates, got, c.want)
		}
	}
}
