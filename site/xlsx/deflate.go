package xlsx

import (
	"github.com/klauspost/compress/flate"

	"factsheet/site/internal/rawzip"
)

// deflater compresses the workbook's parts.
var deflater = rawzip.NewDeflater(flate.DefaultCompression)

// deflate returns the part name holding b, compressed.
func deflate(name string, b []byte) (rawzip.File, error) {
	e, err := deflater.Deflate(b)
	return rawzip.File{Name: name, Entry: e}, err
}
