// Command uwp is the UiTwisselingsplatform Linked Open Data server and its tools: one binary
// that loads, stores, queries and publishes RDF. Run `uwp help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// env is what a command may touch of the outside world; tests supply their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// isTerminal reports whether stderr is a terminal (progress lines) / stdout (tables).
	stderrTTY, stdoutTTY bool
}

// command is one subcommand: its flags and what it does with the resolved configuration.
type command struct {
	name    string
	args    string // usage text after the flags, e.g. "FILE... | -"
	summary string
	flags   func(fs *pflag.FlagSet)
	run     func(ctx context.Context, cfg *viper.Viper, args []string, e *env) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// errUsage marks errors that should print the command's usage.
var errUsage = errors.New("usage")

// exitError carries a specific exit status (e.g. a command that found problems).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		stderrTTY: isTerminal(os.Stderr), stdoutTTY: isTerminal(os.Stdout)}
	code := run(ctx, os.Args[1:], e)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, argv []string, e *env) int {
	if len(argv) == 0 || argv[0] == "help" || argv[0] == "-h" || argv[0] == "--help" {
		if len(argv) > 1 {
			if c := commands[argv[1]]; c != nil {
				usage(c, newFlagSet(c), e.stdout)
				return 0
			}
		}
		mainUsage(e.stdout)
		if len(argv) == 0 {
			return 2
		}
		return 0
	}
	if argv[0] == "version" || argv[0] == "--version" {
		fmt.Fprintln(e.stdout, "uwp", version)
		return 0
	}
	c := commands[argv[0]]
	if c == nil {
		fmt.Fprintf(e.stderr, "uwp: unknown command %q\n\n", argv[0])
		mainUsage(e.stderr)
		return 2
	}
	fs := newFlagSet(c)
	if err := fs.Parse(argv[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			usage(c, fs, e.stdout)
			return 0
		}
		fmt.Fprintf(e.stderr, "uwp %s: %v\n", c.name, err)
		usage(c, fs, e.stderr)
		return 2
	}
	cfg, err := loadConfig(fs)
	if err != nil {
		fmt.Fprintf(e.stderr, "uwp %s: %v\n", c.name, err)
		return 2
	}
	if err := c.run(ctx, cfg, fs.Args(), e); err != nil {
		var ee *exitError
		switch {
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "uwp %s: %v\n", c.name, err)
			usage(c, fs, e.stderr)
			return 2
		case errors.As(err, &ee):
			if ee.err != nil {
				fmt.Fprintf(e.stderr, "uwp %s: %v\n", c.name, ee.err)
			}
			return ee.code
		}
		fmt.Fprintf(e.stderr, "uwp %s: %v\n", c.name, err)
		return 1
	}
	return 0
}

func newFlagSet(c *command) *pflag.FlagSet {
	fs := pflag.NewFlagSet("uwp "+c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("config", "", "config file (default: ./uwp.yaml if present; env UWP_CONFIG)")
	fs.String("data", "./data", "data directory holding the store")
	if c.flags != nil {
		c.flags(fs)
	}
	return fs
}

func usage(c *command, fs *pflag.FlagSet, w io.Writer) {
	fmt.Fprintf(w, "usage: uwp %s [flags] %s\n\n%s\n\nflags:\n", c.name, c.args, c.summary)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

func mainUsage(w io.Writer) {
	fmt.Fprintf(w, "uwp %s: the UiTwisselingsplatform Linked Open Data server\n\nusage: uwp COMMAND [flags] [args]\n\ncommands:\n", version)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, firstLine(commands[n].summary))
	}
	fmt.Fprintln(w, "\nRun `uwp help COMMAND` for a command's flags. Configuration: flags override UWP_* environment")
	fmt.Fprintln(w, "variables, which override the config file (uwp.yaml), which overrides the defaults.")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
