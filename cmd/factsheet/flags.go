package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// newFlags returns the flag set of a command, whose usage names the command,
// its arguments and what it does, then lists its flags.
func newFlags(name string) *flag.FlagSet {
	c, _ := lookup(name)
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "usage: factsheet %s %s\n\n%s\n\nflags:\n", c.name, c.args, capitalize(c.summary))
		fl.PrintDefaults()
	}
	return fl
}

// parseFlags parses the flags of a command. -h prints the command's usage
// on stdout (exit 0); a wrong flag prints the error and the usage on stderr
// (exit 2). done tells the command to return code at once.
func parseFlags(fl *flag.FlagSet, args []string) (code int, done bool) {
	fl.SetOutput(io.Discard)
	err := fl.Parse(args)
	return flagError(fl, err)
}

// parseInterspersed parses flags placed before, between and after the
// positional arguments ("search helpline -n 1"), which it returns; after
// "--" everything is positional.
func parseInterspersed(fl *flag.FlagSet, args []string) (positional []string, code int, done bool) {
	fl.SetOutput(io.Discard)
	for {
		if err := fl.Parse(args); err != nil {
			code, done = flagError(fl, err)
			return nil, code, done
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return positional, 0, false
		}
		if i := len(args) - len(rest) - 1; i >= 0 && args[i] == "--" {
			return append(positional, rest...), 0, false
		}
		positional, args = append(positional, rest[0]), rest[1:]
	}
}

// flagError reports what fl.Parse returned.
func flagError(fl *flag.FlagSet, err error) (code int, done bool) {
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(os.Stdout)
		fl.Usage()
		return 0, true
	default:
		fl.SetOutput(os.Stderr)
		fmt.Fprintf(os.Stderr, "factsheet %s: %v\n", fl.Name(), err)
		fl.Usage()
		return 2, true
	}
}
