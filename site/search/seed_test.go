package search

import (
	"os"
	"sync"
	"testing"

	"factsheet/site/factsheet"
)

var seed struct {
	once sync.Once
	doc  *factsheet.Document
	ix   *Engine
	err  error
}

// seedIndex parses content/lithuania.md and indexes it, once per test binary.
func seedIndex(t testing.TB) (*factsheet.Document, *Engine) {
	t.Helper()
	seed.once.Do(func() {
		src, err := os.ReadFile("../../content/lithuania.md")
		if err != nil {
			seed.err = err
			return
		}
		doc, problems := factsheet.Parse("content/lithuania.md", src)
		if doc == nil {
			seed.err = problems
			return
		}
		seed.doc = doc
		seed.ix, seed.err = Open(doc)
	})
	if seed.err != nil {
		t.Fatal(seed.err)
	}
	return seed.doc, seed.ix
}
