package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runSplit runs the command in dir and returns its exit code, stdout and stderr.
func runSplit(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), stdout.String(), stderr.String()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

// TestHelp: --help, -h, help and help <command> print the usage on stdout
// and exit 0; a wrong command or flag exits 2 with the usage on stderr.
func TestHelp(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, _ := runSplit(t, dir, args...)
		if code != 0 || !strings.HasPrefix(out, "usage: factsheet <command>") || !strings.Contains(out, "  version  ") {
			t.Errorf("factsheet %s: exit %d, stdout:\n%s", strings.Join(args, " "), code, out)
		}
	}
	for _, c := range []struct{ args, want []string }{
		{[]string{"help", "build"}, []string{"usage: factsheet build [flags]", "-force", "-allow-no-urgency", "-base-url", "-fresh"}},
		{[]string{"build", "-h"}, []string{"usage: factsheet build [flags]", "-out string"}},
		{[]string{"help", "search"}, []string{"usage: factsheet search [flags] QUERY [flags]", "-json"}},
		{[]string{"search", "--help"}, []string{"usage: factsheet search", "-n int"}},
		{[]string{"help", "check"}, []string{"usage: factsheet check [flags]", "-content"}},
		{[]string{"help", "serve"}, []string{"usage: factsheet serve [flags]", "-addr"}},
		{[]string{"help", "version"}, []string{"usage: factsheet version"}},
	} {
		code, out, _ := runSplit(t, dir, c.args...)
		for _, w := range c.want {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("factsheet %s: exit %d, want 0 and %q on stdout:\n%s", strings.Join(c.args, " "), code, w, out)
			}
		}
	}
	for _, args := range [][]string{{"help", "publish"}, {"build", "-nope"}, {}} {
		code, out, errOut := runSplit(t, dir, args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "usage: factsheet") {
			t.Errorf("factsheet %s: exit %d, stdout %q, stderr:\n%s\nwant 2 and the usage on stderr", strings.Join(args, " "), code, out, errOut)
		}
	}
}

// TestVersion: version prints the module's version and, when built in a
// clone of the repository, the revision it was built from.
func TestVersion(t *testing.T) {
	code, out, _ := runSplit(t, t.TempDir(), "version")
	if code != 0 || !strings.HasPrefix(out, "factsheet ") || !strings.Contains(out, "module factsheet, go1.") || !strings.Contains(out, "revision ") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is needed to check the revision")
		}
		t.Skip("git not found: the revision is not checked")
	}
	// the sources of this tree in a repository of their own, committed: Go
	// does not stamp a binary built in a git worktree
	repo := filepath.Join(t.TempDir(), "repo")
	list, err := exec.Command(git, "-C", "../..", "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join("../..", name))
		if os.IsNotExist(err) {
			continue // deleted, not yet committed
		} else if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(repo, name)), 0o755)
		if err := os.WriteFile(filepath.Join(repo, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "t"}} {
		if out, err := exec.Command(git, append([]string{"-C", repo}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", args, err, out)
		}
	}
	head, err := exec.Command(git, "-C", repo, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "factsheet")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, "./cmd/factsheet")
	build.Dir, build.Env = repo, append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build in the clone: %v\n%s", err, out)
	}
	got, err := exec.Command(bin, "version").Output()
	want := "revision " + strings.TrimSpace(string(head)) + " ("
	if err != nil || !strings.Contains(string(got), want) {
		t.Errorf("version of a binary built at %s: %v\n%s\nwant %q", head, err, got, want)
	}
}

