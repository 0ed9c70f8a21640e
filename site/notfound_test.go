package site_test

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factsheet/site"
)

// TestNotFoundScriptHash: the 404 page's inline script ships, minified or
// not, with its hash in the page's Content-Security-Policy, which the
// browser would otherwise refuse to run.
func TestNotFoundScriptHash(t *testing.T) {
	for _, minify := range []bool{true, false} {
		cfg := seedConfig(filepath.Join(t.TempDir(), "public"))
		cfg.Minify = minify
		res, err := site.Build(cfg)
		if err != nil {
			t.Fatal(err)
		}
		page := string(res.Files["404.html"])
		script := regexp.MustCompile(`<script data-top="[^"]*">(.*?)</script>`).FindStringSubmatch(page)
		policy := regexp.MustCompile(`http-equiv="?Content-Security-Policy"? content="([^"]*)"`).FindStringSubmatch(page)
		if script == nil || policy == nil {
			t.Fatalf("minify %v: 404.html lacks its script or its policy", minify)
		}
		h := sha256.Sum256([]byte(script[1]))
		if want := "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"; !strings.Contains(html.UnescapeString(policy[1]), want) {
			t.Errorf("minify %v: the policy %q lacks the script's hash %s", minify, policy[1], want)
		}
	}
}
