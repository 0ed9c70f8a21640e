package output

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/zeebo/xxh3"
)

// Sums is the file, at the root of an output folder, that lists the
// XXH3-128 hash and size of every file of the build, after the line
// sumsHeader. The next build hard-links from the previous output, instead of
// writing again, each file whose content is the same (on ext4, creating a
// file costs far more than linking one); a file changed since the list was
// written is never reused. The hash guards against accidental edits, not
// against an attacker: whoever can write the output folder can write the
// site.
const Sums = ".factsheet-sums"

// sumsHeader is the first line of the Sums file, naming its format: a Sums
// file without it (the SHA-256 lists of earlier versions) or with another
// is not trusted, and nothing is reused from that output.
const sumsHeader = "factsheet-sums 2 xxh3-128\n"

// sum is a file's content hash and size.
type sum struct {
	hash [16]byte
	size int
}

// sumOf returns the sum of the content b.
func sumOf(b []byte) sum {
	return sum{hash: xxh3.Hash128(b).Bytes(), size: len(b)}
}

// previous is the output of the last build, as its Sums file describes it.
type previous struct {
	dir   string
	since time.Time // the Sums file's modification time
	files map[string]sum
	parts map[string]part // from the Keys file; nil without one
}

// readPrevious reads the Sums file of the output folder dir; nil when there
// is none, it cannot be read or it is of another format (see sumsHeader),
// and then nothing is reused.
func readPrevious(dir string) *previous {
	f, err := os.Open(filepath.Join(dir, Sums))
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	p := &previous{dir: dir, since: st.ModTime(), files: map[string]sum{}}
	sc := bufio.NewScanner(f)
	if !sc.Scan() || sc.Text()+"\n" != sumsHeader {
		return nil
	}
	for sc.Scan() { // "<hex xxh3-128> <size> <path>"
		fields := strings.SplitN(sc.Text(), " ", 3)
		if len(fields) != 3 {
			return nil
		}
		var s sum
		h, err := hex.DecodeString(fields[0])
		if err != nil || len(h) != len(s.hash) {
			return nil
		}
		if s.size, err = strconv.Atoi(fields[1]); err != nil {
			return nil
		}
		copy(s.hash[:], h)
		p.files[fields[2]] = s
	}
	if sc.Err() != nil {
		return nil
	}
	p.parts = readParts(dir, p.since)
	return p
}

// reuse hard-links the previous build's file at path to the new place to,
// when it has the sum s and has not changed since; it tells whether it did.
func (p *previous) reuse(path string, s sum, to string) bool {
	if p == nil || p.files[path] != s {
		return false
	}
	from, ok := p.unchanged(path)
	return ok && os.Link(from, to) == nil
}

// unchanged tells whether the previous build's file at path is still as the
// Sums file describes it: a regular file of the listed size and the fixed
// mode, not modified since the list was written. It returns its name.
func (p *previous) unchanged(path string) (string, bool) {
	s, listed := p.files[path]
	from := filepath.Join(p.dir, filepath.FromSlash(path))
	st, err := os.Lstat(from)
	if !listed || err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != fileMode || st.Size() != int64(s.size) || st.ModTime().After(p.since) {
		return "", false
	}
	return from, true
}

// sumsFile is the content of the Sums file for the files summed: the
// header, then one line per file, sorted by path.
func sumsFile(sums map[string]sum) []byte {
	paths := make([]string, 0, len(sums))
	for p := range sums {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.WriteString(sumsHeader)
	for _, p := range paths {
		fmt.Fprintf(&b, "%x %d %s\n", sums[p].hash, sums[p].size, p)
	}
	return b.Bytes()
}
