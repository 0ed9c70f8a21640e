package site

import (
	"slices"
	"testing"

	"factsheet/site/factsheet"
)

// TestLargestFirst: the factsheets are built longest text first, ties in
// their order.
func TestLargestFirst(t *testing.T) {
	docs := make([]*factsheet.Document, 0, 4)
	for _, n := range []int{3, 10, 5, 10} {
		docs = append(docs, &factsheet.Document{Source: make([]byte, n)})
	}
	if got, want := largestFirst(docs), []int{1, 3, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("largestFirst = %v, want %v", got, want)
	}
}
