// Package search builds the search index with bleve, writes the compact index
// that the browser loads, and answers queries; it is the only package importing bleve.
//
// # Documents
//
// Every recommendation identifier is a document (fields text, chapter,
// context — the heading and lead-in above it — and the keywords id and
// urgency); so is every run of chapter text under a heading that has an anchor
// (fields heading, body, chapter), recommendations left out. The browser index
// (export.go) carries the texts of the fields and bleve's stop words, from
// which the browser makes bleve's postings, field lengths and document counts
// and the corpus's word → term map again (derive.go checks that it does, and
// the index gives what it would not find), so that it scores exactly as bleve
// does.
//
// # Queries
//
// Search (in Go, with bleve) and window.factsheetSearch.search (in the
// browser, assets/search.js, from the exported index) answer a query the same
// way:
//
//  1. The words are the matches of wordPattern. A chapter numeral followed
//     by a number ("iv5", "IV-5", "iv 5") naming a known recommendation is
//     an identifier; in English, require(s), request(s), invite(s) are
//     urgency filters wherever they stand; a word of the factsheet's legend
//     ("Exige", "Demande", "Invite": the pages' desc-<urgency> data-word) is
//     one only as the whole query, since "demande" or "invite" are ordinary
//     French words ("demande d'asile" stays a search for words); the others
//     (the first maxWords) are words, normalized (lower case, possessive
//     removed).
//  2. Each word becomes a disjunction of term clauses (see Engine.wordClauses):
//     its bleve term, the completions of the last word while it is being
//     typed, and, when nothing matched, the terms one typo away. A clause is a
//     bleve term query on one field with a boost; stop words are dropped.
//  3. Results come in tiers: the identifiers typed, in order; the documents
//     having every word (bleve conjunction); then those having some
//     (bleve disjunction). Within a tier, by bleve's tf-idf score (compared at
//     six significant digits of the ratio to the best score), then in
//     document order. Urgency words keep only the recommendations of those
//     urgencies; alone, they list them all in document order.
package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Hit is one search result.
type Hit struct {
	ID      string  `json:"id"`   // recommendation identifier; "" for a section
	Kind    string  `json:"kind"` // KindRecommendation or KindSection
	Title   string  `json:"title"`
	URL     string  `json:"url"` // relative to public/
	Urgency string  `json:"urgency,omitempty"`
	Chapter string  `json:"chapter"`
	Party   string  `json:"party,omitempty"` // the factsheet's Party, in a search across the series
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"` // bleve's score within the hit's tier
}

// scored is a record number with its score in a tier.
type scored struct {
	n     int
	score float64
}

// Search answers a query with bleve and returns at most n hits, best first.
func (ix *Engine) Search(q string, n int) ([]Hit, error) {
	pq := parseQuery(q, ix.anywhere(), ix.legend, func(id string) bool { _, ok := ix.ids[id]; return ok })
	var tiers [][]scored
	var ids []scored
	for _, id := range pq.IDs {
		for _, n := range ix.ids[id] {
			ids = append(ids, scored{n: n, score: 1})
		}
	}
	tiers = append(tiers, ids)
	var words []query.Query
	complete := true
	matched := map[string]bool{}
	for i, w := range pq.Words {
		cl, ok := ix.wordClauses(w, pq.Typing && i == len(pq.Words)-1)
		if !ok {
			continue
		}
		for _, c := range cl {
			matched[c.Term] = true
		}
		if len(cl) == 0 {
			complete = false
			continue
		}
		words = append(words, clausesQuery(cl))
	}
	if len(words) > 0 {
		if complete {
			all, err := ix.run(query.NewConjunctionQuery(words))
			if err != nil {
				return nil, err
			}
			tiers = append(tiers, all)
		}
		if len(words) > 1 || !complete {
			some, err := ix.run(query.NewDisjunctionQuery(words))
			if err != nil {
				return nil, err
			}
			tiers = append(tiers, some)
		}
	} else if len(pq.IDs) == 0 && len(pq.Urgencies) > 0 {
		var all []scored
		for i := range ix.records {
			all = append(all, scored{n: i, score: 1})
		}
		tiers = append(tiers, all)
	}
	return ix.gather(tiers, pq.Urgencies, matched, n), nil
}

// clausesQuery is the bleve disjunction of a word's term clauses.
func clausesQuery(cl []clause) query.Query {
	qs := make([]query.Query, len(cl))
	for i, c := range cl {
		tq := query.NewTermQuery(c.Term)
		tq.SetField(textFields[c.Field].Name)
		tq.SetBoost(c.Boost)
		qs[i] = tq
	}
	return query.NewDisjunctionQuery(qs)
}

// run executes a bleve query and returns every match with its score.
func (ix *Engine) run(q query.Query) ([]scored, error) {
	hits, err := ix.collect(q)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]scored, 0, len(hits))
	for _, h := range hits {
		var n int
		if n, err = strconv.Atoi(h.ID); err != nil || n < 0 || n >= len(ix.records) {
			return nil, fmt.Errorf("search: bleve returned unknown document %q", h.ID)
		}
		out = append(out, scored{n: n, score: h.Score})
	}
	return out, nil
}

// gather orders each tier, drops what the urgency filter excludes and what
// an earlier tier holds, and returns the first n hits.
// The identifiers typed (tier 0) are kept whatever their urgency.
func (ix *Engine) gather(tiers [][]scored, urgencies []string, matched map[string]bool, n int) []Hit {
	seen := map[int]bool{}
	hits := []Hit{}
	for t, tier := range tiers {
		if t > 0 { // the identifiers typed stay in the order typed
			rankTier(tier)
		}
		for _, s := range tier {
			r := ix.records[s.n]
			if seen[s.n] || (t > 0 && !urgencyAllows(urgencies, r)) {
				continue
			}
			if len(hits) >= n {
				return hits
			}
			seen[s.n] = true
			hits = append(hits, Hit{ID: r.ID, Kind: r.Kind, Title: r.Title, URL: r.URL, Urgency: r.Urgency,
				Chapter: r.Chapter, Party: r.Party, Snippet: ix.snippet(r.Text, matched), Score: s.score})
		}
	}
	return hits
}

// rankTier sorts a tier by score, compared at six significant digits of its
// ratio to the best score so that float noise cannot reorder ties, then by
// document order.
func rankTier(tier []scored) {
	best := 0.0
	for _, s := range tier {
		best = math.Max(best, s.score)
	}
	key := func(s scored) float64 {
		if best == 0 {
			return 0
		}
		return math.Round(s.score / best * 1e6)
	}
	sort.SliceStable(tier, func(i, j int) bool {
		a, b := key(tier[i]), key(tier[j])
		if a != b {
			return a > b
		}
		return tier[i].n < tier[j].n
	})
}

func urgencyAllows(us []string, r record) bool {
	if len(us) == 0 {
		return true
	}
	for _, u := range us {
		if r.Urgency == u {
			return true
		}
	}
	return false
}

// collect runs a query on the index with bleve's searcher and collector, as
// bleve's Index.Search does (tf-idf scores), and returns every match.
func (ix *Engine) collect(q query.Query) (bsearch.DocumentMatchCollection, error) {
	ctx := context.Background()
	r, err := ix.idx.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	s, err := q.Searcher(ctx, r, ix.mapping, bsearch.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	coll := collector.NewTopNCollector(len(ix.records), 0, bsearch.SortOrder{&bsearch.SortScore{Desc: true}})
	if err := coll.Collect(ctx, s, r); err != nil {
		return nil, err
	}
	return coll.Results(), nil
}
