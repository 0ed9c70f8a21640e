package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/output"
)

// sourceFlags are the flags every command shares: where content, templates and assets come from.
type sourceFlags struct {
	content   string
	templates string
	assets    string
}

func (s *sourceFlags) register(fl *flag.FlagSet) {
	fl.StringVar(&s.content, "content", "content", "folder of factsheets (*.md); the embedded default content if it does not exist")
	fl.StringVar(&s.templates, "templates", "", "use the templates of this folder instead of the embedded ones (for editing them)")
	fl.StringVar(&s.assets, "assets", "", "use the assets of this folder instead of the embedded ones (for editing them)")
}

// contentFS is the -content folder, or the embedded content when the default folder is absent.
func (s *sourceFlags) contentFS() (fs.FS, error) {
	if st, err := os.Stat(s.content); err == nil && st.IsDir() {
		return os.DirFS(s.content), nil
	} else if s.content != "content" {
		return nil, fmt.Errorf("-content %s: not a folder", s.content)
	}
	return defaults.Content, nil
}

// sources lists the folders on disk that the build reads, which its output
// must never replace.
func (s *sourceFlags) sources() []output.Source {
	return []output.Source{{Flag: "-content", Dir: s.content}, {Flag: "-templates", Dir: s.templates}, {Flag: "-assets", Dir: s.assets}}
}

// allowNoUrgency registers the -allow-no-urgency flag.
func allowNoUrgency(fl *flag.FlagSet) *bool {
	return fl.Bool("allow-no-urgency", false, "publish recommendations whose urgency was not found, marked \"urgency not found\", instead of stopping")
}

// orEmbedded is the folder dir on disk, or the embedded one when dir is "".
func orEmbedded(dir string, embedded fs.FS) fs.FS {
	if dir == "" {
		return embedded
	}
	return os.DirFS(dir)
}

// config builds a site.Config from the shared flags.
func (s *sourceFlags) config() (site.Config, error) {
	content, err := s.contentFS()
	if err != nil {
		return site.Config{}, err
	}
	return site.Config{
		Content:    content,
		ContentDir: s.content,
		Templates:  orEmbedded(s.templates, defaults.Templates),
		Assets:     orEmbedded(s.assets, defaults.Assets),
		Log:        os.Stderr,
	}, nil
}

func runBuild(args []string) int {
	fl := newFlags("build")
	var src sourceFlags
	src.register(fl)
	out := fl.String("out", "public", "output folder")
	strict := fl.Bool("strict", false, "fail on warnings too")
	minify := fl.Bool("minify", true, "minify HTML, CSS, JavaScript, JSON and SVG")
	baseURL := fl.String("base-url", "", "absolute address of the published site, e.g. https://example.github.io/repo/ (enables sitemap, canonical links and preview tags)")
	force := fl.Bool("force", false, "replace the output folder even if the build did not create it")
	fresh := fl.Bool("fresh", false, "build every file again instead of linking, from the previous output, the files of the factsheets whose inputs did not change")
	verbose := fl.Bool("v", false, "print the time of each stage and how many factsheets were reused")
	allow := allowNoUrgency(fl)
	if code, done := parseFlags(fl, args); done {
		return code
	}
	if err := output.CheckSafeTarget(*out, src.sources()...); err != nil {
		fmt.Fprintln(os.Stderr, "factsheet build:", err)
		return 1
	}
	cfg, err := src.config()
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet build:", err)
		return 1
	}
	cfg.Out, cfg.Strict, cfg.Minify, cfg.BaseURL, cfg.Force, cfg.Verbose = *out, *strict, *minify, *baseURL, *force, *verbose
	cfg.AllowNoUrgency, cfg.Fresh = *allow, *fresh
	names, _ := fs.Glob(cfg.Content, "*.md")
	site.TuneMemory(len(names))
	stage, err := output.NewStage(cfg.Out, cfg.Force)
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet build: write:", err)
		return 1
	}
	cfg.Sink = stage // each factsheet is written as soon as it is built
	res, err := site.Build(cfg)
	if err == nil {
		err = stage.Commit()
	} else {
		stage.Abort()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet build:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "built %d factsheet(s), %d files into %s", len(res.Docs), res.Count, cfg.Out)
	if res.Reused > 0 {
		fmt.Fprintf(os.Stderr, " (%d factsheet(s) reused from the previous output; -fresh builds every file)", res.Reused)
	} else if cfg.Minify {
		fmt.Fprintf(os.Stderr, " (minify saved %d bytes)", res.BytesSaved)
	}
	fmt.Fprintln(os.Stderr)
	return 0
}

func runCheck(args []string) int {
	fl := newFlags("check")
	var src sourceFlags
	src.register(fl)
	if code, done := parseFlags(fl, args); done {
		return code
	}
	cfg, err := src.config()
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet check:", err)
		return 1
	}
	docs, problems, err := site.Load(cfg.Content, cfg.ContentDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet check:", err)
		return 1
	}
	_, statusProblems, err := site.LoadStatus(cfg.Content, cfg.ContentDir, docs, site.Today())
	if err != nil {
		fmt.Fprintln(os.Stderr, "factsheet check:", err)
		return 1
	}
	problems = append(problems, statusProblems...)
	problems.Sort()
	for _, p := range problems {
		fmt.Println(p)
	}
	if n := problems.Serious(); n > 0 {
		fmt.Fprintf(os.Stderr, "%d problem(s) in %d factsheet(s)\n", n, len(docs))
		return 1
	}
	if notes := len(problems); notes > 0 {
		fmt.Fprintf(os.Stderr, "%d factsheet(s), no problem, %d note(s)\n", len(docs), notes)
		return 0
	}
	fmt.Fprintf(os.Stderr, "%d factsheet(s), no problem\n", len(docs))
	return 0
}
