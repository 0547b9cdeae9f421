package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// loadAll reads every source in order. With none it reads the library,
// newest first, skipping with a warning the pages that cannot be read, or
// the sample edition when the library is empty. The batch modes (--json,
// --dump, --export) load in turn: nothing waits on them but the user who
// asked.
func loadAll(ctx context.Context, s *session, sources []string) []story.Document {
	var docs []story.Document
	if len(sources) > 0 {
		for _, src := range sources {
			docs = append(docs, s.load(ctx, src)...)
		}
		return docs
	}
	sources, err := s.librarySources(0)
	if err != nil {
		docs = append(docs, story.Document{Source: s.libDir, Err: err})
	}
	if len(sources) == 0 {
		return append(docs, sampleEdition())
	}
	for _, src := range sources {
		docs = append(docs, s.skipFailed(ctx, s.load(ctx, src))...)
	}
	return docs
}

// sampleEdition is the built-in sample, its ages counted from now.
func sampleEdition() story.Document {
	return sample.Edition(time.Now())
}

// failed reports whether any document could not be read.
func failed(docs []story.Document) bool {
	for _, d := range docs {
		if d.Err != nil {
			return true
		}
	}
	return false
}

// errorLine is a document's error as one line naming its source.
func errorLine(d story.Document) string {
	msg := sanitize.Line(d.Err.Error())
	if src := sourceName(d.Source); !strings.Contains(msg, src) {
		msg = src + ": " + msg
	}
	return msg
}

// sourceName is how a message names a source: "-" is standard input.
func sourceName(source string) string {
	if source == "-" {
		return "standard input"
	}
	return sanitize.Line(source)
}

type jsonStory struct {
	Title     string       `json:"title"`
	Site      string       `json:"site"`
	Byline    string       `json:"byline"`
	Published string       `json:"published"`
	Age       string       `json:"age"`
	URL       string       `json:"url"`
	Text      string       `json:"text"`
	Markdown  string       `json:"markdown"`
	Partial   bool         `json:"partial,omitempty"` // a best-effort story; left out when false
	Related   *[]jsonStory `json:"related,omitempty"` // main stories only
}

type jsonDoc struct {
	Source  string      `json:"source"`
	Stories []jsonStory `json:"stories,omitempty"`
	Error   string      `json:"error,omitempty"`
}

func toJSONStory(s story.Story, withRelated bool) jsonStory {
	j := jsonStory{
		Title:     sanitize.Line(s.Title),
		Site:      sanitize.Line(s.Site),
		Byline:    sanitize.Line(s.Byline),
		Published: s.PublishedString(),
		Age:       sanitize.Line(s.Age),
		URL:       sanitize.Line(s.URL),
		Text:      sanitize.Text(s.Text()),
		Markdown:  render.BodyMarkdown(s),
		Partial:   s.Partial,
	}
	if withRelated {
		rel := make([]jsonStory, 0, len(s.Related))
		for _, r := range s.Related {
			rel = append(rel, toJSONStory(r, false))
		}
		j.Related = &rel
	}
	return j
}

func printJSON(ctx context.Context, o options, s *session, stdout, stderr io.Writer) int {
	docs := loadAll(ctx, s, o.sources)
	s.printWarnings(stderr)
	out := make([]jsonDoc, 0, len(docs))
	for _, d := range docs {
		jd := jsonDoc{Source: d.Source}
		if d.Err != nil {
			jd.Error = errorLine(d)
			fmt.Fprintf(stderr, "tread: %s\n", jd.Error)
		} else {
			jd.Stories = make([]jsonStory, 0, len(d.Stories))
			for _, s := range d.Stories {
				jd.Stories = append(jd.Stories, toJSONStory(s, true))
			}
		}
		out = append(out, jd)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "tread: write json: %v\n", err)
		return 1
	}
	if failed(docs) {
		return 1
	}
	return 0
}

// printDump renders every story, main stories and their related items, for
// reading without the TUI: styled on a terminal, plain text when stdout is
// not one or NO_COLOR is set.
func printDump(ctx context.Context, o options, cfg config.Config, sess *session, stdout, stderr io.Writer) int {
	docs := loadAll(ctx, sess, o.sources)
	sess.printWarnings(stderr)
	r := render.NewRenderer(0)
	style, width := dumpStyle(stdout)
	if style != render.NoTTY {
		if s := tuiStyle(cfg, r); s != "" {
			style = s
		}
	}
	if o.width > 0 {
		width = o.width
	}
	width = min(width, cfg.ReadingWidth)
	renderStory := func(s story.Story) (string, error) {
		return r.Render(render.Markdown(s), max(width, 10), style)
	}
	return writeDump(stdout, stderr, docs, renderStory, width)
}

// writeDump prints docs' stories, each followed by its related items that
// have a body. Link-only related items have nothing to print as a story; they
// are listed as "Related:" lines under their main story, as --export links
// them.
func writeDump(stdout, stderr io.Writer, docs []story.Document, render func(story.Story) (string, error), width int) int {
	first := true
	emit := func(s story.Story) error {
		out, err := render(s)
		if err != nil {
			return err
		}
		if !first {
			fmt.Fprintln(stdout, "\n"+strings.Repeat("─", width)+"\n")
		}
		first = false
		_, err = fmt.Fprintln(stdout, out)
		return err
	}
	code := 0
	for _, d := range docs {
		if d.Err != nil {
			fmt.Fprintf(stderr, "tread: %s\n", errorLine(d))
			code = 1
			continue
		}
		for _, s := range d.Stories {
			if err := emit(s); err != nil {
				fmt.Fprintf(stderr, "tread: %s: %v\n", sanitize.Line(d.Source), err)
				return 1
			}
			if lines := relatedLinks(s); len(lines) > 0 {
				fmt.Fprintln(stdout, strings.Join(lines, "\n"))
			}
			for _, rel := range s.Related {
				if len(rel.Body) == 0 {
					continue
				}
				if err := emit(rel); err != nil {
					fmt.Fprintf(stderr, "tread: %s: %v\n", sanitize.Line(d.Source), err)
					return 1
				}
			}
		}
	}
	return code
}

// relatedLinks lists s's link-only related items, "  Related: Title — URL",
// title or URL alone when the other is missing.
func relatedLinks(s story.Story) []string {
	var lines []string
	for _, rel := range s.Related {
		if len(rel.Body) > 0 {
			continue
		}
		parts := make([]string, 0, 2)
		for _, p := range []string{sanitize.Line(rel.Title), sanitize.Line(rel.URL)} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			lines = append(lines, "  Related: "+strings.Join(parts, " — "))
		}
	}
	return lines
}

// dumpStyle picks the --dump style and width from the output: a terminal
// gets the dark style at its width; a pipe, or NO_COLOR, gets plain text.
func dumpStyle(w io.Writer) (render.Style, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return render.NoTTY, 80
	}
	width := 80
	if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
		width = cols
	}
	if noColor() {
		return render.NoTTY, width
	}
	return render.Dark, width
}
