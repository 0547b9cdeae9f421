package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/subscribe"
)

// feedCommand is what --subscribe, --unsubscribe, --import-opml,
// --export-opml and --refresh ask; "" when none.
func (o options) feedCommand() string {
	switch {
	case o.subscribe != "":
		return "--subscribe"
	case o.unsubscribe != "":
		return "--unsubscribe"
	case o.importOPML != "":
		return "--import-opml"
	case o.exportOPML:
		return "--export-opml"
	case o.refresh:
		return "--refresh"
	}
	return ""
}

// checkFeedCommand refuses a feed command mixed with sources, the print
// modes or another feed command.
func checkFeedCommand(o options) error {
	n := 0
	for _, set := range []bool{o.subscribe != "", o.unsubscribe != "", o.importOPML != "", o.exportOPML, o.refresh} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		return nil
	case n > 1:
		return fmt.Errorf("%w: use one of --subscribe, --unsubscribe, --import-opml, --export-opml and --refresh at a time", errUsage)
	case len(o.sources) > 0:
		return fmt.Errorf("%w: %s takes no sources (got %q)", errUsage, o.feedCommand(), o.sources[0])
	case o.json || o.dump || o.export != "" || o.printConfig:
		return fmt.Errorf("%w: %s cannot be used with --json, --dump, --export or --print-config", errUsage, o.feedCommand())
	}
	return nil
}

// subscriptionsPath is the subscriptions file: subscriptions.txt beside
// the settings file in use (--config FILE, else the default one).
func subscriptionsPath(o options) (string, error) {
	cfgPath := o.configPath
	if cfgPath == "" || cfgPath == os.DevNull {
		cfgPath = config.DefaultPath() // --config /dev/null: no settings, the usual subscriptions
	}
	if cfgPath == "" {
		return "", errors.New("no config folder for the subscriptions file: set XDG_CONFIG_HOME or use --config")
	}
	return filepath.Join(filepath.Dir(cfgPath), subscribe.FileName), nil
}

// runFeedCommand runs a feed command and returns the exit status.
func runFeedCommand(ctx context.Context, o options, cfg config.Config, sess *session, stdin io.Reader, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "tread: %s\n", sanitize.Line(err.Error()))
		return 1
	}
	path, err := subscriptionsPath(o)
	if err != nil {
		return fail(err)
	}
	list, err := subscribe.LoadList(path)
	if err != nil {
		return fail(err)
	}
	switch {
	case o.subscribe != "":
		if o.offline {
			return fail(errors.New("--subscribe needs the network (--offline given)"))
		}
		s, err := subscribe.Discover(ctx, o.subscribe, sess.fetch)
		if err != nil {
			return fail(err)
		}
		if !list.Add(s) {
			fmt.Fprintf(stdout, "already subscribed to %s\n", s.URL)
			return 0
		}
		if err := list.Save(path); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "subscribed to %s (%s)\n", s.URL, sanitize.Line(s.Title))
	case o.unsubscribe != "":
		if !list.Remove(o.unsubscribe) {
			return fail(fmt.Errorf("not subscribed to %s", o.unsubscribe))
		}
		if err := list.Save(path); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "unsubscribed from %s\n", o.unsubscribe)
	case o.importOPML != "":
		return importOPML(o.importOPML, list, path, stdin, stdout, fail)
	case o.exportOPML:
		if err := subscribe.WriteOPML(stdout, list, time.Now()); err != nil {
			return fail(err)
		}
	case o.refresh:
		return refresh(ctx, o, cfg, sess, list, path, stdout, stderr)
	}
	return 0
}

func importOPML(file string, list *subscribe.List, path string, stdin io.Reader, stdout io.Writer, fail func(error) int) int {
	var r io.Reader = stdin
	if file != "-" {
		fi, err := os.Stat(file)
		if err != nil {
			return fail(fmt.Errorf("import %s: %w", file, err))
		}
		if !fi.Mode().IsRegular() {
			return fail(fmt.Errorf("import %s: not a regular file", file))
		}
		f, err := os.Open(file)
		if err != nil {
			return fail(fmt.Errorf("import %s: %w", file, err))
		}
		defer f.Close()
		r = f
	}
	subs, err := subscribe.ReadOPML(r)
	if err != nil {
		return fail(fmt.Errorf("import %s: %w", file, err))
	}
	added := 0
	for _, s := range subs {
		if list.Add(s) {
			added++
		}
	}
	if err := list.Save(path); err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "imported %d feeds (%d already followed) into %s\n", added, len(subs)-added, path)
	return 0
}

// refresh updates every subscription, saving new items' articles into the
// library, and says what happened: on a terminal a line per feed and the
// articles' progress, errors on standard error, a summary at the end.
func refresh(ctx context.Context, o options, cfg config.Config, sess *session, list *subscribe.List, path string, stdout, stderr io.Writer) int {
	return refreshTo(ctx, o, cfg, sess, list, path, stdout, stderr, terminalWidth(stdout))
}

