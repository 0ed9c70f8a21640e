package workers

import (
	"sync/atomic"
	"testing"
)

// TestEach: every index runs exactly once, for any n.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 100} {
		counts := make([]int32, n)
		Each(n, func(i int) { atomic.AddInt32(&counts[i], 1) })
		for i, c := range counts {
			if c != 1 {
				t.Errorf("n=%d: index %d ran %d times", n, i, c)
			}
		}
	}
}
