package site_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	defaults "factsheet"
	"factsheet/site"
)

// scaleSizes are the numbers of factsheets built by BenchmarkScale, to see
// how the build time grows.
var scaleSizes = []int{1, 10, 25, 50}

// scaleContent is a content folder of n copies of the seed, each with its own
// slug and file name (lithuania-01 ... lithuania-50).
func scaleContent(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	seed, err := fs.ReadFile(defaults.Content, "lithuania.md")
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Contains(seed, []byte("\nslug: lithuania\n")) {
		tb.Fatal("the seed's front matter has no line 'slug: lithuania' to vary")
	}
	content := fstest.MapFS{}
	for i := 1; i <= n; i++ {
		slug := fmt.Sprintf("lithuania-%02d", i)
		src := bytes.Replace(seed, []byte("\nslug: lithuania\n"), []byte("\nslug: "+slug+"\n"), 1)
		content[slug+".md"] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	return content
}

// scaleRow is one line of BenchmarkScale's table.
type scaleRow struct {
	n        int
	perBuild time.Duration // mean time of one build of n factsheets
	cpu      time.Duration // mean CPU time (user + system) of one build
	peakHeap uint64        // highest heap occupancy sampled during the builds
	files    int
	stages   []site.Stage // of the last build
}

// BenchmarkScale builds content folders of 1, 10, 25 and 50 copies of the
// seed under different slugs (minified, written to disk, the collector set
// by site.TuneMemory, as `factsheet build` does) and reports ms per
// factsheet and peak memory, then prints a table and a least-squares line
// of build time against the number of factsheets, to show whether time
// grows linearly. Run it with
//
//	go test -run '^$' -bench BenchmarkScale -benchtime 1x ./site
func BenchmarkScale(b *testing.B) {
	var rows []scaleRow
	for _, n := range scaleSizes {
		content := scaleContent(b, n)
		b.Run(fmt.Sprintf("factsheets=%d", n), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			cfg := site.Config{
				Content: content, ContentDir: "content",
				Templates: defaults.Templates, Assets: defaults.Assets,
				Out: out, Minify: true, Fresh: true, // each build makes every file
			}
			defer site.TuneMemory(n)() // as `factsheet build` sets the collector
			runtime.GC()
			sampler := startHeapSampler()
			cpu0 := cpuTime()
			b.ResetTimer()
			var files int
			var stages []site.Stage
			for i := 0; i < b.N; i++ {
				res := buildInto(b, cfg, cfg.Out)
				if len(res.Docs) != n {
					b.Fatalf("built %d factsheets, want %d", len(res.Docs), n)
				}
				files, stages = res.Count, res.Stages
			}
			b.StopTimer()
			cpu := (cpuTime() - cpu0) / time.Duration(b.N)
			peak := sampler.stop()
			per := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(per.Microseconds())/1000/float64(n), "ms/factsheet")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-ms/factsheet")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			rows = append(withoutN(rows, n), scaleRow{n, per, cpu, peak, files, stages})
		})
	}
	logScaleTable(b, rows)
}

// withoutN drops the row of size n, so that a re-run of a sub-benchmark replaces it.
func withoutN(rows []scaleRow, n int) []scaleRow {
	var kept []scaleRow
	for _, r := range rows {
		if r.n != n {
			kept = append(kept, r)
		}
	}
	return kept
}

// logScaleTable prints the table and the linear fit of build time against size.
func logScaleTable(b *testing.B, rows []scaleRow) {
	if len(rows) < 2 {
		return
	}
	var t strings.Builder
	fmt.Fprintf(&t, "\n%11s %8s %10s %14s %14s %14s\n", "factsheets", "files", "ms/build", "ms/factsheet", "cpu-ms/sheet", "peak heap MB")
	xs, ys, cs, hs := make([]float64, len(rows)), make([]float64, len(rows)), make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		ms, cpu := float64(r.perBuild.Microseconds())/1000, float64(r.cpu.Microseconds())/1000
		xs[i], ys[i], cs[i], hs[i] = float64(r.n), ms, cpu, float64(r.peakHeap)/(1<<20)
		fmt.Fprintf(&t, "%11d %8d %10.1f %14.1f %14.1f %14.1f\n", r.n, r.files, ms, ms/float64(r.n), cpu/float64(r.n), hs[i])
	}
	for _, fit := range []struct {
		what string
		ys   []float64
	}{{"ms/build", ys}, {"cpu-ms/build", cs}, {"peak heap MB", hs}} {
		slope, intercept, r2 := linearFit(xs, fit.ys)
		fmt.Fprintf(&t, "least squares: %s = %.1f × factsheets %+.1f, R² = %.4f\n", fit.what, slope, intercept, r2)
	}
	first, last := rows[0], rows[len(rows)-1]
	fmt.Fprintf(&t, "stages of the build of %d:", last.n)
	for _, st := range last.stages {
		fmt.Fprintf(&t, " %s %.0f ms;", st.Name, float64(st.Duration.Microseconds())/1000)
	}
	fmt.Fprintln(&t)
	perFirst := float64(first.perBuild) / float64(first.n)
	perLast := float64(last.perBuild) / float64(last.n)
	fmt.Fprintf(&t, "time per factsheet at %d is %.2f× that at %d", last.n, perLast/perFirst, first.n)
	if hwm := vmHWM(); hwm > 0 {
		fmt.Fprintf(&t, "; process peak resident memory (VmHWM) %.0f MB", float64(hwm)/(1<<20))
	}
	fmt.Println(t.String()) // b.Log of a parent benchmark is not printed
}

// linearFit returns the least-squares line y = slope·x + intercept and its R².
func linearFit(xs, ys []float64) (slope, intercept, r2 float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy, sxx, sxy = sx+xs[i], sy+ys[i], sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	slope = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	intercept = (sy - slope*sx) / n
	var ssRes, ssTot float64
	for i := range xs {
		ssRes += math.Pow(ys[i]-(slope*xs[i]+intercept), 2)
		ssTot += math.Pow(ys[i]-sy/n, 2)
	}
	if ssTot == 0 {
		return slope, intercept, 1
	}
	return slope, intercept, 1 - ssRes/ssTot
}

// cpuTime is the CPU time (user + system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapSampler reads the heap occupancy every millisecond until stopped.
type heapSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak uint64
}

const heapMetric = "/memory/classes/heap/objects:bytes"

func startHeapSampler() *heapSampler {
	s := &heapSampler{done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		sample := []metrics.Sample{{Name: heapMetric}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > s.peak {
				s.peak = v
			}
			select {
			case <-s.done:
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

// stop ends the sampling and returns the highest heap occupancy seen, in bytes.
func (s *heapSampler) stop() uint64 {
	close(s.done)
	s.wg.Wait()
	return s.peak
}

// vmHWM is the process's peak resident set size from /proc/self/status, or 0.
func vmHWM() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				kb, _ := strconv.ParseUint(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// TestScaleContent checks the benchmark's input: n distinct slugs that all build.
func TestScaleContent(t *testing.T) {
	content := scaleContent(t, 3)
	docs, problems, err := site.Load(content, "content")
	if err != nil || problems.HasErrors() {
		t.Fatalf("the scaled content does not load: %v %v", err, problems)
	}
	slugs := map[string]bool{}
	for _, d := range docs {
		slugs[d.Meta.Slug] = true
	}
	if len(docs) != 3 || !slugs["lithuania-01"] || !slugs["lithuania-03"] {
		t.Errorf("want the slugs lithuania-01..03, got %v", slugs)
	}
}
