package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the factsheet command built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "factsheet-cmd")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "factsheet")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const clean = "---\ntitle: T\nparty: Testland\nslug: testland\n---\n\n## I. Introduction\n\n- **\"Require\"**: a.\n- **\"Request\"**: b.\n- **\"Invite\"**: c.\n\n## II. Chapter\n\n### Generic recommendations\n\nThe Committee **invites** all Parties:\n\n- to act.<sup>1</sup>\n\n<sup>1</sup> Recommendation II-1.\n"

// run runs the command in dir and returns its exit code and combined output.
func run(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// contentDir makes a project folder whose content/ holds one file.
func contentDir(t *testing.T, text string) string {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "content"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "content", "testland.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCheck(t *testing.T) {
	if code, out := run(t, contentDir(t, clean), "check"); code != 0 {
		t.Errorf("check of a clean factsheet: exit %d\n%s", code, out)
	}
	bad := strings.Replace(clean, "- to act.<sup>1</sup>", "- to act.<sup>1</sup><sup>2</sup>", 1)
	code, out := run(t, contentDir(t, bad), "check")
	want := "content/testland.md:19:3: warning: footnote 2 is referenced but never defined"
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("check of a bad factsheet: exit %d, want 1 and %q in:\n%s", code, want, out)
	}
}

func TestBuildWarnsAndStrictFails(t *testing.T) {
	dir := contentDir(t, strings.Replace(clean, "- to act.", "- to act.<sup>2</sup>", 1))
	code, out := run(t, dir, "build", "-strict", "-out", "site")
	if code != 1 || !strings.Contains(out, "warning: footnote 2 is referenced but never defined") {
		t.Errorf("build -strict with a warning: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "site")); !os.IsNotExist(err) {
		t.Errorf("a failed build must not create the output folder")
	}
	code, out = run(t, dir, "build", "-out", "site")
	if code != 0 || !strings.Contains(out, "warning:") {
		t.Errorf("build with a warning: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "site", "testland", "recommendations", "ii-1.html")); err != nil {
		t.Errorf("build wrote no recommendation page: %v", err)
	}
}

// TestBuildReusesPreviousOutput: a second build of unchanged content takes
// the factsheet from the previous output and still prints the content's
// warnings; -fresh builds it again; an edit builds it again.
func TestBuildReusesPreviousOutput(t *testing.T) {
	text := strings.Replace(clean, "- to act.", "- to act.<sup>2</sup>", 1)
	dir := contentDir(t, text)
	for _, c := range []struct {
		args []string
		edit string
		want string
	}{
		{[]string{"build", "-v", "-out", "site"}, "", "reused 0 of 1 factsheets"},
		{[]string{"build", "-v", "-out", "site"}, "", "reused 1 of 1 factsheets"},
		{[]string{"build", "-v", "-fresh", "-out", "site"}, "", "reused 0 of 1 factsheets"},
		{[]string{"build", "-v", "-out", "site"}, "", "reused 1 of 1 factsheets"},
		{[]string{"build", "-v", "-out", "site"}, "to act quickly.", "reused 0 of 1 factsheets"},
	} {
		if c.edit != "" {
			edited := strings.Replace(text, "to act.", c.edit, 1)
			if err := os.WriteFile(filepath.Join(dir, "content", "testland.md"), []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, out := run(t, dir, c.args...)
		if code != 0 || !strings.Contains(out, c.want) || !strings.Contains(out, "warning: footnote 2 is referenced but never defined") {
			t.Errorf("%s: exit %d, want 0, %q and the warning in:\n%s", strings.Join(c.args, " "), code, c.want, out)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "site", "testland", "chapters", "ii.html"))
	if err != nil || !strings.Contains(string(page), "to act quickly") {
		t.Errorf("the edit is not in the rebuilt site (%v)", err)
	}
}

func TestUnknownCommand(t *testing.T) {
	if code, out := run(t, t.TempDir(), "publish"); code != 2 || !strings.Contains(out, `unknown command "publish"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}
