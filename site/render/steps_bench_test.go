package render

import (
	"reflect"
	"runtime"
	"strings"
	"testing"

	"factsheet/site/output"
)

// BenchmarkPageSteps renders the seed's pages one step of pageSteps at a
// time (recommendations, chapters, plan, ...), each with a docSite of its own.
func BenchmarkPageSteps(b *testing.B) {
	r := defaultRenderer(b)
	doc := seedDoc(b)
	for _, step := range pageSteps {
		name := runtime.FuncForPC(reflect.ValueOf(step).Pointer()).Name()
		name = strings.TrimSuffix(name[strings.LastIndex(name, ".")+1:], "-fm")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := newDocSite(doc, r.t, r.opts, newAbbrevs(doc))
				if err := step(d, output.Files{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
