package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/charmbracelet/x/term"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/feed"
	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// loadAll reads every source, in the order given. With none it reads the
// library, newest first, skipping with a warning the pages that cannot be
// read, or the sample edition when the library is empty.
func loadAll(ctx context.Context, s *session, sources []string) []story.Document {
	if len(sources) > 0 {
		return s.loadEach(ctx, sources, func(ctx context.Context, src string, warn func(string)) []story.Document {
			return s.loadWith(ctx, src, false, warn)
		})
	}
	var docs []story.Document
	sources, err := s.librarySources(0)
	if err != nil {
		docs = append(docs, story.Document{Source: s.libDir, Err: err})
	}
	if len(sources) == 0 {
		return append(docs, sampleEdition())
	}
	return append(docs, s.loadEach(ctx, sources, func(ctx context.Context, src string, warn func(string)) []story.Document {
		return s.skipFailed(ctx, s.loadWith(ctx, src, false, warn), warn)
	})...)
}

// loadWorkers is how many sources the batch modes load at once: a slow
// server holds back only its own page, while a thousand sources are not
// all fetched and extracted at the same moment.
const loadWorkers = 6

// loadEach loads sources with loadWorkers at a time and returns their
// documents in the order of sources. Each load's warnings are kept with it
// and said in the same order, whichever load ends first.
func (s *session) loadEach(ctx context.Context, sources []string, load func(ctx context.Context, src string, warn func(string)) []story.Document) []story.Document {
	type result struct {
		mu       sync.Mutex
		docs     []story.Document
		warnings []string
	}
	results := make([]result, len(sources))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(loadWorkers, len(sources)) {
		wg.Go(func() {
			for i := range next {
				r := &results[i]
				docs := load(ctx, sources[i], func(msg string) {
					r.mu.Lock()
					r.warnings = append(r.warnings, msg)
					r.mu.Unlock()
				})
				r.mu.Lock()
				r.docs = docs
				r.mu.Unlock()
			}
		})
	}
	for i := range sources {
		next <- i
	}
	close(next)
	wg.Wait()
	var docs []story.Document
	for i := range results {
		for _, w := range results[i].warnings {
			s.warn(w)
		}
		docs = append(docs, results[i].docs...)
	}
	return docs
}

// sampleEdition parses the built-in sample. It is our own text, so a parse
// failure is a bug that the tests catch; it still surfaces as a document
// error rather than a crash.
func sampleEdition() story.Document {
	stories, err := feed.ParseDump(intake.Text(sample.Edition(), ""))
	return story.Document{Source: sample.Source, Stories: stories, Err: err}
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
	return writeDump(stdout, stderr, docs, dumpRenderer(r, width, style), width)
}

// dumpRenderer renders a story for --dump: its links numbered in the text
// and listed after it (see references).
func dumpRenderer(r *render.Renderer, width int, style render.Style) func(story.Story) (string, error) {
	return func(s story.Story) (string, error) {
		md, links := render.ReaderMarkdown(s)
		out, err := r.Render(md, max(width, 10), style)
		if err != nil {
			return "", err
		}
		// The reader finds link labels by LinkMark; printed text has no
		// use for it, and it would ride along into whatever is pasted.
		return strings.ReplaceAll(out, string(render.LinkMark), "") + references(links), nil
	}
}

// references lists a story's numbered links after its text, as lynx and
// w3m do: "[3] https://…", each address whole on its own line however
// wide, so that it can be copied as it is.
func references(links []render.Link) string {
	if len(links) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n\n  References\n")
	for _, l := range links {
		fmt.Fprintf(&b, "\n  [%d] %s", l.N, l.URL)
	}
	return b.String()
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
				fmt.Fprintln(stdout, "\n"+strings.Join(lines, "\n"))
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
