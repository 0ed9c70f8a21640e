package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"factsheet/site"
	"factsheet/site/search"
)

// runSearch answers a query with the build-time bleve index of every
// factsheet of the content folder, as the site's search box would.
func runSearch(args []string) int {
	fl := newFlags("search")
	var src sourceFlags
	src.register(fl)
	n := fl.Int("n", 10, "number of results to show per factsheet")
	asJSON := fl.Bool("json", false, "print the results as JSON (one array per factsheet, keyed by slug)")
	words, code, done := parseInterspersed(fl, args)
	if done {
		return code
	}
	query := strings.Join(words, " ")
	if strings.TrimSpace(query) == "" {
		fmt.Fprintln(os.Stderr, "factsheet search: no query")
		fl.SetOutput(os.Stderr)
		fl.Usage()
		return 2
	}
	cfg, err := src.config()
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet search:", err)
		return 1
	}
	docs, problems, err := site.Load(cfg.Content, cfg.ContentDir)
	if err == nil && problems.HasErrors() {
		err = fmt.Errorf("the content has errors; run 'factsheet check':\n%v", problems)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet search:", err)
		return 1
	}
	all := map[string][]search.Hit{}
	for _, doc := range docs {
		ix, err := search.Open(doc)
		if err != nil {
			fmt.Fprintln(os.Stderr, "factsheet search:", err)
			return 1
		}
		hits, err := ix.Search(query, *n)
		ix.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, "factsheet search:", err)
			return 1
		}
		all[doc.Meta.Slug] = hits
		if !*asJSON {
			printHits(doc.Meta.Slug, hits, len(docs) > 1)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			fmt.Fprintln(os.Stderr, "factsheet search:", err)
			return 1
		}
	}
	return 0
}

// printHits prints hits for a person: rank, identifier or title, urgency,
// chapter, address relative to the output folder, snippet.
func printHits(slug string, hits []search.Hit, withSlug bool) {
	if withSlug {
		fmt.Printf("%s:\n", slug)
	}
	if len(hits) == 0 {
		fmt.Println("no result")
	}
	for i, h := range hits {
		title := h.Title
		if h.Kind == search.KindRecommendation {
			title = "Recommendation " + h.ID + " [" + h.Urgency + "]"
		}
		if h.Chapter != "" && h.Chapter != title { // a chapter's opening text is titled by its chapter
			title += " — " + h.Chapter
		}
		fmt.Printf("%2d. %s\n    %s\n    %s\n", i+1, title, h.URL, h.Snippet)
	}
}
