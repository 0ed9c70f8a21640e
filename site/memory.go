package site

import (
	"os"
	"runtime/debug"
)

// TuneMemory sets the garbage collector for a build of the given number of
// factsheets, as `factsheet build` runs it, and returns the function that
// restores the previous settings. A collection waits until the heap has
// grown to three times what the last one kept (GOGC=200: a build's heap is
// short-lived), and a soft limit of 112 MB plus a quarter megabyte a
// factsheet (its summary and search documents stay in memory to the end) caps the
// process: 50 factsheets stay under 150 MB of resident memory. A limit alone,
// with the collector otherwise off, made it collect and return memory to the
// system over and over near the limit (about 30 % more CPU at 50 factsheets).
// GOGC or GOMEMLIMIT in the environment take precedence: then nothing is set.
func TuneMemory(factsheets int) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(112<<20 + int64(factsheets)<<18)
	percent := debug.SetGCPercent(200)
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}
