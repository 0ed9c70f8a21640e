package render

import (
	"bytes"
	"testing"
)

// TestLastIndexFromEnd holds lastIndexFromEnd to bytes.LastIndex.
func TestLastIndexFromEnd(t *testing.T) {
	for _, b := range []string{
		"", "<", "</main>", "x</main>y", "</main></main>", "<main>a</main><footer></footer>",
		"</mai", "</main", "<</main>>", "a</main>b</MAIN>c", "</main>" + string(make([]byte, 5000)) + "<p>",
	} {
		if got, want := lastIndexFromEnd([]byte(b), "</main>"), bytes.LastIndex([]byte(b), []byte("</main>")); got != want {
			t.Errorf("lastIndexFromEnd(%.40q) = %d, want %d", b, got, want)
		}
	}
}

// FuzzLastIndexFromEnd holds it to bytes.LastIndex on any bytes.
func FuzzLastIndexFromEnd(f *testing.F) {
	f.Add([]byte("<main>a</main><footer></footer>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := lastIndexFromEnd(b, "</main>"), bytes.LastIndex(b, []byte("</main>")); got != want {
			t.Errorf("lastIndexFromEnd(%q) = %d, want %d", b, got, want)
		}
	})
}
