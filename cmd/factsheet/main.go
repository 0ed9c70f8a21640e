// Command factsheet builds the website of Lanzarote Committee factsheets.
//
// Usage:
//
//	factsheet build   [-content DIR] [-out DIR] [-strict] [-minify=false] [-base-url URL] [-force] [-allow-no-urgency] [-fresh] [-v]
//	factsheet check   [-content DIR]
//	factsheet serve   [-content DIR] [-addr 127.0.0.1:8080] [-minify] [-poll 300ms] [-allow-no-urgency]
//	factsheet search  [-content DIR] [-n 10] [-json] QUERY
//	factsheet status  [-content DIR] SLUG ID STATE -source TEXT [-date YYYY-MM-DD] [-note TEXT] [-link URL]
//	factsheet version
//	factsheet help    [COMMAND]
package main

import (
	"fmt"
	"io"
	"os"
)

// command is a sub-command: its name, its arguments and what it does, for
// the usage, and the function that runs it and returns the exit code.
type command struct {
	name, args, summary string
	run                 func(args []string) int
}

// commands lists the sub-commands in the order the usage shows them; set in
// init, since the commands' help looks them up.
var commands []command

func init() {
	commands = []command{
		{"build", "[flags]", "build the site from the content folder into the output folder", runBuild},
		{"check", "[flags]", "report every problem of the content folder; exit 1 if there is any", runCheck},
		{"serve", "[flags]", "build, serve on localhost, rebuild and reload on change", runServe},
		{"search", "[flags] QUERY [flags]", "answer a query with the build-time search index", runSearch},
		{"status", "[flags] SLUG ID STATE [flags]", "record the implementation status of a recommendation in content/SLUG.status.yaml", runStatus},
		{"version", "", "print the version and the revision the command was built from", runVersion},
		{"help", "[COMMAND]", "print this help, or the flags of a command", runHelp},
	}
}

// lookup returns the command called name.
func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usage writes the list of commands.
func usage(w io.Writer) {
	fmt.Fprint(w, "usage: factsheet <command> [flags]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'factsheet help <command>' for the flags of a command.\n")
}

func main() { os.Exit(dispatch(os.Args[1:])) }

// dispatch runs the command line args (without the program name) and returns the exit code.
func dispatch(args []string) int {
	if len(args) == 0 {
		usage(os.Stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		return runHelp(args[1:])
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(os.Stderr, "factsheet: unknown command %q\n\n", args[0])
		usage(os.Stderr)
		return 2
	}
	return c.run(args[1:])
}

// runHelp prints the usage, or a command's own with its flags, on stdout.
func runHelp(args []string) int {
	if len(args) == 0 {
		usage(os.Stdout)
		return 0
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(os.Stderr, "factsheet help: unknown command %q\n\n", args[0])
		usage(os.Stderr)
		return 2
	}
	if c.name == "help" || c.name == "version" {
		fmt.Printf("usage: factsheet %s %s\n\n%s\n", c.name, c.args, capitalize(c.summary))
		return 0
	}
	return c.run([]string{"-h"})
}

// capitalize upper-cases the first letter of an ASCII sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:] + "."
}
