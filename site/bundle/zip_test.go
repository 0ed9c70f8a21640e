package bundle

import (
	"bytes"
	"testing"
)

// TestEntryCache: a shared asset is compressed once and found again by its
// bytes in another slice; an entry kept under the same length and CRC-32
// but made from other bytes is not taken for it; the cache stays within its
// bound.
func TestEntryCache(t *testing.T) {
	c := entryCache{max: 2}
	b := []byte("body { color: #222 }")
	e, err := compress(b)
	if err != nil {
		t.Fatal(err)
	}
	c.put(e)
	again := bytes.Clone(b)
	got, ok := c.get(again)
	if !ok || !bytes.Equal(got.Compressed, e.Compressed) || &got.src[0] != &again[0] {
		t.Errorf("the same bytes in another slice: found %v, source replaced %v", ok, ok && &got.src[0] == &again[0])
	}
	collision := e
	collision.src = []byte("body { color: #333 }") // as if its length and CRC-32 were b's
	c.put(collision)
	if _, ok := c.get(b); ok {
		t.Error("an entry of other bytes under the same length and CRC-32 was taken for b's")
	}
	for i := range 5 {
		e, _ := compress([]byte{byte(i)})
		c.put(e)
	}
	if len(c.entries) > c.max {
		t.Errorf("%d entries, more than the bound %d", len(c.entries), c.max)
	}
}