// TestSearchFlagsAfterQuery: flags may follow the query; a section that
// is a chapter's opening text does not print its title twice.
func TestSearchFlagsAfterQuery(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runSplit(t, dir, "search", "helpline", "-n", "1")
	if code != 0 || strings.Count(out, "\n") != 3 || !strings.HasPrefix(out, " 1. Recommendation ") {
		t.Errorf("search helpline -n 1: exit %d, stdout:\n%s\nstderr:\n%s\nwant one result", code, out, errOut)
	}
	code, out, _ = runSplit(t, dir, "search", "-n", "1", "jurisdiction", "-json", "rules")
	if code != 0 || !strings.HasPrefix(out, "{") || strings.Count(out, `"id"`) != 1 {
		t.Errorf("search -n 1 jurisdiction -json rules: exit %d, stdout:\n%s\nwant one result as JSON", code, out)
	}
	code, out, _ = runSplit(t, dir, "search", "-n", "1", "--", "-n")
	if code != 0 || !strings.Contains(out, "no result") {
		t.Errorf("search -n 1 -- -n: exit %d, stdout:\n%s\nwant -n searched as a word", code, out)
	}
	_, out, _ = runSplit(t, dir, "search", "-n", "1", "jurisdiction", "rules")
	first := strings.SplitN(out, "\n", 2)[0]
	if first != " 1. IV. Jurisdiction rules" {
		t.Errorf("the chapter's opening text: %q, want its title once", first)
	}
}

// snapshot reads every file under dir, keyed by path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return err
	})
	return files
}

// TestForceNeverDeletesSources: build -force refuses an output folder that
// is, contains or lies inside a folder it reads, the project's root or the
// home folder, says why, and leaves it untouched.
func TestForceNeverDeletesSources(t *testing.T) {
	dir := contentDir(t, clean)
	for _, sub := range []string{"templates", "assets"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
	}
	os.WriteFile(filepath.Join(dir, "templates", "keep.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "keep.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module factsheet\n"), 0o644)
	home := filepath.Join(t.TempDir(), "home")
	os.MkdirAll(filepath.Join(home, "notes"), 0o755)
	os.WriteFile(filepath.Join(home, "notes", "keep.txt"), []byte("mine"), 0o644)
	t.Setenv("HOME", home)
	before, homeBefore := snapshot(t, dir), snapshot(t, home)
	flags := []string{"build", "-force", "-content", "content", "-templates", "templates", "-assets", "assets", "-out"}
	for _, c := range []struct{ out, why string }{
		{"content", "it is the -content folder"},
		{"content/site", "it lies inside the -content folder"},
		{"templates", "it is the -templates folder"},
		{"assets/out", "it lies inside the -assets folder"},
		{".", "it contains the -content folder"},
		{"..", "refused, it"},
		{home, "it is or contains your home folder"},
		{"/", "it is the root of the file system"},
	} {
		code, out, errOut := runSplit(t, dir, append(flags, c.out)...)
		if code != 1 || !strings.Contains(errOut, c.why) || !strings.Contains(errOut, "choose another -out") {
			t.Errorf("build -force -out %s: exit %d\n%s%s\nwant 1 and %q", c.out, code, out, errOut, c.why)
		}
	}
	code, _, errOut := runSplit(t, dir, "build", "-force", "-content", "content", "-out", ".")
	if code != 1 || !strings.Contains(errOut, "it contains the -content folder") {
		t.Errorf("build -force -out . (no -templates): exit %d\n%s", code, errOut)
	}
	os.Rename(filepath.Join(dir, "content"), filepath.Join(t.TempDir(), "content"))
	code, _, errOut = runSplit(t, dir, "build", "-force", "-out", ".")
	if code != 1 || !strings.Contains(errOut, "it is the root of a project (it holds go.mod)") {
		t.Errorf("build -force -out . in a project: exit %d\n%s", code, errOut)
	}
	delete(before, filepath.Join(dir, "content", "testland.md"))
	if after := snapshot(t, dir); len(after) != len(before) {
		t.Errorf("the project changed: %d files, then %d", len(before), len(after))
	} else {
		for p, b := range before {
			if after[p] != b {
				t.Errorf("%s changed", p)
			}
		}
	}
	if after := snapshot(t, home); len(after) != len(homeBefore) || after[filepath.Join(home, "notes", "keep.txt")] != "mine" {
		t.Errorf("the home folder changed")
	}
	if code, _, errOut := runSplit(t, contentDir(t, clean), "build", "-force", "-out", "public"); code != 0 {
		t.Errorf("build -force -out public: exit %d\n%s", code, errOut)
	}
}
