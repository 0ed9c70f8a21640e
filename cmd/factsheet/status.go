package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"factsheet/site"
	"factsheet/site/factsheet"
	"factsheet/site/status"
)

const statusUsage = `usage: factsheet status [-content DIR] SLUG ID STATE -source TEXT [-date YYYY-MM-DD] [-note TEXT] [-link URL]

Appends an entry to content/SLUG.status.yaml (creating it if needed), keeping
the file's comments and order. STATE is one of %s.
It refuses what 'factsheet check' would refuse, and writes nothing then.

`

// statusArgs are the arguments of the status command.
type statusArgs struct {
	src                      sourceFlags
	slug, id, state          string
	date, source, note, link string
	today                    string
}

func runStatus(args []string) int {
	return statusMain(args, os.Stdout, os.Stderr, site.Today())
}

// statusMain runs the status command; today is the date against which the
// entry is checked (and its default date).
func statusMain(args []string, stdout, stderr io.Writer, today string) int {
	a, err := parseStatusArgs(args, stderr, today)
	if err != nil {
		fmt.Fprintln(stderr, "factsheet status:", err)
		return 2
	}
	if err := a.run(stdout); err != nil {
		fmt.Fprintln(stderr, "factsheet status:", err)
		return 1
	}
	return 0
}

// parseStatusArgs reads the flags, which may come before, between or after
// the three positional arguments.
func parseStatusArgs(args []string, stderr io.Writer, today string) (*statusArgs, error) {
	a := &statusArgs{today: today}
	fl := flag.NewFlagSet("status", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, statusUsage, stateNames())
		fl.PrintDefaults()
	}
	a.src.register(fl)
	fl.StringVar(&a.date, "date", today, "the day the state was stated, YYYY-MM-DD")
	fl.StringVar(&a.source, "source", "", "who stated it, e.g. \"Reply of the Party\" (required)")
	fl.StringVar(&a.note, "note", "", "a sentence of inline Markdown (optional)")
	fl.StringVar(&a.link, "link", "", "the http(s) address of the source (optional)")
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(pos) != 3 {
		fl.Usage()
		return nil, fmt.Errorf("give the factsheet's slug, the identifier and the state, e.g. factsheet status lithuania IV-5 in-progress -source \"Reply of the Party\"")
	}
	a.slug, a.id, a.state = pos[0], pos[1], pos[2]
	return a, nil
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
