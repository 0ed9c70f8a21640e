package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"factsheet/site"
	"factsheet/site/factsheet"
	"factsheet/site/status"
)

// statusArgs are the arguments of the status command.
type statusArgs struct {
	src                      sourceFlags
	slug, id, state          string
	date, source, note, link string
	today                    string // the entry is checked against it; -date defaults to it
}

func runStatus(args []string) int {
	fl := newFlags("status")
	usage := fl.Usage
	fl.Usage = func() {
		usage()
		fmt.Fprintf(fl.Output(), "\nSTATE is one of %s.\nThe entry is refused, and nothing written, where 'factsheet check' would report a problem.\n", stateNames())
	}
	a := &statusArgs{today: site.Today()}
	fl.StringVar(&a.src.content, "content", "content", "the folder of the factsheets; the status file is written there")
	fl.StringVar(&a.date, "date", a.today, "the day the state was stated, YYYY-MM-DD")
	fl.StringVar(&a.source, "source", "", "who stated it, e.g. \"Reply of the Party\" (required)")
	fl.StringVar(&a.note, "note", "", "a sentence of inline Markdown (optional)")
	fl.StringVar(&a.link, "link", "", "the http(s) address of the source (optional)")
	pos, code, done := parseInterspersed(fl, args)
	if done {
		return code
	}
	if len(pos) != 3 {
		fmt.Fprintln(os.Stderr, "factsheet status: give the factsheet's slug, the identifier and the state, e.g. factsheet status lithuania IV-5 in-progress -source \"Reply of the Party\"")
		fl.SetOutput(os.Stderr)
		fl.Usage()
		return 2
	}
	a.slug, a.id, a.state = pos[0], pos[1], pos[2]
	if err := a.run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "factsheet status:", err)
		return 1
	}
	return 0
}

func stateNames() string {
	var s []string
	for _, st := range status.States {
		s = append(s, string(st))
	}
	return strings.Join(s, ", ")
}

// run appends the entry, or refuses it with the problems check would report.
func (a *statusArgs) run(stdout io.Writer) error {
	if st, err := os.Stat(a.src.content); err != nil || !st.IsDir() {
		return fmt.Errorf("-content %s: not a folder; the status file is written beside the factsheet", a.src.content)
	}
	content := os.DirFS(a.src.content)
	docs, _, err := site.Load(content, a.src.content)
	if err != nil {
		return err
	}
	var doc *factsheet.Document
	var slugs []string
	for _, d := range docs {
		slugs = append(slugs, d.Meta.Slug)
		if d.Meta.Slug == a.slug {
			doc = d
		}
	}
	if doc == nil {
		return fmt.Errorf("no factsheet has the slug %q in %s; the slugs are: %s", a.slug, a.src.content, strings.Join(slugs, ", "))
	}
	name := status.FileName(a.slug)
	file := filepath.Join(a.src.content, name)
	old, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	ids := site.IDs(doc)
	if _, ps := status.Parse(file, old, ids, a.today); len(ps) > 0 {
		return fmt.Errorf("%s has problems; fix them first, nothing written:\n%s", file, ps.Error())
	}
	e := status.Entry{ID: a.id, Date: a.date, State: status.State(a.state), Source: a.source, Note: a.note, Link: a.link}
	out, err := status.Append(old, e)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if _, ps := status.Parse(file, out, ids, a.today); len(ps) > 0 {
		var msgs []string
		for _, p := range ps {
			msgs = append(msgs, "  "+p.Message)
		}
		return fmt.Errorf("entry refused, nothing written:\n%s", strings.Join(msgs, "\n"))
	}
	if err := writeAtomic(file, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s %s since %s\n", file, a.id, e.State.Label(), a.date)
	return nil
}

// writeAtomic replaces file with b through a temporary file in the same
// folder and a rename, so that a reader sees the old file or the new one.
func writeAtomic(file string, b []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(file); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
