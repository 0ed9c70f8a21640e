// Package output holds the files of a built site in memory, keyed by their
// slash-separated path relative to the output folder, until they are written.
package output

import "sort"

// Files maps a path relative to the output folder ("lithuania/chapters/ii.html")
// to the file's content.
type Files map[string][]byte

// Paths returns the paths in sorted order, so that whatever walks them is deterministic.
func (f Files) Paths() []string {
	paths := make([]string, 0, len(f))
	for p := range f {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Merge copies every file of other into f, replacing files with the same path.
func (f Files) Merge(other Files) {
	for p, b := range other {
		f[p] = b
	}
}

// Sink receives the files of a build as they are done, a factsheet at a
// time; Put may be called from several goroutines at once. A Stage is one.
type Sink interface {
	Put(files Files) error
}
