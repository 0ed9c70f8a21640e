package factsheet

import (
	"reflect"
	"strings"
	"testing"
)

func TestOwnWordsOfIdentifiersNamedMidSentence(t *testing.T) {
	doc, _ := parseSeed(t)
	var parted []string
	for _, r := range doc.Recommendations {
		if r.Parts != nil {
			parted = append(parted, strings.Join(r.IDs, "+"))
		}
	}
	if want := []string{"II-12+II-11"}; !reflect.DeepEqual(parted, want) {
		t.Fatalf("texts with parts = %v, want %v", parted, want)
	}
	rec := doc.Recommendations[slicesIndex(doc, "II-12")]
	from, to, ok := rec.Own("II-12")
	if !ok || from != nil || to == nil || to.Number != 16 {
		t.Errorf("II-12: its words run from the start to reference 16; got from %v to %v", from, to)
	}
	from, to, ok = rec.Own("II-11")
	if !ok || from == nil || from.Number != 16 || to != nil {
		t.Errorf("II-11: its words run from reference 16 to the end; got from %v to %v", from, to)
	}
	if _, _, ok := rec.Own("II-1"); ok {
		t.Errorf("II-1 is not named by this text")
	}
	for _, r := range doc.Recommendations {
		if len(r.IDs) > 1 && r.Parts == nil {
			if _, _, ok := r.Own(r.IDs[1]); ok {
				t.Errorf("%v: one naming reference, no own words", r.IDs)
			}
		}
	}
}

// slicesIndex is the index of the recommendation naming id.
func slicesIndex(doc *Document, id string) int {
	for i, r := range doc.Recommendations {
		for _, x := range r.IDs {
			if x == id {
				return i
			}
		}
	}
	return -1
}
