package search

import (
	"context"
	"math"
	"strconv"
	"testing"

	index "github.com/blevesearch/bleve_index_api"
)

// TestCorpusMatchesBleve: the postings, frequencies, field lengths and
// document frequencies that analyse computes directly are those of the bleve
// index of the same documents, term by term and field by field, so that the
// browser index exported from them scores as bleve does.
func TestCorpusMatchesBleve(t *testing.T) {
	_, ix := seedIndex(t)
	corpusMatchesBleve(t, ix)
}

// corpusMatchesBleve checks the corpus of each language of an engine
// against the bleve index: its fields hold that language's terms.
func corpusMatchesBleve(t *testing.T, ix *Engine) {
	t.Helper()
	r, err := ix.idx.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, c := range ix.langs {
		postings := c.postings()
		bleveTerms := 0
		for fi := range textFields {
			name := c.field(fi)
			d, err := r.FieldDict(name)
			if err != nil {
				t.Fatal(err)
			}
			for e, err := d.Next(); e != nil && err == nil; e, err = d.Next() {
				bleveTerms++
				if got := c.df[e.Term]; got == nil || got[fi] != int(e.Count) {
					t.Errorf("%s in %s: document frequency %v, bleve has %d", e.Term, name, got, e.Count)
				}
				want := blevePostings(t, r, e.Term, name, c.lens[fi])
				got := postings[e.Term][fi]
				if len(got) != len(want) {
					t.Errorf("%s in %s: %d postings, bleve has %d", e.Term, name, len(got), len(want))
					continue
				}
				for i := range want {
					if got[i] != want[i] {
						t.Errorf("%s in %s: posting %d is %v, bleve has %v", e.Term, name, i, got[i], want[i])
					}
				}
			}
			d.Close()
		}
		ours := 0
		for _, ps := range postings {
			for _, p := range ps {
				if len(p) > 0 {
					ours++
				}
			}
		}
		if ours != bleveTerms || ours == 0 {
			t.Errorf("%s: %d (term, field) pairs with postings, bleve has %d", c.lang.tag, ours, bleveTerms)
		}
	}
}

// blevePostings reads a term's postings in a field from bleve, checking the
// field length of each document against the norm bleve stores (1/√length).
func blevePostings(t *testing.T, r index.IndexReader, term, field string, lens []int) []posting {
	t.Helper()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, false)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	var out []posting
	for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
		if err != nil {
			t.Fatal(err)
		}
		id, err := r.ExternalID(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.Atoi(id)
		if err != nil || n < 0 || n >= len(lens) {
			t.Fatalf("bleve returned unknown document %q", id)
		}
		if want := int(math.Round(1 / (d.Norm * d.Norm))); lens[n] != want {
			t.Errorf("document %d, field %s: length %d, bleve's norm gives %d", n, field, lens[n], want)
		}
		out = append(out, posting{doc: n, freq: int(d.Freq)})
	}
	return out
}

// posting is one document having a term in a field, and how many times.
type posting struct {
	doc, freq int
}

// postings lists, per term and text field, the documents having the term
// and how many times, in document order: what a bleve index of the
// corpus's records holds, made from the corpus's analysed texts.
func (c *corpus) postings() map[string][][]posting {
	out := map[string][][]posting{}
	for n, r := range c.records {
		if r.Lang != "" && r.Lang != c.lang.tag {
			continue
		}
		for fi, text := range fieldTexts(r) {
			freq := map[string]int{}
			for _, tok := range c.tokensOf(c.analysed[text]) {
				freq[tok.term]++
			}
			for t, f := range freq {
				if out[t] == nil {
					out[t] = make([][]posting, len(textFields))
				}
				out[t][fi] = append(out[t][fi], posting{doc: n, freq: f})
			}
		}
	}
	return out
}
