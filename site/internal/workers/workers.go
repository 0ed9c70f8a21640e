// Package workers runs independent pieces of work side by side, as many at a
// time as there are processors.
package workers

import (
	"runtime"
	"sync"
)

// Each runs f(0) ... f(n-1), as many at a time as there are processors
// (GOMAXPROCS), and returns when all are done.
func Each(n int, f func(i int)) {
	if n == 1 {
		f(0)
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
