package site_test

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	defaults "factsheet"
	"factsheet/site"
)

// noUrgency is a factsheet whose one recommendation states no urgency.
const noUrgency = "---\ntitle: Factsheet – Testland\nparty: Testland\nslug: testland\n---\n\n## I. Introduction\n\n" +
	"- **\"Require\"**: a.\n- **\"Request\"**: b.\n- **\"Invite\"**: c.\n\n## II. Chapter\n\n### Generic recommendations\n\n" +
	"The Committee writes to all Parties:\n\n- to act.<sup>1</sup>\n\n<sup>1</sup> Recommendation II-1.\n"

// TestNoUrgencyStopsTheBuild: a recommendation without urgency fails the
// build, and with AllowNoUrgency is published as "Urgency not found", never
// as an empty badge.
func TestNoUrgencyStopsTheBuild(t *testing.T) {
	cfg := site.Config{
		Content: fstest.MapFS{"testland.md": {Data: []byte(noUrgency)}}, ContentDir: "content",
		Templates: defaults.Templates, Assets: defaults.Assets, Out: filepath.Join(t.TempDir(), "public"),
	}
	_, err := site.Build(cfg)
	want := `build stopped: no urgency found for recommendation(s) II-1 (content/testland.md:19:3): fix the text or report the artefact, or pass -allow-no-urgency to publish them as "urgency not found"`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("build: %v\nwant %s", err, want)
	}
	cfg.AllowNoUrgency = true
	res, err := site.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["testland/recommendations/ii-1.html"])
	for _, s := range []string{"<title>Recommendation II-1 · Urgency not found · ", `class="badge u-none"`, ">Urgency not found</a>"} {
		if !strings.Contains(page, s) {
			t.Errorf("the page of II-1 lacks %q", s)
		}
	}
	for _, s := range []string{"·  ·", `class="badge u-"`, `"desc-"`, "></a>"} {
		if strings.Contains(page, s) {
			t.Errorf("the page of II-1 holds %q", s)
		}
	}
}
