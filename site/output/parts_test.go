package output

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// buildParts commits the parts given (name → files) into dir, each recorded
// under the key given, as a build does.
func buildParts(t *testing.T, dir string, parts map[string]Files, keys map[string]Key) *Stage {
	t.Helper()
	s, err := NewStage(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for name, files := range parts {
		if _, ok := s.Reuse(name, keys[name]); ok {
			continue
		}
		if err := s.Put(files); err != nil {
			t.Fatal(err)
		}
		s.Record(name, keys[name], files.Paths())
	}
	return s
}

// TestReuseParts: a part recorded under a key is linked whole by the next
// build under the same key (same inodes, listed again in Keys and Sums),
// and not under another key; a part one of whose files was edited or
// removed since is not reused, and nothing of it is linked.
func TestReuseParts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	parts := map[string]Files{
		"factsheet:a": {"a/index.html": []byte("a"), "a/x/y.html": []byte("ay")},
		"factsheet:b": {"b/index.html": []byte("b"), "downloads/b.zip": []byte("bz")},
		"site":        {"index.html": []byte("root")},
	}
	keys := map[string]Key{"factsheet:a": sha256.Sum256([]byte("a1")), "factsheet:b": sha256.Sum256([]byte("b1")), "site": sha256.Sum256([]byte("s1"))}
	if err := buildParts(t, dir, parts, keys).Commit(); err != nil {
		t.Fatal(err)
	}
	first := tree(t, dir)
	ay := inode(t, filepath.Join(dir, "a/x/y.html"))

	s, err := NewStage(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	paths, ok := s.Reuse("factsheet:a", keys["factsheet:a"])
	if !ok || !slices.Equal(paths, []string{"a/index.html", "a/x/y.html"}) {
		t.Fatalf("Reuse(a) = %v, %v; want its two files", paths, ok)
	}
	if _, ok := s.Reuse("factsheet:b", sha256.Sum256([]byte("b2"))); ok {
		t.Error("a part was reused under another key")
	}
	if _, ok := s.Reuse("factsheet:c", keys["factsheet:a"]); ok {
		t.Error("a part the previous build did not have was reused")
	}
	if err := s.Put(parts["factsheet:b"]); err != nil {
		t.Fatal(err)
	}
	s.Record("factsheet:b", sha256.Sum256([]byte("b2")), parts["factsheet:b"].Paths())
	if _, ok := s.Reuse("site", keys["site"]); !ok {
		t.Error("the site part was not reused")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	second := tree(t, dir)
	if inode(t, filepath.Join(dir, "a/x/y.html")) != ay {
		t.Error("the reused file was not linked")
	}
	for p, b := range first {
		if p != Keys && second[p] != b {
			t.Errorf("%s = %q, want %q", p, second[p], b)
		}
	}
	if second[Keys] == first[Keys] || len(second) != len(first) {
		t.Errorf("Keys not rewritten with b's new key, or files lost: %d then %d files", len(first), len(second))
	}

	// edited since (same size, later time) or removed: the part is built again
	time.Sleep(20 * time.Millisecond)
	if err := os.WriteFile(filepath.Join(dir, "a/x/y.html"), []byte("AY"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "downloads/b.zip")); err != nil {
		t.Fatal(err)
	}
	s, err = NewStage(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"factsheet:a", "factsheet:b"} {
		key := keys[name]
		if name == "factsheet:b" {
			key = sha256.Sum256([]byte("b2"))
		}
		if _, ok := s.Reuse(name, key); ok {
			t.Errorf("%s reused though one of its files changed", name)
		}
	}
	if _, err := os.Stat(filepath.Join(s.tmp, "a/index.html")); err == nil {
		t.Error("a part not reused left files in the staging folder")
	}
}

// TestReuseDistrustsEditedKeys: a Keys file modified after the Sums file,
// or one that lists a part under two keys, is not read.
func TestReuseDistrustsEditedKeys(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	key := sha256.Sum256([]byte("k"))
	if err := buildParts(t, dir, map[string]Files{"p": {"x.html": []byte("x")}}, map[string]Key{"p": key}).Commit(); err != nil {
		t.Fatal(err)
	}
	since := readPrevious(dir).since
	if parts := readParts(dir, since); parts["p"].key != key {
		t.Fatalf("Keys file not read back: %v", parts)
	}
	keys := filepath.Join(dir, Keys)
	later := since.Add(time.Second)
	if err := os.Chtimes(keys, later, later); err != nil {
		t.Fatal(err)
	}
	if parts := readParts(dir, since); parts != nil {
		t.Error("a Keys file modified after the Sums file was read")
	}
	b, _ := os.ReadFile(keys)
	os.WriteFile(keys, append(b, []byte("00"+string(b[2:]))...), 0o644)
	if err := os.Chtimes(keys, since, since); err != nil {
		t.Fatal(err)
	}
	if parts := readParts(dir, since); parts != nil {
		t.Error("a Keys file listing a part under two keys was read")
	}
}

// TestPutAfterReuseKeepsPrevious: a file put where a reused one was linked
// replaces the link, and never writes into the previous output's file;
// an aborted build leaves the previous output as it was.
func TestPutAfterReuseKeepsPrevious(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	key := sha256.Sum256([]byte("k"))
	if err := buildParts(t, dir, map[string]Files{"p": {"x.html": []byte("old")}}, map[string]Key{"p": key}).Commit(); err != nil {
		t.Fatal(err)
	}
	s, err := NewStage(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Reuse("p", key); !ok {
		t.Fatal("not reused")
	}
	if err := s.Put(Files{"x.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if got := tree(t, dir)["x.html"]; got != "old" {
		t.Errorf("previous output's x.html = %q after an aborted build, want %q", got, "old")
	}
}
