package render

import (
	"regexp"
	"strings"
	"testing"
)

// marked returns the text of every <mark class="own"> of a page, tags and
// the words for screen readers removed, and the number of marks.
func marked(page string) (string, int) {
	marks := regexp.MustCompile(`(?s)<mark class="own">(.*?)</mark>`).FindAllStringSubmatch(page, -1)
	hidden := regexp.MustCompile(`<span class="visually-hidden">[^<]*</span>`)
	tags := regexp.MustCompile(`<[^>]+>`)
	var parts []string
	for _, m := range marks {
		parts = append(parts, strings.Join(strings.Fields(tags.ReplaceAllString(hidden.ReplaceAllString(m[1], ""), "")), " "))
	}
	return strings.Join(parts, " | "), len(marks)
}

// TestOwnWordsMarked checks the pages of II-12 and II-11, which the seed
// states in one bullet with a reference mid-sentence: each page marks the
// words that are its identifier's own (the references naming them are left
// out on their pages), says so in words, and no other page marks anything.
func TestOwnWordsMarked(t *testing.T) {
	files := renderSeed(t, "")
	cases := []struct {
		page, want string
		marks      int
	}{
		{"lithuania/recommendations/ii-12.html", "When dealing with sexual extortion cases involving children, the Committee invites Lithuania to ensure that sexual extortion of children involving CSGSIV is investigated and prosecuted", 1},
		{"lithuania/recommendations/ii-11.html", "and to take into account the situation where CSGSIV are used to force, coerce or threaten the child to give additional CSGSIV, other sexual favours, a financial gain or other gain to the offenders by: | either creating a specific incrimination to address this situation, | or prosecuting both the initial detention of CSGSIV and the act of extortion.", 3},
	}
	for _, c := range cases {
		page := string(files[c.page])
		got, n := marked(page)
		if got != c.want || n != c.marks {
			t.Errorf("%s: %d marks %q\nwant %d marks %q", c.page, n, got, c.marks, c.want)
		}
		id := strings.ToUpper(strings.TrimSuffix(c.page[strings.LastIndex(c.page, "/")+1:], ".html"))
		if !strings.Contains(page, `<span class="visually-hidden">`+id+`’s own words: </span>`) || !strings.Contains(page, `<p class="own-note">This text also states`) {
			t.Errorf("%s: the marks are not said in words", c.page)
		}
		if strings.Count(page, "<mark") != strings.Count(page, "</mark>") {
			t.Errorf("%s: unbalanced marks", c.page)
		}
	}
	for name, body := range files {
		if strings.HasPrefix(name, "lithuania/recommendations/") && name != cases[0].page && name != cases[1].page && strings.Contains(string(body), `class="own"`) {
			t.Errorf("%s marks own words, but its text is not shared mid-sentence", name)
		}
	}
}
