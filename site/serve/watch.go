package serve

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path/filepath"
	"time"
)

// Fingerprint sums up the names, sizes and modification times of every file
// under the folders; it changes when a file is added, removed or written.
// Folders that do not exist count as empty.
func Fingerprint(dirs []string) uint64 {
	h := fnv.New64a()
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil // a folder that vanishes mid-walk is seen at the next poll
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	return h.Sum64()
}

// Watch polls the folders every interval and calls changed, once per change,
// until ctx is done. Several writes within one interval make one call.
func Watch(ctx context.Context, dirs []string, interval time.Duration, changed func()) {
	WatchFrom(ctx, dirs, Fingerprint(dirs), interval, changed)
}

// WatchFrom is Watch starting from a fingerprint taken by the caller, so that
// a change made right after the call is never missed.
func WatchFrom(ctx context.Context, dirs []string, last uint64, interval time.Duration, changed func()) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if now := Fingerprint(dirs); now != last {
				last = now
				changed()
			}
		}
	}
}
