package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// sampleEdition is the built-in sample, its ages counted from now.
func sampleEdition() story.Document {
	return sample.Edition(time.Now())
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
	out := jsonArray{w: stdout}
	failed := false
	err := eachDoc(ctx, s, o.sources, func(d story.Document) error {
		jd := jsonDoc{Source: d.Source}
		if d.Err != nil {
			failed = true
			jd.Error = errorLine(d)
			fmt.Fprintf(stderr, "tread: %s\n", jd.Error)
		} else {
			jd.Stories = make([]jsonStory, 0, len(d.Stories))
			for _, s := range d.Stories {
				jd.Stories = append(jd.Stories, toJSONStory(s, true))
			}
		}
		return out.add(jd)
	})
	if err == nil {
		err = out.close()
	}
	s.printWarnings(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "tread: write json: %v\n", err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
}

// printDump renders every story, main stories and their related items, for
// reading without the TUI: styled on a terminal, plain text when stdout is
// not one or NO_COLOR is set.
func printDump(ctx context.Context, o options, cfg config.Config, sess *session, stdout, stderr io.Writer) int {
	r := render.NewRenderer(0)
	r.KeepURLsWhole()
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
	d := dumper{stdout: stdout, stderr: stderr, render: dumpRenderer(r, width, style), width: width, first: true}
	err := eachDoc(ctx, sess, o.sources, d.doc)
	sess.printWarnings(stderr)
	if err != nil {
		return 1
	}
	return d.code
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
	d := dumper{stdout: stdout, stderr: stderr, render: render, width: width, first: true}
	for _, doc := range docs {
		if err := d.doc(doc); err != nil {
			return 1
		}
	}
	return d.code
}

// dumper prints documents one at a time, a rule between stories.
type dumper struct {
	stdout, stderr io.Writer
	render         func(story.Story) (string, error)
	width          int
	first          bool
	code           int
}

func (d *dumper) emit(s story.Story) error {
	out, err := d.render(s)
	if err != nil {
		return err
	}
	if !d.first {
		fmt.Fprintln(d.stdout, "\n"+strings.Repeat("─", d.width)+"\n")
	}
	d.first = false
	_, err = fmt.Fprintln(d.stdout, out)
	return err
}

// doc prints one document's stories; its error (a story that would not
// render, said on stderr) stops the dump.
func (d *dumper) doc(doc story.Document) error {
	if doc.Err != nil {
		fmt.Fprintf(d.stderr, "tread: %s\n", errorLine(doc))
		d.code = 1
		return nil
	}
	for _, s := range doc.Stories {
		if err := d.emit(s); err != nil {
			fmt.Fprintf(d.stderr, "tread: %s: %v\n", sanitize.Line(doc.Source), err)
			return err
		}
		if lines := relatedLinks(s); len(lines) > 0 {
			fmt.Fprintln(d.stdout, "\n"+strings.Join(lines, "\n"))
		}
		for _, rel := range s.Related {
			if len(rel.Body) == 0 {
				continue
			}
			if err := d.emit(rel); err != nil {
				fmt.Fprintf(d.stderr, "tread: %s: %v\n", sanitize.Line(doc.Source), err)
				return err
			}
		}
	}
	return nil
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
