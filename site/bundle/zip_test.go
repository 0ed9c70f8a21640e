package bundle

import (
	"bytes"
	"hash/crc32"
	"testing"
)

// TestEntryCache: a shared asset is compressed once and found again by its
// bytes in another slice; other bytes with the same length and CRC-32 are
// not taken for it; the cache stays within its bound.
func TestEntryCache(t *testing.T) {
	c := entryCache{max: 2}
	b := []byte("body { color: #222 }")
	e, err := compress(b, crc32.ChecksumIEEE(b))
	if err != nil {
		t.Fatal(err)
	}
	c.put(e)
	again := bytes.Clone(b)
	got, ok := c.get(again, e.crc)
	if !ok || !bytes.Equal(got.compressed, e.compressed) || &got.src[0] != &again[0] {
		t.Errorf("the same bytes in another slice: found %v, source replaced %v", ok, ok && &got.src[0] == &again[0])
	}
	other := []byte("body { color: #333 }")
	if _, ok := c.get(other, e.crc); ok {
		t.Error("other bytes under the same length and CRC-32 were taken for the cached ones")
	}
	for i := range 5 {
		x := []byte{byte(i)}
		e, _ := compress(x, crc32.ChecksumIEEE(x))
		c.put(e)
	}
	if len(c.entries) > c.max {
		t.Errorf("%d entries, more than the bound %d", len(c.entries), c.max)
	}
}
