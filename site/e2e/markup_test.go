package e2e

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"

	"factsheet/site/linkcheck"
)

// htmlValidateReport is html-validate's JSON output: one entry per file with problems.
type htmlValidateReport []struct {
	FilePath string `json:"filePath"`
	Messages []struct {
		RuleID   string `json:"ruleId"`
		Severity int    `json:"severity"` // 1 warning, 2 error
		Message  string `json:"message"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Selector string `json:"selector"`
	} `json:"messages"`
}

// TestHTMLValidate runs html-validate (node_modules, pinned) with the
// repository's .htmlvalidate.json over every HTML page of the built site: no error.
//
// The configuration is html-validate's "standard" (conformance) and "a11y"
// presets, plus doctype, heading levels, input labels, ARIA id references
// and no inline style (the CSP blocks it). It turns off no-raw-characters:
// the minifier writes ">" unescaped in text, which the HTML standard allows
// ("<" and ambiguous "&" stay escaped, or the page would not parse as built).
func TestHTMLValidate(t *testing.T) {
	pages := htmlPages(t)
	errors := validateHTML(t, env.public, pages)
	t.Logf("html-validate: %d pages, %d errors", len(pages), errors)
}

// validateHTML runs html-validate over pages (relative to dir), reports each
// error as a test error and returns their count.
func validateHTML(t *testing.T, dir string, pages []string) int {
	t.Helper()
	bin := nodeTool(t, ".bin/html-validate")
	args := []string{"--config", filepath.Join(env.root, ".htmlvalidate.json"), "--formatter", "json"}
	for _, p := range pages {
		args = append(args, filepath.Join(dir, filepath.FromSlash(p)))
	}
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var report htmlValidateReport
	if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &report); err != nil && stdout.Len() > 0 {
		t.Fatalf("html-validate printed no JSON report (%v): %s\n%s", err, stdout.Bytes(), stderr.Bytes())
	}
	errors := 0
	for _, file := range report {
		rel, _ := filepath.Rel(dir, file.FilePath)
		for _, m := range file.Messages {
			if m.Severity == 2 {
				errors++
				t.Errorf("%s:%d:%d: %s: %s (%s)", filepath.ToSlash(rel), m.Line, m.Column, m.RuleID, m.Message, m.Selector)
			} else {
				t.Logf("warning: %s:%d:%d: %s: %s", filepath.ToSlash(rel), m.Line, m.Column, m.RuleID, m.Message)
			}
		}
	}
	if runErr != nil && errors == 0 {
		t.Fatalf("html-validate failed without reporting an error: %v\n%s", runErr, stderr.Bytes())
	}
	return errors
}

// TestLinks runs the link checker over the site as written to disk: every
// local href, src and #anchor resolves, and footnotes link both ways.
func TestLinks(t *testing.T) {
	pages := htmlPages(t)
	problems, err := linkcheck.CheckDir(siteDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("link check: %d pages, %d problems", len(pages), len(problems))
}
