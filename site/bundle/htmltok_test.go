package bundle

import (
	"bytes"
	"testing"
)

// FuzzTokenizeRoundTrip checks that a page cut into tokens and written back
// untouched is the same page: the bundle only changes the tags it means to.
func FuzzTokenizeRoundTrip(f *testing.F) {
	for _, b := range fixtureFiles() {
		f.Add(b)
	}
	f.Add([]byte(`<a href=x data-a='1' b c="<>">t</a><script>if (a<b) x="</scr"+"ipt>"</script><!-- c --><svg><a/></svg>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		if got := render(tokenize(page)); !bytes.Equal(got, page) {
			t.Errorf("round trip changed the page:\n%q\n%q", page, got)
		}
	})
}

func TestTagEdit(t *testing.T) {
	toks := tokenize([]byte(`<a HREF='x.html' download target=_blank class="c">t</a>`))
	a := toks[0].tag
	if v, ok := a.get("href"); !ok || v != "x.html" {
		t.Fatalf("href = %q %v", v, ok)
	}
	a.unlink()
	a.set("id", `q"<`)
	toks[0].dirty = true
	if got, want := string(render(toks)), `<a class="c" id="q&#34;&lt;">t</a>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
