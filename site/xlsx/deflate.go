package xlsx

import (
	"bytes"
	"hash/crc32"
	"runtime"

	"github.com/klauspost/compress/flate"
)

// entry is one part of the workbook, compressed.
type entry struct {
	name       string
	crc        uint32
	size       uint64
	compressed []byte
}

// writers are the deflate compressors, kept between parts and workbooks
// (klauspost/compress resets one without clearing its tables, unlike the
// standard library's): a fixed few, not a sync.Pool, which each garbage
// collection empties, when a new one costs about 400 kB.
var writers = make(chan *flate.Writer, runtime.GOMAXPROCS(0))

// getWriter returns a kept compressor, or a new one.
func getWriter() *flate.Writer {
	select {
	case w := <-writers:
		return w
	default:
		w, _ := flate.NewWriter(nil, flate.DefaultCompression) // the level is valid: no error
		return w
	}
}

// putWriter keeps w, unless enough are kept.
func putWriter(w *flate.Writer) {
	select {
	case writers <- w:
	default:
	}
}

// deflate returns the part name holding b, compressed.
func deflate(name string, b []byte) (entry, error) {
	w := getWriter()
	defer putWriter(w)
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
