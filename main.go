// Command tread is a terminal news reader: it reads saved page dumps and
// HTML pages and shows their stories, with related stories, in two panes.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/sanitize"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `tread — read news pages in the terminal

Usage:
  tread [flags] [SOURCE...]

SOURCE is a page dump (.txt), a saved HTML page, a folder of them, - for
standard input, or an http or https URL. A URL opens from its offline copy in
the library when there is one, else it is fetched and the page is saved there.
With no SOURCE, tread opens the library, newest page first, or its built-in
sample edition when the library is empty.

Flags:
  --offline        never use the network: a URL opens its saved copy or fails
  --library DIR    keep offline copies in DIR instead of the settings' folder
                   (default: $XDG_DATA_HOME/tread/library)
  --json           print the stories as JSON instead of opening the reader
  --dump           print the rendered stories instead of opening the reader
  --width N        wrap width for --dump, at least 20 (default: the
                   terminal's, else 80; at most the settings' reading_width)
  --export DIR     write each story as a markdown file with a front-matter
                   header into DIR and print the paths written
  --subscribe URL  follow a feed, or the feed a site's page names
  --unsubscribe URL  stop following a feed
  --import-opml FILE  follow the feeds of an OPML file (folders kept)
  --export-opml    print the subscriptions as OPML 2.0
  --refresh        update every subscription, saving new stories' articles
                   into the library, and exit (for cron)
  --save           add the SOURCEs to the library (URLs fetched, local pages
                   and folders copied in) and exit, one line per page
  --search QUERY   print the library pages matching QUERY, best first, one
                   a line (as JSON with --json); QUERY is words (word* for
                   a prefix), "a phrase", -word, site:NAME, by:NAME,
                   after:YYYY-MM-DD, before:YYYY-MM-DD, is:unread, is:read,
                   is:starred
  --config FILE    read settings from FILE
                   (default: $XDG_CONFIG_HOME/tread/config.toml)
  --print-config   print the settings in effect and exit
  --version        print the version
  -h, --help       show this help

Exit status: 0 when every source loaded, 1 when any failed, 2 for a usage error.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// options are the parsed command line.
type options struct {
	json, dump, version, printConfig bool
	offline                          bool
	width                            int
	configPath                       string
	library                          string // --library: the library folder
	export                           string // --export: the folder to write markdown to
	subscribe, unsubscribe           string // --subscribe URL, --unsubscribe URL
	importOPML                       string // --import-opml FILE
	exportOPML, refresh              bool
	search                           string // --search: the query
	save                             bool   // --save: add the sources to the library
	sources                          []string
}

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

// parseArgs parses flags anywhere on the command line: `tread a.txt --json`
// works as well as `tread --json a.txt`. A lone "-" is a source (stdin);
// everything after "--" is a source.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("tread", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.json, "json", false, "")
	fs.BoolVar(&o.dump, "dump", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	fs.IntVar(&o.width, "width", 0, "")
	fs.StringVar(&o.configPath, "config", "", "")
	fs.BoolVar(&o.printConfig, "print-config", false, "")
	fs.BoolVar(&o.offline, "offline", false, "")
	fs.StringVar(&o.library, "library", "", "")
	fs.StringVar(&o.export, "export", "", "")
	fs.StringVar(&o.subscribe, "subscribe", "", "")
	fs.StringVar(&o.unsubscribe, "unsubscribe", "", "")
	fs.StringVar(&o.importOPML, "import-opml", "", "")
	fs.BoolVar(&o.exportOPML, "export-opml", false, "")
	fs.BoolVar(&o.refresh, "refresh", false, "")
	fs.StringVar(&o.search, "search", "", "")
	fs.BoolVar(&o.save, "save", false, "")
	all := args
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return o, flag.ErrHelp
			}
			return o, fmt.Errorf("%w: %s", errUsage, flagError(err, all))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// fs.Parse stops at the first non-flag; "--" ends flags for good.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			o.sources = append(o.sources, rest...)
			break
		}
		o.sources = append(o.sources, rest[0])
		args = rest[1:]
	}
	if o.json && o.dump {
		return o, fmt.Errorf("%w: --json and --dump cannot be used together", errUsage)
	}
	if o.export != "" && (o.json || o.dump) {
		return o, fmt.Errorf("%w: --export cannot be used with --json or --dump", errUsage)
	}
	if o.printConfig && len(o.sources) > 0 {
		return o, fmt.Errorf("%w: --print-config takes no sources (got %q)", errUsage, o.sources[0])
	}
	if err := checkFeedCommand(o); err != nil {
		return o, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := checkLibraryFlags(o, set); err != nil {
		return o, err
	}
	if set["width"] && !o.dump {
		return o, fmt.Errorf("%w: --width only applies to --dump", errUsage)
	}
	if set["width"] && o.width < minDumpWidth {
		return o, fmt.Errorf("%w: --width must be at least %d", errUsage, minDumpWidth)
	}
	return o, nil
}

