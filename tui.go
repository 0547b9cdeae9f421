package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/tread-reader/tread/browser"
	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
	"github.com/tread-reader/tread/ui"
)

// errNoTerminal is why the reader cannot start without a terminal; the
// batch modes work anywhere.
var errNoTerminal = errors.New("no terminal to draw on; use --dump or --json to print the stories")

// runTUI opens the reader. Sources load inside the program, in tea.Cmds, so
// the window is up at once; errors stay in the status bar while the reader
// runs and are repeated on stderr after it exits.
func runTUI(ctx context.Context, o options, cfg config.Config, sess *session, stdin io.Reader, stdout, stderr io.Writer) int {
	in, out, closeTTY, err := terminal(stdin, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	defer func() {
		if err := closeTTY(); err != nil {
			fmt.Fprintf(stderr, "tread: close terminal: %v\n", err)
		}
	}()
	opts := tuiOptions(o, cfg, sess, stdin)
	p := tea.NewProgram(ui.New(opts), tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out))
	if err := ui.SaveTitle(out); err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
	}
	final, err := p.Run()
	sess.pictures.stop()
	if err := ui.RestoreTitle(out); err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
	}
	if err != nil && ctx.Err() == nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	sess.printWarnings(stderr)
	if m, ok := final.(ui.Model); ok {
		errs := m.Errors()
		for _, e := range errs {
			fmt.Fprintf(stderr, "tread: %s\n", e)
		}
		if len(errs) > 0 {
			return 1
		}
	}
	return 0
}

// tuiOptions is the reader's wiring: what it shows at first, how it loads,
// reloads and opens pages, and the settings it takes.
func tuiOptions(o options, cfg config.Config, sess *session, stdin io.Reader) ui.Options {
	r := render.NewRenderer(0)
	opts := ui.Options{
		Sources:      o.sources,
		Renderer:     r,
		Style:        tuiStyle(cfg, r),
		Keys:         keyOverrides(cfg),
		Load:         tuiLoader(sess.load, stdin),
		Expand:       sess.expandFolder,
		Reload:       tuiLoader(sess.reload, stdin),
		Saved:        sess.saved,
		OpenURL:      browser.Open,
		OpenFile:     browser.OpenFile,
		Images:       cfg.Images,
		InTmux:       os.Getenv("TMUX") != "",
		Picture:      sess.pictureData,
		PictureFile:  sess.pictureFile,
		ReadingWidth: cfg.ReadingWidth,
		ListWidth:    cfg.ListWidth.Columns,
		Fold:         cfg.FoldRelated,
		Sort:         cfg.Sort,
	}
	if len(o.sources) == 0 {
		libraryView(o, cfg, sess, &opts)
	}
	return opts
}

// libraryView is the reader with no source: the subscriptions, when there
// are any, then the library, paged from its index; the sample edition when
// there is neither.
func libraryView(o options, cfg config.Config, sess *session, opts *ui.Options) {
	// The index catches up in the background for as long as tread runs;
	// a kill leaves it to resume next time.
	lib, err := sess.startLibrary(context.Background())
	if err != nil {
		opts.Docs = append(opts.Docs, story.Document{Source: sess.libDir, Err: err}, sampleEdition())
		return
	}
	if path, ok := subscriptionsIn(o, sess); ok {
		if lib == nil {
			// Subscriptions keep their articles in the library: with
			// any, it is made and shown even while it is empty.
			if lib, err = sess.library(); err != nil {
				opts.Docs = append(opts.Docs, story.Document{Source: sess.libDir, Err: err})
			}
		}
		if lib != nil {
			f := tuiFeeds{s: sess, cfg: cfg, listPath: path, statePath: statePath(lib), lib: lib}
			opts.Feeds = f.Stories
			if !o.offline {
				opts.Refresh = f.Refresh
			}
		}
	}
	if lib == nil {
		opts.Docs = append(opts.Docs, sampleEdition())
		return
	}
	opts.Library = tuiLibrary{s: sess, lib: lib}
}

// openTTY opens the controlling terminal; tests swap it.
var openTTY = tea.OpenTTY

// terminal finds where the reader reads keys and draws: standard input and
// output when they are a terminal, else the controlling terminal, so that a
// page piped in (tread - < page.html) or output sent elsewhere still gets
// the reader on the screen. With neither it is errNoTerminal, said before
// the program starts rather than as Bubble Tea's "could not open TTY".
func terminal(stdin io.Reader, stdout io.Writer) (in io.Reader, out io.Writer, closeTTY func() error, err error) {
	in, out, closeTTY = stdin, stdout, func() error { return nil }
	inTTY, outTTY := isTerminal(stdin), isTerminalOut(stdout)
	if inTTY && outTTY {
		return in, out, closeTTY, nil
	}
	ttyIn, ttyOut, err := openTTY()
	if err != nil {
		return nil, nil, nil, errNoTerminal
	}
	closeTTY = func() error {
		err := ttyIn.Close()
		if ttyOut != ttyIn {
			err = errors.Join(err, ttyOut.Close())
		}
		return err
	}
	if !inTTY {
		in = ttyIn
	}
	if !outTTY {
		out = ttyOut
	}
	return in, out, closeTTY, nil
}

// tuiLoader is load for the reader, which owns the terminal's input: a
// page has to be piped in to be read from standard input.
func tuiLoader(load ui.Loader, stdin io.Reader) ui.Loader {
	return func(ctx context.Context, src string) []story.Document {
		if src != "-" {
			return load(ctx, src)
		}
		docs := []story.Document{{Source: src, Err: errors.New("standard input is the terminal; pipe a page into tread to read it")}}
		if !isTerminal(stdin) {
			docs = load(ctx, src)
		}
		// The reader names a failed source before its error unless the
		// error names it already; "read standard input: …" does.
		for i := range docs {
			docs[i].Source = sourceName(docs[i].Source)
		}
		return docs
	}
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func isTerminalOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
