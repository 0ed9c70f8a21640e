// Package site builds the whole site: parse → render → index → minify → bundle → write.
//
// Each factsheet goes through its stages on its own and its files go to the
// build's sink (the staging folder of `factsheet build`, or memory for
// `serve`) as soon as they are done, several factsheets at a time. A summary
// of every factsheet is made first (render.Summarize: a factsheet's pages
// link to its report); the site-wide pages are made from the summaries
// (report pages, root index: beside the factsheets), from each factsheet's
// search documents (search.Part: the series' index) and from the paths of
// every file (404, sitemap), those last once every factsheet knows them.
package site

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"sync"
	"time"

	"factsheet/site/factsheet"
	"factsheet/site/internal/workers"
	"factsheet/site/output"
	"factsheet/site/render"
	"factsheet/site/search"
	"factsheet/site/series"
	"factsheet/site/status"
)

// Config is what a build needs; cmd/factsheet fills it from flags.
type Config struct {
	Content    fs.FS     // the content/ folder: every *.md file at its root is a factsheet
	ContentDir string    // the name the content folder is shown under in problems ("content")
	Templates  fs.FS     // the templates/ folder
	Assets     fs.FS     // the assets/ folder
	Out        string    // the output folder (public), written atomically when Sink is nil; "" for none
	BaseURL    string    // -base-url: absolute address of the published site, or ""
	Strict     bool      // -strict: warnings fail the build
	Minify     bool      // -minify: minify HTML, CSS, JS, JSON and SVG
	Force      bool      // -force: replace an output folder that the build did not create
	Log        io.Writer // where warnings and -v timings go; nil for none
	Verbose    bool      // -v: print the time of each stage
	// Sink, when set, receives the files of each factsheet as soon as they are
	// built, and those of the whole site last; the caller commits them (see
	// output.Stage) and Result.Files stays nil. When nil, the files are kept
	// in Result.Files and, if Out is set, written there atomically.
	Sink output.Sink
	// Cache, when set, keeps each factsheet's document and files for the next
	// build, which then rebuilds only the factsheets whose text changed.
	Cache *Cache
	// Fresh (-fresh) builds every file again. Otherwise, when Sink is an
	// output.Stage, the files of each factsheet, of the shared assets and of
	// the site-wide pages are linked from the previous output when everything
	// they depend on is as it was then (see depsKey, docKey and siteKey).
	Fresh bool
	// Program identifies the program that builds (ProgramID when ""): files
	// built by another program are never reused.
	Program string

	// AllowNoUrgency (-allow-no-urgency) publishes recommendations whose
	// urgency was not found, marked "urgency not found"; otherwise they stop the build.
	AllowNoUrgency bool

	// Today (YYYY-MM-DD) is the date against which status dates are
	// checked; "" for the current day.
	Today string
}

// Result is what a build reports besides its error.
type Result struct {
	// Docs are the factsheets, in file name order. Without Config.Cache,
	// each keeps only its Meta and File once its files are built: a build of
	// many factsheets does not hold every parsed text to the end.
	Docs       []*factsheet.Document
	Status     map[string]*status.Record // the status file of each factsheet that has one, by slug
	Problems   factsheet.Problems
	Files      output.Files // every file built, unless Config.Sink was set
	Count      int          // the number of files built
	Stages     []Stage      // time of each stage, summed over the factsheets, in order
	BytesSaved int          // by minification
	Reused     int          // factsheets whose files were taken from the previous output
}

// Stage is the measured duration of one build stage.
type Stage struct {
	Name     string
	Duration time.Duration
}

// stageNames are the stages in the order -v prints them.
var stageNames = []string{"parse", "render", "index", "minify", "bundle", "write"}

