// Package site builds the whole site: parse → render → index → minify → bundle → write.
package site

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"time"

	"factsheet/site/bundle"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/render"
	"factsheet/site/search"
	"factsheet/site/status"
)

// Config is what a build needs; cmd/factsheet fills it from flags.
type Config struct {
	Content    fs.FS     // the content/ folder: every *.md file at its root is a factsheet
	ContentDir string    // the name the content folder is shown under in problems ("content")
	Templates  fs.FS     // the templates/ folder
	Assets     fs.FS     // the assets/ folder
	Out        string    // the output folder (public)
	BaseURL    string    // -base-url: absolute address of the published site, or ""
	Strict     bool      // -strict: warnings fail the build
	Minify     bool      // -minify: minify HTML, CSS, JS, JSON and SVG
	Force      bool      // -force: replace an output folder that the build did not create
	Log        io.Writer // where warnings and -v timings go; nil for none
	Verbose    bool      // -v: print the time of each stage

	// AllowNoUrgency (-allow-no-urgency) publishes recommendations whose
	// urgency was not found, marked "urgency not found"; otherwise they stop the build.
	AllowNoUrgency bool

	// Today (YYYY-MM-DD) is the date against which status dates are
	// checked; "" for the current day.
	Today string
}

// Result is what a build reports besides its error.
type Result struct {
	Docs       []*factsheet.Document
	Status     map[string]*status.Record // the status file of each factsheet that has one, by slug
	Problems   factsheet.Problems
	Files      output.Files
	Stages     []Stage // time of each stage, in order
	BytesSaved int     // by minification
}

// Stage is the measured duration of one build stage.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Load parses every factsheet of the content folder, sorted by file name, and
// checks that their slugs are distinct. Problems of all files come back together.
func Load(content fs.FS, dir string) ([]*factsheet.Document, factsheet.Problems, error) {
	names, err := fs.Glob(content, "*.md")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%s: no factsheet (*.md) found; add one or pass -content DIR", dir)
	}
	var docs []*factsheet.Document
	var problems factsheet.Problems
	slugs := map[string]string{}
	for _, name := range names {
		src, err := fs.ReadFile(content, name)
		if err != nil {
			return nil, nil, err
		}
		file := path.Join(dir, name)
		doc, ps := factsheet.Parse(file, src)
		problems = append(problems, ps...)
		if doc == nil {
			continue
		}
		if other, dup := slugs[doc.Meta.Slug]; dup && doc.Meta.Slug != "" {
			problems = append(problems, factsheet.Problem{
				Pos: doc.KeyPos("slug"), Severity: factsheet.Error,
				Message: fmt.Sprintf("slug %q is already used by %s; give each factsheet its own slug", doc.Meta.Slug, other),
			})
			continue
		}
		slugs[doc.Meta.Slug] = file
		docs = append(docs, doc)
	}
	problems.Sort()
	return docs, problems, nil
}

// Build runs the whole pipeline and writes the site into cfg.Out. Nothing is
// written unless every stage succeeds.
func Build(cfg Config) (*Result, error) {
	res := &Result{}
	timed := func(name string, f func() error) error {
		start := time.Now()
		err := f()
		res.Stages = append(res.Stages, Stage{name, time.Since(start)})
		if cfg.Verbose && cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "%-8s %8.1f ms\n", name, float64(time.Since(start).Microseconds())/1000)
		}
		return err
	}
	err := timed("parse", func() error {
		var err error
		res.Docs, res.Problems, err = Load(cfg.Content, cfg.ContentDir)
		if err != nil {
			return err
		}
		today := cfg.Today
		if today == "" {
			today = Today()
		}
		var ps factsheet.Problems
		res.Status, ps, err = LoadStatus(cfg.Content, cfg.ContentDir, res.Docs, today)
		res.Problems = append(res.Problems, ps...)
		res.Problems.Sort()
		return err
	})
	if err != nil {
		return res, err
	}
	if cfg.Log != nil {
		for _, p := range res.Problems {
			if p.Severity >= factsheet.Warning { // notes are for check
				fmt.Fprintln(cfg.Log, p)
			}
		}
	}
	if res.Problems.HasErrors() || (cfg.Strict && res.Problems.Serious() > 0) {
		return res, fmt.Errorf("build stopped: %d problem(s) in the content; %s is unchanged", res.Problems.Serious(), cfg.Out)
	}
	if err := checkUrgencies(res.Docs, cfg.AllowNoUrgency); err != nil {
		return res, fmt.Errorf("%w; %s is unchanged", err, cfg.Out)
	}
	if cfg.BaseURL == "" && len(res.Docs) > 0 {
		cfg.BaseURL = res.Docs[0].Meta.BaseURL
	}
	res.Files = output.Files{}
	steps := []struct {
		name string
		run  func() error
	}{
		{"render", func() error {
			files, err := render.Site(res.Docs, render.Options{Templates: cfg.Templates, Assets: cfg.Assets, BaseURL: cfg.BaseURL, Status: res.Status})
			res.Files.Merge(files)
			return err
		}},
		{"index", func() error {
			files, err := search.Index(res.Docs)
			res.Files.Merge(files)
			if err != nil {
				return err
			}
			series, err := search.IndexSeries(res.Docs)
			res.Files.Merge(series)
			return err
		}},
		{"minify", func() error {
			if !cfg.Minify {
				return nil
			}
			var err error
			res.BytesSaved, err = bundle.Minify(res.Files)
			return err
		}},
		{"bundle", func() error { return bundle.Offline(res.Files, res.Docs) }},
		{"write", func() error { return output.Commit(res.Files, cfg.Out, cfg.Force) }},
	}
	for _, s := range steps {
		if err := timed(s.name, s.run); err != nil {
			return res, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return res, nil
}
