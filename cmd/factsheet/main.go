// Command factsheet builds the website of Lanzarote Committee factsheets.
//
// Usage:
//
//	factsheet build  [-content DIR] [-out DIR] [-strict] [-minify=false] [-base-url URL] [-force] [-v]
//	factsheet check  [-content DIR]
//	factsheet serve  [-content DIR] [-addr 127.0.0.1:8080] [-minify] [-poll 300ms]
//	factsheet search [-content DIR] [-n 10] [-json] QUERY
//	factsheet status [-content DIR] SLUG ID STATE -source TEXT [-date YYYY-MM-DD] [-note TEXT] [-link URL]
package main

import (
	"fmt"
	"os"
)

const usage = `usage: factsheet <command> [flags]

commands:
  build    build the site from the content folder into the output folder
  check    report every problem of the content folder; exit 1 if there is any
  serve    build, serve on localhost, rebuild and reload on change
  search   answer a query with the build-time search index
  status   record the implementation status of a recommendation

Run 'factsheet <command> -h' for the flags of a command.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	commands := map[string]func([]string) int{
		"build":  runBuild,
		"check":  runCheck,
		"serve":  runServe,
		"search": runSearch,
		"status": runStatus,
	}
	run, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "factsheet: unknown command %q\n\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	os.Exit(run(os.Args[2:]))
}
