package bundle

import "sync"

// scratches are byte slices lent for work that ends before the function
// returns (a copy the lexer or the minifier may change, a lower-cased page),
// so that each page does not allocate, and the collector sweep, another
// copy of itself.
var scratches = sync.Pool{New: func() any { return new([]byte) }}

// borrow returns a slice of length n, with room for one byte more (the
// lexers append a NUL), to give back with giveBack once no longer used.
func borrow(n int) *[]byte {
	s := scratches.Get().(*[]byte)
	if cap(*s) < n+1 {
		*s = make([]byte, n, n+1)
	}
	*s = (*s)[:n]
	return s
}

// giveBack returns a slice from borrow; nothing may use it afterwards.
func giveBack(s *[]byte) { scratches.Put(s) }

// copyInto returns a borrowed copy of b.
func copyInto(b []byte) *[]byte {
	s := borrow(len(b))
	copy(*s, b)
	return s
}
