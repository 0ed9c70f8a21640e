package output

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

// TestCommitReusesUnchangedFiles: a file whose content did not change is
// linked from the previous output (same inode), a changed one written, and a
// file edited by hand in the output since is written again, not reused.
func TestCommitReusesUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := Files{"same.html": []byte("same"), "changed.html": []byte("one"), "edited.html": []byte("orig")}
	if err := Commit(files, dir, false); err != nil {
		t.Fatal(err)
	}
	same := inode(t, filepath.Join(dir, "same.html"))
	time.Sleep(10 * time.Millisecond)
	if err := os.WriteFile(filepath.Join(dir, "edited.html"), []byte("hand"), 0o644); err != nil { // same size, later
		t.Fatal(err)
	}
	files["changed.html"] = []byte("two")
	if err := Commit(files, dir, false); err != nil {
		t.Fatal(err)
	}
	got := tree(t, dir)
	for p, want := range map[string]string{"same.html": "same", "changed.html": "two", "edited.html": "orig"} {
		if got[p] != want {
			t.Errorf("%s = %q, want %q", p, got[p], want)
		}
	}
	if inode(t, filepath.Join(dir, "same.html")) != same {
		t.Error("the unchanged file was written again instead of linked")
	}
	if st, _ := os.Stat(filepath.Join(dir, "same.html")); st.Mode().Perm() != fileMode {
		t.Errorf("linked file mode %v", st.Mode().Perm())
	}
}

// TestCommitDistrustsOldSums: a Sums file of the format before sumsHeader
// (SHA-256, no header), even one listing the right hashes, reuses nothing;
// nor does one without the header or with another.
func TestCommitDistrustsOldSums(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := Files{"same.html": []byte("same")}
	if err := Commit(files, dir, false); err != nil {
		t.Fatal(err)
	}
	same := inode(t, filepath.Join(dir, "same.html"))
	time.Sleep(10 * time.Millisecond)
	cur, err := os.ReadFile(filepath.Join(dir, Sums))
	if err != nil {
		t.Fatal(err)
	}
	for _, head := range []string{"", "factsheet-sums 3 other\n"} {
		b := head + strings.TrimPrefix(string(cur), sumsHeader)
		if err := os.WriteFile(filepath.Join(dir, Sums), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
		if readPrevious(dir) != nil {
			t.Errorf("a Sums file headed %q was read", head)
		}
	}
	old := fmt.Sprintf("%x 4 same.html\n", sha256.Sum256([]byte("same")))
	if err := os.WriteFile(filepath.Join(dir, Sums), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if readPrevious(dir) != nil {
		t.Error("a Sums file of the old format was read")
	}
	if err := Commit(files, dir, false); err != nil {
		t.Fatal(err)
	}
	if inode(t, filepath.Join(dir, "same.html")) == same {
		t.Error("a file listed in an old Sums file was linked")
	}
}
