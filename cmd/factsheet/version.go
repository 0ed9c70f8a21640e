package main

import (
	"fmt"
	"runtime/debug"
)

// runVersion prints the module's version and the VCS revision the command
// was built from, as the Go toolchain recorded them in the binary.
func runVersion(args []string) int {
	fl := newFlags("version")
	if code, done := parseFlags(fl, args); done {
		return code
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Println("factsheet: no build information in this binary")
		return 1
	}
	fmt.Printf("factsheet %s\n", info.Main.Version)
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	switch rev := settings["vcs.revision"]; {
	case rev == "":
		fmt.Println("revision unknown: built without VCS information (go run, or -buildvcs=false); build with 'go build' in the repository")
	case settings["vcs.modified"] == "true":
		fmt.Printf("revision %s (%s), with uncommitted changes\n", rev, settings["vcs.time"])
	default:
		fmt.Printf("revision %s (%s)\n", rev, settings["vcs.time"])
	}
	fmt.Printf("module %s, %s\n", info.Main.Path, info.GoVersion)
	return 0
}