// minDumpWidth is the narrowest --dump wraps to, as for the settings'
// reading_width: narrower, words break into pieces.
const minDumpWidth = 20

// The flag package's errors, which name a flag with one dash whatever was
// typed.
var (
	unknownFlagRE  = regexp.MustCompile(`^flag provided but not defined: -(.+)$`)
	needsValueRE   = regexp.MustCompile(`^flag needs an argument: -(.+)$`)
	invalidValueRE = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-([^:]+): (.*)$`)
)

// flagError rewords a flag package error to name the flag as it was typed
// in args: "unknown flag --bogus", not "flag provided but not defined:
// -bogus".
func flagError(err error, args []string) string {
	msg := err.Error()
	if m := unknownFlagRE.FindStringSubmatch(msg); m != nil {
		return "unknown flag " + typedFlag(m[1], args)
	}
	if m := needsValueRE.FindStringSubmatch(msg); m != nil {
		return typedFlag(m[1], args) + " needs a value"
	}
	if m := invalidValueRE.FindStringSubmatch(msg); m != nil {
		if m[2] == "width" {
			// "parse error" says nothing about what would do.
			return typedFlag(m[2], args) + " takes a number of columns"
		}
		return fmt.Sprintf("invalid value %s for %s: %s", m[1], typedFlag(m[2], args), m[3])
	}
	return msg
}

// typedFlag is flag name as args spell it, "-name" or "--name"; "--name"
// when it is not found.
func typedFlag(name string, args []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		flagPart, _, _ := strings.Cut(a, "=")
		for _, dashes := range []string{"--", "-"} {
			if flagPart == dashes+name {
				return flagPart
			}
		}
	}
	return "--" + name
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "tread: %s\n", strings.TrimPrefix(err.Error(), "usage: "))
		fmt.Fprintln(stderr, "Run 'tread --help' for usage.")
		return 2
	case o.version:
		fmt.Fprintf(stdout, "tread %s\n", version)
		return 0
	}
	cfg, err := config.Load(o.configPath)
	if err != nil {
		// A broken settings file is the user's to fix before anything runs.
		// Its name and its values are the user's text, not tread's: an
		// escape sequence in either must not reach the terminal.
		fmt.Fprintf(stderr, "tread: %s\n", sanitize.Line(err.Error()))
		return 2
	}
	cfg.Library = effectiveLibrary(o, cfg)
	switch {
	case o.printConfig:
		if err := printConfig(stdout, cfg, o.library != ""); err != nil {
			fmt.Fprintf(stderr, "tread: print config: %v\n", err)
			return 1
		}
		return 0
	}
	sess := newSession(o, cfg, stdin)
	// The pictures of pages saved by a batch mode are saved before tread
	// exits; the reader stops them when it quits (runTUI).
	defer sess.pictures.wait()
	switch {
	case o.save:
		return printSave(ctx, o, sess, stdout, stderr)
	case o.search != "":
		return printSearch(ctx, o, sess, stdout, stderr)
	case o.feedCommand() != "":
		return runFeedCommand(ctx, o, cfg, sess, stdin, stdout, stderr)
	case o.json:
		return printJSON(ctx, o, sess, stdout, stderr)
	case o.dump:
		return printDump(ctx, o, cfg, sess, stdout, stderr)
	case o.export != "":
		return printExport(ctx, o, sess, stdout, stderr)
	}
	return runTUI(ctx, o, cfg, sess, stdin, stdout, stderr)
}

// printConfig writes cfg as --print-config shows it. When --library
// overrides the settings' folder the header says so, since the library line
// below it is then neither the defaults' nor the file's.
func printConfig(w io.Writer, cfg config.Config, withLibrary bool) error {
	var b bytes.Buffer
	if err := cfg.Write(&b); err != nil {
		return err
	}
	out := b.Bytes()
	if withLibrary {
		if head, rest, ok := bytes.Cut(out, []byte("\n")); ok && bytes.HasPrefix(head, []byte("# ")) {
			out = slices.Concat(head, []byte(", with --library\n"), rest)
		}
	}
	_, err := w.Write(out)
	return err
}

// effectiveLibrary is the library folder in use: --library, made absolute
// so that --print-config writes a setting that reads back the same (the
// settings file reads relative paths from its own folder), else the
// settings' folder.
func effectiveLibrary(o options, cfg config.Config) string {
	if o.library == "" {
		return cfg.Library
	}
	if abs, err := filepath.Abs(o.library); err == nil {
		return abs
	}
	return o.library
}
