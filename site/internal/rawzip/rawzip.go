// Package rawzip writes deterministic zip archives from entries deflated
// ahead of time (in parallel, or once for many archives), with
// klauspost/compress's deflate.
package rawzip

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"runtime"

	"github.com/klauspost/compress/flate"
)

// Entry is the content of a file, deflated.
type Entry struct {
	CRC        uint32 // CRC-32 of the uncompressed bytes
	Size       uint64 // length of the uncompressed bytes
	Compressed []byte // the raw deflate stream
}

// Deflater deflates at one level, keeping a few compressors between calls:
// a new one costs about 400 kB, and klauspost/compress resets one without
// clearing its tables (a fixed few are kept, not a sync.Pool, which each
// garbage collection empties). It is safe for concurrent use.
type Deflater struct {
	level int
	kept  chan *compressor
}

// compressor is a deflate writer with the buffer it writes into, reused from
// one entry to the next: each entry's bytes are copied out of it at their
// exact length.
type compressor struct {
	w   *flate.Writer
	out bytes.Buffer
}

// maxKeptOut is the largest output buffer a kept compressor holds on to;
// a larger one, grown for a rare large entry, is let go.
const maxKeptOut = 1 << 20

// NewDeflater returns a Deflater at level (flate.DefaultCompression, or 1 to 9).
func NewDeflater(level int) *Deflater {
	return &Deflater{level: level, kept: make(chan *compressor, runtime.GOMAXPROCS(0))}
}

// Deflate returns the entry of b. The same bytes always give the same entry.
func (d *Deflater) Deflate(b []byte) (Entry, error) {
	c, err := d.get()
	if err != nil {
		return Entry{}, err
	}
	defer d.put(c)
	c.out.Reset()
	c.w.Reset(&c.out)
	if _, err := c.w.Write(b); err != nil {
		return Entry{}, err
	}
	if err := c.w.Close(); err != nil {
		return Entry{}, err
	}
	return Entry{CRC: crc32.ChecksumIEEE(b), Size: uint64(len(b)), Compressed: bytes.Clone(c.out.Bytes())}, nil
}

// get returns a kept compressor, or a new one.
func (d *Deflater) get() (*compressor, error) {
	select {
	case c := <-d.kept:
		return c, nil
	default:
		w, err := flate.NewWriter(nil, d.level)
		return &compressor{w: w}, err
	}
}

// put keeps c, unless enough are kept.
func (d *Deflater) put(c *compressor) {
	if c.out.Cap() > maxKeptOut {
		c.out = bytes.Buffer{}
	}
	select {
	case d.kept <- c:
	default:
	}
}

// File is an entry of an archive, under its name.
type File struct {
	Name string
	Entry
}

// Write packs files, in their order, into a zip archive; stamp sets each
// header's date, time and mode (zip.Writer.CreateRaw does not fill them from
// FileHeader.Modified), and may be nil.
func Write(files []File, stamp func(h *zip.FileHeader)) ([]byte, error) {
	size := 22 // the end of the central directory
	for _, f := range files {
		size += len(f.Compressed) + 30 + 46 + 2*len(f.Name) // data, local header, central header (CreateRaw writes no data descriptor)
	}
	var buf bytes.Buffer
	buf.Grow(size)
	w := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate,
			CRC32: f.CRC, UncompressedSize64: f.Size, CompressedSize64: uint64(len(f.Compressed))}
		if stamp != nil {
			stamp(h)
		}
		out, err := w.CreateRaw(h)
		if err != nil {
			return nil, err
		}
		if _, err := out.Write(f.Compressed); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
