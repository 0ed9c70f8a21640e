package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStatusCommandAppends(t *testing.T) {
	dir := contentDir(t, clean)
	file := filepath.Join(dir, "content", "testland.status.yaml")
	code, out := run(t, dir, "status", "testland", "II-1", "in-progress", "-date", "2024-03-01", "-source", "Reply of the Party: 2024", "-note", "A *draft* law.")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	// flags may also come first, -content too
	code, out = run(t, dir, "status", "-content", "content", "-date", "2024-06-01", "-source", "Official Gazette", "-link", "https://example.org/law", "testland", "II-1", "implemented")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "II-1:\n  - date: 2024-03-01\n    state: in-progress\n    source: 'Reply of the Party: 2024'\n    note: A *draft* law.\n" +
		"  - date: 2024-06-01\n    state: implemented\n    source: Official Gazette\n    link: https://example.org/law\n"
	if string(got) != want {
		t.Errorf("status file:\n%s\nwant:\n%s", got, want)
	}
	if code, out := run(t, dir, "check"); code != 0 {
		t.Errorf("check after status: exit %d\n%s", code, out)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content"))
	if len(entries) != 2 {
		t.Errorf("content/ holds %d files (a temporary file left behind?)", len(entries))
	}
	code, out = run(t, dir, "build", "-strict", "-out", "site")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, out)
	}
	page, err := os.ReadFile(filepath.Join(dir, "site", "testland", "recommendations", "ii-1.html"))
	if err != nil || !strings.Contains(string(page), "Implemented") || !strings.Contains(string(page), "1 June 2024") {
		t.Errorf("the recommendation page does not show the state: %v", err)
	}
}

func TestStatusCommandKeepsCommentsAndRefuses(t *testing.T) {
	dir := contentDir(t, clean)
	file := filepath.Join(dir, "content", "testland.status.yaml")
	before := "# Kept by the national human rights institution.\nII-1:\n  # first reply\n  - date: 2024-03-01\n    state: in-progress # draft law\n    source: Reply of the Party\n"
	if err := os.WriteFile(file, []byte(before), 0o600); err != nil {
		t.Fatal(err)
	}
	refusals := []struct {
		args []string
		want string
	}{
		{[]string{"testland", "II-2", "implemented", "-date", "2024-06-01", "-source", "x"}, "the factsheet has no recommendation II-2; did you mean II-1?"},
		{[]string{"testland", "II-1", "done", "-date", "2024-06-01", "-source", "x"}, `unknown state "done"`},
		{[]string{"testland", "II-1", "implemented", "-date", "2024-01-01", "-source", "x"}, "list the entries of II-1 oldest first"},
		{[]string{"testland", "II-1", "implemented", "-date", "2024-03-01", "-source", "x"}, "II-1 has two entries dated 2024-03-01"},
		{[]string{"testland", "II-1", "implemented", "-date", "2999-01-01", "-source", "x"}, "is in the future"},
		{[]string{"testland", "II-1", "implemented", "-date", "2024-06-01"}, "has no source"},
		{[]string{"testland", "II-1", "implemented", "-date", "2024-06-01", "-source", "x", "-link", "reply.pdf"}, `link "reply.pdf" is not an http(s) address`},
		{[]string{"latvia", "II-1", "implemented", "-date", "2024-06-01", "-source", "x"}, `no factsheet has the slug "latvia"`},
		{[]string{"testland", "II-1"}, "give the factsheet's slug, the identifier and the state"},
	}
	for _, r := range refusals {
		code, out := run(t, dir, append([]string{"status"}, r.args...)...)
		if code == 0 || !strings.Contains(out, r.want) {
			t.Errorf("%v: exit %d, want a refusal with %q:\n%s", r.args, code, r.want, out)
		}
		if got, _ := os.ReadFile(file); string(got) != before {
			t.Fatalf("%v: the file changed although the entry was refused:\n%s", r.args, got)
		}
	}
	if code, out := run(t, dir, "status", "testland", "II-1", "implemented", "-date", "2024-06-01", "-source", "Official Gazette"); code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	got, _ := os.ReadFile(file)
	want := before + "  - date: 2024-06-01\n    state: implemented\n    source: Official Gazette\n"
	if string(got) != want {
		t.Errorf("status file:\n%s\nwant:\n%s", got, want)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600", st.Mode().Perm())
	}
}

func TestCheckReportsStatusProblems(t *testing.T) {
	dir := contentDir(t, clean)
	os.WriteFile(filepath.Join(dir, "content", "testland.status.yaml"), []byte("II-1:\n  - date: 2024-03-01\n    state: in-progress\n    sorce: x\n"), 0o644)
	code, out := run(t, dir, "check")
	for _, want := range []string{
		"content/testland.status.yaml:2:5: warning: entry of II-1 has no source",
		`content/testland.status.yaml:4:5: warning: unknown key "sorce"; did you mean source?`,
	} {
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("check: exit %d, want 1 and %q in:\n%s", code, want, out)
		}
	}
	// the entry is refused while the file has problems
	if code, out := run(t, dir, "status", "testland", "II-1", "implemented", "-date", "2024-06-01", "-source", "x"); code == 0 || !strings.Contains(out, "fix them first") {
		t.Errorf("status on a file with problems: exit %d\n%s", code, out)
	}
}
