package render

import "testing"

func TestCSVCellDefusesFormulas(t *testing.T) {
	cases := map[string]string{
		`=HYPERLINK("http://evil.example","x")`: `'=HYPERLINK("http://evil.example","x")`,
		"+1":                                    "'+1",
		"-2":                                    "'-2",
		"@SUM(A1)":                              "'@SUM(A1)",
		"\tx":                                   "'\tx",
		"to ensure that a=b":                    "to ensure that a=b",
		"":                                      "",
	}
	for in, want := range cases {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}
