package bundle

import (
	"bytes"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/zeebo/xxh3"
)

// A factsheet's pages repeat the same list items many times: each
// recommendation page lists every recommendation of its chapter, so that a
// chapter of 30 recommendations has its 30 items minified 30 times. The
// pages are therefore minified in segments cut between list items, each
// segment once per Minify call (segmentMemo); the minified page is the
// segments' minified texts one after the other.
//
// That gives the same bytes as minifying the page at once because a cut is
// only made where the minifier carries nothing over from one segment to the
// next: right after "</li>" and the whitespace that follows it, before
// "<li" (a block end tag: the minifier drops the whitespace after it either
// way and starts the next segment as after any block tag), and only inside
// a <main> without raw text, comments or foreign markup (<pre>, <textarea>,
// <script>, <style>, <template>, <math>, "<!--"; an <svg> without "</li>"), whose contents the
// minifier treats otherwise. TestSegmentedMinifyAsWhole checks every page of
// the seed's site both ways.

// segmentMemo holds the minified segments of one Minify call, by checksum.
type segmentMemo struct {
	mu   sync.Mutex
	done map[xxh3.Uint128][]byte
}

// newSegmentMemo returns an empty memo.
func newSegmentMemo() *segmentMemo { return &segmentMemo{done: map[xxh3.Uint128][]byte{}} }

// segmentCuts returns where page may be cut for segmented minifying, none
// when the page gains nothing or its <main> holds what forbids cutting.
func segmentCuts(page []byte) []int {
	start := bytes.Index(page, []byte("<main"))
	end := bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < start {
		return nil
	}
	main := page[start:end]
	for _, bad := range unsafeInMain {
		if bytes.Contains(main, bad) {
			return nil
		}
	}
	if !svgsWithoutItems(main) {
		return nil
	}
	var cuts []int
	for i := 0; ; {
		j := bytes.Index(main[i:], []byte("</li>"))
		if j < 0 {
			break
		}
		k := i + j + len("</li>")
		for k < len(main) && isSpace(main[k]) {
			k++
		}
		if bytes.HasPrefix(main[k:], []byte("<li")) && k+3 < len(main) && (main[k+3] == ' ' || main[k+3] == '>') {
			cuts = append(cuts, start+k)
		}
		i = k
	}
	if len(cuts) < 4 {
		return nil // too few items to repeat
	}
	return cuts
}

// unsafeInMain are the markup whose contents the minifier does not treat
// as text and tags.
var unsafeInMain = [][]byte{[]byte("<pre"), []byte("<textarea"), []byte("<script"), []byte("<style"), []byte("<template"), []byte("<math"), []byte("<!--"), []byte("<xmp"), []byte("<plaintext")}

// svgsWithoutItems tells whether every <svg> of main ends before any "</li>"
// (the minifier minifies an <svg> as one token: no cut may fall inside one).
func svgsWithoutItems(main []byte) bool {
	for {
		i := bytes.Index(main, []byte("<svg"))
		if i < 0 {
			return true
		}
		main = main[i:]
		end := bytes.Index(main, []byte("</svg>"))
		if end < 0 || bytes.Contains(main[:end], []byte("</li>")) {
			return false
		}
		main = main[end:]
	}
}

// minifyHTML minifies the HTML page b, by segments when it has cuts.
func (sm *segmentMemo) minifyHTML(m *minify.M, b []byte) ([]byte, error) {
	cuts := segmentCuts(b)
	if cuts == nil {
		return minifyCopy(m, "text/html", b)
	}
	out := make([]byte, 0, len(b))
	prev := 0
	for _, c := range append(cuts, len(b)) {
		seg := b[prev:c]
		prev = c
		small, err := sm.segment(m, seg)
		if err != nil {
			return nil, err
		}
		out = append(out, small...)
	}
	return out, nil
}

// segment returns the minified seg, minifying it at its first meeting.
func (sm *segmentMemo) segment(m *minify.M, seg []byte) ([]byte, error) {
	key := xxh3.Hash128(seg)
	sm.mu.Lock()
	small, ok := sm.done[key]
	sm.mu.Unlock()
	if ok {
		return small, nil
	}
	small, err := minifyCopy(m, "text/html", seg)
	if err != nil {
		return nil, err
	}
	sm.mu.Lock()
	sm.done[key] = small
	sm.mu.Unlock()
	return small, nil
}

// minifyCopy minifies a copy of b (the minifiers rewrite their input).
func minifyCopy(m *minify.M, mediaType string, b []byte) ([]byte, error) {
	in := copyInto(b)
	defer giveBack(in)
	return m.Bytes(mediaType, *in)
}
