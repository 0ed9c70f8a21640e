package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchEvents: with polling too slow to matter, a file written in a
// watched folder, and in a sub-folder created after the watch began, is seen
// through file events, once per change.
func TestWatchEvents(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := make(chan struct{}, 8)
	go WatchFrom(ctx, []string{dir}, Fingerprint([]string{dir}), time.Hour, func() { calls <- struct{}{} })
	time.Sleep(100 * time.Millisecond) // the watcher is set up
	wait := func(what string) {
		t.Helper()
		select {
		case <-calls:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no call within 10 s although polling is hourly: file events are not used", what)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	wait("a new file")
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // an empty folder changes nothing built; the watcher adds it
	if err := os.WriteFile(filepath.Join(sub, "b.html"), []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}
	wait("a file in the new folder")
	select {
	case <-calls:
		t.Error("one change made two calls")
	case <-time.After(200 * time.Millisecond):
	}
}
