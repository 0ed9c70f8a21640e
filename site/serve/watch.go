package serve

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
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

// Watch calls changed, once per change of the folders, until ctx is done. It
// listens to file events (fsnotify) and also polls every interval, as the
// fallback where events are not delivered (some network and container file
// systems); either way a change is confirmed by the Fingerprint, so that one
// change makes one call.
func Watch(ctx context.Context, dirs []string, interval time.Duration, changed func()) {
	WatchFrom(ctx, dirs, Fingerprint(dirs), interval, changed)
}

// WatchFrom is Watch starting from a fingerprint taken by the caller, so that
// a change made right after the call is never missed.
func WatchFrom(ctx context.Context, dirs []string, last uint64, interval time.Duration, changed func()) {
	events := notify(ctx, dirs)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-events:
			settle(events)
		case <-tick.C:
		}
		if now := Fingerprint(dirs); now != last {
			last = now
			changed()
		}
	}
}

// settleTime is how long a burst of file events (an editor's write, rename
// and chmod of one save) may last before the change is looked at.
const settleTime = 5 * time.Millisecond

// settle drains the events that follow within settleTime of each other.
func settle(events <-chan struct{}) {
	for {
		select {
		case <-events:
		case <-time.After(settleTime):
			return
		}
	}
}

// notify sends on the returned channel whenever fsnotify reports an event in
// one of the folders or their sub-folders, until ctx is done. If the
// watcher cannot start, the channel stays silent and polling does the work.
func notify(ctx context.Context, dirs []string) <-chan struct{} {
	out := make(chan struct{}, 1)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return out
	}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				w.Add(p) // a folder that cannot be watched is still polled
			}
			return nil
		})
	}
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Has(fsnotify.Create) {
					if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
						w.Add(ev.Name)
					}
				}
				select {
				case out <- struct{}{}:
				default: // one is pending already
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return out
}
