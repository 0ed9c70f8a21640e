package site

import "testing"

// BenchmarkProgramID measures what identifying the program costs a build:
// opening the executable and reading its Go build ID note.
func BenchmarkProgramID(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if readProgramID() == "" {
			b.Fatal("no program ID")
		}
	}
}
