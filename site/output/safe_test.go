package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSafeTarget: every output folder whose replacement would delete
// what the build reads or does not own is refused, saying why.
func TestCheckSafeTarget(t *testing.T) {
	root := t.TempDir()
	mk := func(rel string) string {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	project, home := mk("project"), filepath.Join(t.TempDir(), "me")
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(project, "go.mod"), []byte("module factsheet\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	content, templates, assets := mk("project/content"), mk("project/templates"), mk("project/assets")
	mk("elsewhere")
	if err := os.Symlink(content, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Chdir(project)
	sources := []Source{{"-content", content}, {"-templates", templates}, {"-assets", assets}}
	cases := []struct{ out, why string }{
		{"/", "it is the root of the file system"},
		{home, "it is or contains your home folder"},
		{filepath.Dir(home), "it is or contains your home folder"},
		{content, "it is the -content folder, which the build reads"},
		{filepath.Join(root, "link"), "it is the -content folder, which the build reads"},
		{"content/public", "it lies inside the -content folder"},
		{filepath.Join(templates, "new"), "it lies inside the -templates folder"},
		{assets, "it is the -assets folder"},
		{".", "it contains the -content folder"},
		{project, "it contains the -content folder"},
		{root, "it contains the -content folder"},
	}
	for _, c := range cases {
		err := CheckSafeTarget(c.out, sources...)
		if err == nil || !strings.Contains(err.Error(), c.why) || !strings.Contains(err.Error(), "choose another -out") {
			t.Errorf("-out %s: %v, want it refused: %s", c.out, err, c.why)
		}
	}
	// without sources, the project root and its parents are refused for what they are
	for _, c := range []struct{ out, why string }{
		{project, "it is the root of a project (it holds go.mod)"},
		{root, "it contains the project " + project},
	} {
		if err := CheckSafeTarget(c.out); err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("-out %s: %v, want: %s", c.out, err, c.why)
		}
	}
	for _, ok := range []string{"public", filepath.Join(project, "public"), filepath.Join(root, "elsewhere", "site"), filepath.Join(home, "site")} {
		if err := CheckSafeTarget(ok, sources...); err != nil {
			t.Errorf("-out %s: %v, want it accepted", ok, err)
		}
	}
}
