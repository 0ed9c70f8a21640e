package main

import (
	"fmt"
	"os"
)

func runSearch(args []string) int {
	fmt.Fprintln(os.Stderr, "factsheet search: not built yet")
	return 1
}