// Build runs the whole pipeline. With a Sink, nothing is committed: the
// caller commits the sink if Build succeeds. Without one and with Out set,
// nothing is written to Out unless every stage succeeds.
func Build(cfg Config) (*Result, error) {
	start := time.Now()
	res := &Result{}
	b := &builder{cfg: cfg, res: res, took: map[string]time.Duration{}}
	err := b.run()
	for _, name := range stageNames {
		if d, ok := b.took[name]; ok {
			res.Stages = append(res.Stages, Stage{name, d})
			if cfg.Verbose && cfg.Log != nil {
				fmt.Fprintf(cfg.Log, "%-8s %8.1f ms\n", name, ms(d))
			}
		}
	}
	if cfg.Verbose && cfg.Log != nil {
		fmt.Fprintf(cfg.Log, "reused %d of %d factsheets from the previous output\n", res.Reused, len(res.Docs))
		fmt.Fprintf(cfg.Log, "%-8s %8.1f ms (stages above are summed over factsheets built side by side)\n", "total", ms(time.Since(start)))
	}
	return res, err
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// builder holds one build's state.
type builder struct {
	cfg     Config
	res     *Result
	deps    output.Key       // what every factsheet's files depend on (see key)
	keys    []output.Key     // per factsheet, the key of its files
	siteKey output.Key       // the key of the site-wide files
	sums    []series.Summary // per factsheet, what the others' pages show of it
	rOnce   sync.Once
	r       *render.Renderer // made by renderer, on first need
	rErr    error
	assets  output.Files // the shared assets, minified: every factsheet's bundle needs them
	sink    output.Sink
	store   reuser        // the sink, when it can reuse the previous output
	parts   []search.Part // per factsheet, its search documents for the series' index

	assetsOnce   sync.Once
	assetsErr    error
	assetsReused bool // the shared assets were linked from the previous output
	siteReused   bool // the site-wide files were linked from the previous output

	mu    sync.Mutex
	took  map[string]time.Duration // stage → time, summed
	paths []string                 // every path built, for the sitemap and the 404 page
	// planned is done once every factsheet knows the paths of its files, which
	// it adds to plannedPaths: the site-wide files that need them are made
	// from then on, beside the factsheets' bundles (see shared).
	planned      sync.WaitGroup
	plannedPaths []string
}

// renderer makes the renderer on first need: parsing the templates costs
// more than a whole build that reuses every file of the previous output.
func (b *builder) renderer() (*render.Renderer, error) {
	b.rOnce.Do(func() {
		b.r, b.rErr = render.New(render.Options{Templates: b.cfg.Templates, Assets: b.cfg.Assets, BaseURL: b.cfg.BaseURL, Status: b.res.Status})
		if b.rErr != nil {
			b.rErr = fmt.Errorf("render: %w", b.rErr)
			return
		}
		b.r.Series(b.sums)
		b.r.Editions(b.res.Docs)
	})
	return b.r, b.rErr
}

// today is the date status files are checked against: Config.Today, or the current day.
func (b *builder) today() string {
	if b.cfg.Today != "" {
		return b.cfg.Today
	}
	return Today()
}

// timed runs f and adds its duration to the stage's.
func (b *builder) timed(stage string, f func() error) error {
	start := time.Now()
	err := f()
	b.mu.Lock()
	b.took[stage] += time.Since(start)
	b.mu.Unlock()
	return err
}

func (b *builder) run() error {
	cfg, res := b.cfg, b.res
	err := b.timed("parse", func() error {
		var err error
		res.Docs, res.Problems, err = load(cfg.Content, cfg.ContentDir, cfg.Cache)
		if err != nil {
			return err
		}
		var ps factsheet.Problems
		res.Status, ps, err = LoadStatus(cfg.Content, cfg.ContentDir, res.Docs, b.today())
		res.Problems = append(res.Problems, ps...)
		res.Problems.Sort()
		return err
	})
	if err != nil {
		return err
	}
	if cfg.Log != nil {
		for _, p := range res.Problems {
			if p.Severity >= factsheet.Warning { // notes are for check
				fmt.Fprintln(cfg.Log, p)
			}
		}
	}
	if res.Problems.HasErrors() || (cfg.Strict && res.Problems.Serious() > 0) {
		return fmt.Errorf("build stopped: %d problem(s) in the content; %s is unchanged", res.Problems.Serious(), cfg.Out)
	}
	if err := checkUrgencies(res.Docs, cfg.AllowNoUrgency); err != nil {
		return fmt.Errorf("%w; %s is unchanged", err, cfg.Out)
	}
	if b.cfg.BaseURL == "" && len(res.Docs) > 0 {
		b.cfg.BaseURL = res.Docs[0].Meta.BaseURL
	}
	commit, err := b.openSink()
	if err != nil {
		return err
	}
	if err := b.site(); err != nil {
		commit(false)
		return err
	}
	return commit(true)
}

// openSink sets the sink the files go to, and returns the function that ends
// the build: it commits the output folder (ok) or leaves it as it was.
func (b *builder) openSink() (func(ok bool) error, error) {
	if b.cfg.Sink != nil {
		b.sink = b.cfg.Sink
		b.store, _ = b.sink.(reuser)
		return func(bool) error { return nil }, nil
	}
	mem := &memory{files: output.Files{}}
	b.res.Files, b.sink = mem.files, mem
	if b.cfg.Out == "" {
		return func(bool) error { return nil }, nil
	}
	stage, err := output.NewStage(b.cfg.Out, b.cfg.Force)
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	b.sink = both{mem, stage}
	return func(ok bool) error {
		if !ok {
			stage.Abort()
			return nil
		}
		if err := b.timed("write", stage.Commit); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}, nil
}

// site summarizes every factsheet, builds each, several at a time, then the
// site-wide files.
func (b *builder) site() error {
	docs := b.res.Docs
	b.sums = make([]series.Summary, len(docs))
	b.timed("render", func() error {
		workers.Each(len(docs), func(i int) { b.sums[i] = render.Summarize(docs[i]) })
		return nil
	})
	if err := b.key(); err != nil {
		return err
	}
	if !b.assetsReused {
		if err := b.prepareAssets(); err != nil {
			return err
		}
	}
	b.parts = make([]search.Part, len(docs))
	errs := make([]error, len(docs))
	b.planned.Add(len(docs))
	shared := make(chan error, 1)
	go func() { shared <- b.shared() }()
	order := largestFirst(docs)
	workers.Each(len(docs), func(k int) {
		i := order[k]
		planned := false
		plan := func(paths []string) {
			if !planned {
				planned = true
				b.mu.Lock()
				b.plannedPaths = append(b.plannedPaths, paths...)
				b.mu.Unlock()
				b.planned.Done()
			}
		}
		errs[i] = b.factsheet(i, plan)
		plan(nil) // a factsheet that failed early
		b.release(i)
	})
	sharedErr := <-shared
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return sharedErr
}

// release lets go of the parsed content of factsheet i once its files are
// built, unless the cache keeps it for the next build: nothing else reads it
// afterwards, and a build of many factsheets need not hold them all.
func (b *builder) release(i int) {
	if b.cfg.Cache != nil {
		return
	}
	if _, err := b.renderer(); err != nil {
		return // the renderer reads every document when it is made
	}
	doc := b.res.Docs[i]
	b.res.Docs[i] = &factsheet.Document{Meta: doc.Meta, File: doc.File}
}

// largestFirst returns the indices of docs, the longest text first (ties in
// their order): a factsheet's build takes time in proportion to its text,
// and starting with the longest leaves the shortest for the end, when a
// processor would otherwise wait for the last long one.
func largestFirst(docs []*factsheet.Document) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(docs[order[a]].Source) > len(docs[order[b]].Source) })
	return order
}

// Load parses every factsheet of the content folder, sorted by file name, and
// checks that their slugs are distinct. Problems of all files come back together.
func Load(content fs.FS, dir string) ([]*factsheet.Document, factsheet.Problems, error) {
	return load(content, dir, nil)
}

// load is Load, taking the documents whose text did not change from cache.
func load(content fs.FS, dir string, cache *Cache) ([]*factsheet.Document, factsheet.Problems, error) {
	names, err := fs.Glob(content, "*.md")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%s: no factsheet (*.md) found; add one or pass -content DIR", dir)
	}
	type parsed struct {
		doc      *factsheet.Document
		problems factsheet.Problems
		err      error
	}
	all := make([]parsed, len(names))
	workers.Each(len(names), func(i int) {
		src, err := fs.ReadFile(content, names[i])
		if err != nil {
			all[i].err = err
			return
		}
		all[i].doc, all[i].problems = cache.parse(path.Join(dir, names[i]), src)
	})
	var docs []*factsheet.Document
	var problems factsheet.Problems
	slugs := map[string]string{}
	for i, name := range names {
		if all[i].err != nil {
			return nil, nil, all[i].err
		}
		doc, file := all[i].doc, path.Join(dir, name)
		problems = append(problems, all[i].problems...)
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
