package xlsx

import (
	"bytes"
	"hash/crc32"
	"sync"

	"github.com/klauspost/compress/flate"
)

// entry is one part of the workbook, compressed.
type entry struct {
	name       string
	crc        uint32
	size       uint64
	compressed []byte
}

// writers are the deflate compressors, reused between parts and workbooks:
// klauspost/compress resets one without clearing its tables, unlike the
// standard library's.
var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression) // the level is valid: no error
	return w
}}

// deflate returns the part name holding b, compressed.
func deflate(name string, b []byte) (entry, error) {
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	w.Reset(&buf)
	if _, err := w.Write(b); err != nil {
		return entry{}, err
	}
	if err := w.Close(); err != nil {
		return entry{}, err
	}
	return entry{name: name, crc: crc32.ChecksumIEEE(b), size: uint64(len(b)), compressed: buf.Bytes()}, nil
}