// refreshTo is refresh writing to a terminal width columns wide, or, when
// width is 0, to anything else.
func refreshTo(ctx context.Context, o options, cfg config.Config, sess *session, list *subscribe.List, path string, stdout, stderr io.Writer, width int) int {
	if o.offline {
		fmt.Fprintln(stderr, "tread: --refresh needs the network (--offline given)")
		return 1
	}
	lib, err := sess.library()
	if err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	statePath := statePath(lib)
	state, err := subscribe.LoadState(statePath)
	if err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	// On a terminal, a line per feed and, below them, one line kept up to
	// date with the articles fetched; under cron, only the summary.
	line := &progressLine{w: stdout, width: width}
	done := 0
	r := newRefresher(cfg, sess, list, path, lib, state, statePath, func(res subscribe.Result) {
		done++
		if width > 0 {
			line.println(fmt.Sprintf("[%d/%d] %s", done, len(list.Subs), describeResult(res)))
		}
	})
	if width > 0 {
		r.Progress = line.update
	}
	results, err := r.Run(ctx)
	line.clear()
	if err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	for _, res := range results {
		if res.Err != nil && !res.Skipped {
			fmt.Fprintf(stderr, "tread: %s\n", sanitize.Line(res.Err.Error()))
		}
		for _, e := range res.ItemErrs {
			fmt.Fprintf(stderr, "tread: warning: article: %s\n", sanitize.Line(e.Error()))
		}
	}
	summary, last := refreshSummary(results)
	fmt.Fprintln(stdout, summary)
	if last != nil {
		return 1 // each failure is on standard error above
	}
	return 0
}

// refreshSummary sums a refresh up in a line, "refreshed 2 feeds: 3 new
// stories, 3 articles saved, 0 failed", with the last feed's error that
// failed, or nil.
func refreshSummary(results []subscribe.Result) (string, error) {
	news, saved, failed := 0, 0, 0
	var last error
	for _, res := range results {
		news, saved = news+res.New, saved+res.Saved
		if res.Err != nil && !res.Skipped {
			failed++
			last = res.Err
		}
	}
	return fmt.Sprintf("refreshed %s: %s, %s saved, %d failed",
		count(len(results), "feed", "feeds"), count(news, "new story", "new stories"),
		count(saved, "article", "articles"), failed), last
}

// count is n and the noun for n: "1 feed", "2 feeds".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// newRefresher is the refresh of --refresh and of the reader: every
// subscription in list, new articles saved in lib, report told of each
// feed as it is done.
func newRefresher(cfg config.Config, sess *session, list *subscribe.List, path string, lib *library.Library, state *subscribe.State, statePath string, report func(subscribe.Result)) *subscribe.Refresher {
	return &subscribe.Refresher{
		List: list, ListPath: path, State: state, StatePath: statePath,
		Library: lib, Fetch: sess.fetch, Articles: cfg.FetchArticles, Report: report,
	}
}

// terminalWidth is the width of the terminal w writes to, 0 when w is not
// a terminal.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !isTerminalOut(w) {
		return 0
	}
	if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
		return cols
	}
	return 80
}

// progressLine is the line --refresh keeps up to date on a terminal while
// articles are fetched, redrawn in place (carriage return, erase line) and
// moved down below each feed's line as it is printed. Calls come one at a
// time (the Refresher's Report and Progress never overlap).
type progressLine struct {
	w     io.Writer
	width int // the terminal's; the line is cut to one less, so it never wraps
	last  subscribe.ArticleProgress
	shown bool
}

// println prints a line above the progress line.
func (p *progressLine) println(s string) {
	p.clear()
	fmt.Fprintln(p.w, s)
	p.draw()
}

// update shows the new counts.
func (p *progressLine) update(a subscribe.ArticleProgress) {
	p.last = a
	p.draw()
}

// clear erases the progress line, leaving the cursor at its start.
func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *progressLine) draw() {
	a := p.last
	if a.Total == 0 {
		return
	}
	// The counts come first, so that a narrow terminal cuts the feed's
	// name, then the bar, never them.
	s := fmt.Sprintf("articles %d/%d", a.Done, a.Total)
	if a.Failed > 0 {
		s += fmt.Sprintf(", %d failed", a.Failed)
	}
	bar := 20
	if p.width < 60 {
		bar = 10
	}
	filled := bar * a.Done / a.Total
	s += " [" + strings.Repeat("#", filled) + strings.Repeat("-", bar-filled) + "] " + sanitize.Line(a.Feed)
	fmt.Fprint(p.w, "\r\x1b[K"+ansi.Truncate(s, max(p.width-1, 10), "…"))
	p.shown = true
}

func describeResult(res subscribe.Result) string {
	name := sanitize.Line(res.Title)
	if name == "" {
		name = res.Feed
	}
	switch {
	case res.Skipped:
		return fmt.Sprintf("%s: waiting until %s", name, res.Waiting.Local().Format("Jan 2 15:04"))
	case res.Err != nil:
		return fmt.Sprintf("%s: %s", name, sanitize.Line(res.Err.Error()))
	case res.Unchanged:
		return name + ": unchanged"
	case res.MovedFrom != "":
		return fmt.Sprintf("%s: moved to %s; %d new, %d saved", name, res.Feed, res.New, res.Saved)
	}
	return fmt.Sprintf("%s: %d new, %d saved", name, res.New, res.Saved)
}
