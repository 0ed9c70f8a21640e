package output

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// tree reads every file under dir into a map of slash paths, for comparisons.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// siblings lists the names in the parent of dir, to spot leftover temporary folders.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestCommitWritesAndReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := Files{"index.html": []byte("one"), "a/b/c.txt": []byte("deep"), "old.txt": []byte("gone soon")}
	if err := Commit(first, dir, false); err != nil {
		t.Fatal(err)
	}
	second := Files{"index.html": []byte("two"), "a/b/c.txt": []byte("deep")}
	if err := Commit(second, dir, false); err != nil {
		t.Fatalf("second build into our own folder: %v", err)
	}
	got := tree(t, dir)
	if !strings.HasPrefix(got[Sums], sumsHeader) || strings.Count(got[Sums], "\n") != 3 {
		t.Errorf("%s is not its header and 2 files:\n%s", Sums, got[Sums])
	}
	delete(got, Sums)
	want := map[string]string{"index.html": "two", "a/b/c.txt": "deep", Marker: markerText}
	if len(got) != len(want) {
		t.Fatalf("files = %v, want %v (old.txt must be gone)", got, want)
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s = %q, want %q", p, got[p], w)
		}
	}
	st, err := os.Stat(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != fileMode {
		t.Errorf("mode = %v, want %v", st.Mode().Perm(), os.FileMode(fileMode))
	}
	for _, d := range []string{dir, filepath.Join(dir, "a"), filepath.Join(dir, "a", "b")} {
		st, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != dirMode {
			t.Errorf("%s: mode %v, want %v", d, st.Mode().Perm(), os.FileMode(dirMode))
		}
	}
	if names := siblings(t, dir); len(names) != 1 || names[0] != "public" {
		t.Errorf("folders beside the output = %v, want only public", names)
	}
}

func TestCommitFailureKeepsPrevious(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Commit(Files{"index.html": []byte("good")}, dir, false); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)
	// "z/../../escape" is written after "index.html", so the failure comes mid-way.
	bad := Files{"index.html": []byte("half-written"), "z/../../escape": []byte("x")}
	err := Commit(bad, dir, false)
	if err == nil || !strings.Contains(err.Error(), "invalid output path") {
		t.Fatalf("err = %v, want an invalid output path error", err)
	}
	after := tree(t, dir)
	if len(after) != len(before) || after["index.html"] != "good" {
		t.Errorf("previous output changed by a failed commit: %v", after)
	}
	if names := siblings(t, dir); len(names) != 1 {
		t.Errorf("temporary folder left behind: %v", names)
	}
}

func TestCommitRefusesForeignFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "thesis.txt"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Commit(Files{"index.html": []byte("x")}, dir, false)
	if err == nil || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("err = %v, want a refusal that mentions -force", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "thesis.txt")); string(b) != "precious" {
		t.Fatal("a refused commit touched the foreign folder")
	}
	if err := Commit(Files{"index.html": []byte("x")}, dir, true); err != nil {
		t.Fatalf("with force: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "thesis.txt")); err == nil {
		t.Error("with force the foreign content should be replaced")
	}
}

func TestCommitEmptyFolderAndFile(t *testing.T) {
	root := t.TempDir()
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Commit(Files{"index.html": []byte("x")}, empty, false); err != nil {
		t.Errorf("an empty folder may be used: %v", err)
	}
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Commit(Files{"index.html": []byte("x")}, file, true); err == nil {
		t.Error("a file as output folder must be refused, even with force")
	}
}

func TestCommitRemovesStaleTemporaryFolders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	mk := func(name string, marked bool) string {
		p := dir + name
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if marked {
			os.WriteFile(filepath.Join(p, Marker), []byte(markerText), 0o644)
		}
		return p
	}
	dead := mk(".tmp-999999999", true)                   // beyond any pid: its build is gone
	deadOld := mk(".old-999999998", true)                // idem, a previous site moved aside
	foreign := mk(".tmp-999999997", false)               // not ours: left alone
	live := mk(".tmp-"+strconv.Itoa(os.Getppid()), true) // a build still running
	if err := Commit(Files{"index.html": []byte("x")}, dir, false); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{dead: false, deadOld: false, foreign: true, live: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
