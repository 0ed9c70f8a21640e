package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

const fixture = "---\ntitle: T\nparty: P\nslug: same\n---\n\n## I. Introduction\n\n- **\"Require\"**: a.\n- **\"Request\"**: b.\n- **\"Invite\"**: c.\n"

func TestLoadRejectsDuplicateSlugs(t *testing.T) {
	content := fstest.MapFS{
		"a.md": {Data: []byte(fixture)},
		"b.md": {Data: []byte(fixture)},
	}
	docs, problems, err := Load(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	want := `content/b.md:4:1: slug "same" is already used by content/a.md; give each factsheet its own slug`
	if len(problems) != 1 || problems[0].String() != want || !problems.HasErrors() {
		t.Fatalf("problems = %v, want %s", problems, want)
	}
	if len(docs) != 1 || docs[0].File != "content/a.md" {
		t.Errorf("want only the first factsheet kept, got %d", len(docs))
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	_, _, err := Load(fstest.MapFS{"notes.txt": {Data: []byte("x")}}, "content")
	if err == nil || !strings.Contains(err.Error(), "content: no factsheet (*.md) found") {
		t.Errorf("err = %v", err)
	}
}
