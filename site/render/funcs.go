package render

import (
	"html/template"
	"strconv"
	"strings"
)

// funcs is the one FuncMap of the templates.
func funcs() template.FuncMap {
	return template.FuncMap{
		"lower": strings.ToLower,
		// plural writes "1 recommendation" or "3 recommendations".
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return strconv.Itoa(n) + " " + many
		},
	}
}
