package bundle

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"factsheet/site/output"
	"factsheet/site/urls"
)

// HumanSize formats a byte count for people, in decimal units: "870 bytes",
// "45 KB", "1.2 MB".
func HumanSize(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 999_500:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}

// HumanSizeIn is HumanSize in the words of a language: units lists the
// words for bytes, kilobytes and megabytes and the decimal mark, separated by
// spaces ("octets ko Mo ,"); HumanSize's English when units is not that.
func HumanSizeIn(n int, units string) string {
	u := strings.Fields(units)
	if len(u) != 4 {
		return HumanSize(n)
	}
	switch {
	case n < 1000:
		return fmt.Sprintf("%d %s", n, u[0])
	case n < 999_500:
		return fmt.Sprintf("%d %s", (n+500)/1000, u[1])
	default:
		return strings.Replace(fmt.Sprintf("%.1f", float64(n)/1e6), ".", u[3], 1) + " " + u[2]
	}
}

// sizeMark is what every size placeholder contains; pages without it are
// skipped quickly, by its 'w', a letter rarer in pages than the others.
const sizeMark, sizeMarkRare = "data-download=", len("data-do")

// sizedPages returns the HTML files that hold a size placeholder (see
// fillSizes); filling the sizes in keeps the placeholders, so the list holds
// while only fillSizes and the zips change the files.
func sizedPages(files output.Files) []string {
	var pages []string
	for _, p := range files.Paths() {
		if path.Ext(p) == ".html" && indexByRare(files[p], sizeMark, sizeMarkRare) >= 0 {
			pages = append(pages, p)
		}
	}
	return pages
}

// fillSizes writes, into each of pages (see sizedPages), the size of the
// download that each placeholder <span class="size" data-download="NAME"></span>
// names ("downloads/NAME"), replacing what the span held, in the units its
// data-units attribute gives (see HumanSizeIn). It returns whether any
// file changed. Placeholders naming a file not built yet are left as they are.
func fillSizes(files output.Files, pages []string) bool {
	changed := false
	for _, p := range pages {
		if b, ok := fillPage(files, files[p]); ok {
			files[p] = b
			changed = true
		}
	}
	return changed
}

// fillPage fills the size placeholders of one page; ok tells whether it changed.
func fillPage(files output.Files, page []byte) ([]byte, bool) {
	toks := tokenize(page)
	out := make([]token, 0, len(toks))
	changed := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		out = append(out, t)
		name, ok := tagAttr(t, "data-download")
		if !ok || t.tag.name != "span" {
			continue
		}
		b, built := files[urls.Downloads+path.Base(name)]
		if !built {
			continue
		}
		// Skip the span's old text, up to its end tag.
		j := i + 1
		for j < len(toks) && toks[j].text {
			j++
		}
		if j >= len(toks) || toks[j].end != "span" {
			continue // the span holds markup: not a placeholder of ours
		}
		units, _ := tagAttr(t, "data-units") // the page language's words, from its catalogue
		size := HumanSizeIn(len(b), units)
		if old := string(bytes.Join(rawOf(toks[i+1:j]), nil)); strings.TrimSpace(old) != size {
			changed = true
		}
		out = append(out, token{raw: []byte(size), text: true})
		i = j - 1
	}
	if !changed {
		return page, false
	}
	return render(out), true
}

func rawOf(toks []token) [][]byte {
	var bs [][]byte
	for _, t := range toks {
		bs = append(bs, t.raw)
	}
	return bs
}
