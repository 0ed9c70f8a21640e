// Package lazy compiles regular expressions at their first use instead of at
// the start of the process: a command pays only for those it uses (the
// parser's and the search's cost about 3 ms of a start otherwise).
package lazy

import (
	"regexp"
	"sync"
)

// Regexp returns a function that compiles expr at its first call, as
// regexp.MustCompile does (it panics if expr does not compile), and returns
// the same *regexp.Regexp at every call; safe for concurrent use.
func Regexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
