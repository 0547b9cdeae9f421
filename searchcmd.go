package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/sanitize"
)

// searchLimit is how many results --search prints, best first.
const searchLimit = 100

// jsonResult is one --search --json result.
type jsonResult struct {
	Title     string `json:"title"`
	Site      string `json:"site"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Saved     string `json:"saved"`
	URL       string `json:"url"`
	Read      bool   `json:"read"`
	Starred   bool   `json:"starred"`
	Snippet   string `json:"snippet"`
}

// printSearch prints the library pages matching o.search, best first: a
// line of title, site, date and URL and an indented snippet each, or with
// --json an array of jsonResult. A query that cannot be understood is a
// usage error.
func printSearch(ctx context.Context, o options, s *session, stdout, stderr io.Writer) int {
	q, err := library.ParseQuery(o.search)
	if err != nil {
		fmt.Fprintf(stderr, "tread: %s\n", sanitize.Line(err.Error()))
		return 2
	}
	var items []library.Item
	lib, err := s.openedLibrary()
	if err == nil && lib != nil {
		err = s.reconcile(ctx, lib)
		if err == nil {
			items, err = lib.Search(ctx, q, searchLimit)
		}
	}
	s.printWarnings(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "tread: %s\n", sanitize.Line(err.Error()))
		return 1
	}
	if o.json {
		return printSearchJSON(items, stdout, stderr)
	}
	bold := isTerminalOut(stdout) && !noColor()
	for _, it := range items {
		date := it.Saved
		if !it.Published.IsZero() {
			date = it.Published
		}
		fields := []string{}
		for _, f := range []string{sanitize.Line(title(it)), sanitize.Line(it.Site), date.Format("2006-01-02"), sanitize.Line(it.URL)} {
			if f != "" {
				fields = append(fields, f)
			}
		}
		fmt.Fprintln(stdout, strings.Join(fields, " · "))
		if snip := snippetText(it.Snippet, bold); snip != "" {
			fmt.Fprintln(stdout, "    "+snip)
		}
	}
	return 0
}

func printSearchJSON(items []library.Item, stdout, stderr io.Writer) int {
	out := make([]jsonResult, 0, len(items))
	for _, it := range items {
		r := jsonResult{
			Title: sanitize.Line(it.Title), Site: sanitize.Line(it.Site), Byline: sanitize.Line(it.Byline),
			Saved: it.Saved.Format("2006-01-02T15:04:05Z07:00"), URL: sanitize.Line(it.URL),
			Read: it.Read, Starred: it.Starred, Snippet: snippetText(it.Snippet, false),
		}
		if !it.Published.IsZero() {
			r.Published = it.Published.Format("2006-01-02T15:04:05Z07:00")
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "tread: write json: %v\n", err)
		return 1
	}
	return 0
}

// title is an item's title, or its URL when it has none.
func title(it library.Item) string {
	if it.Title != "" {
		return it.Title
	}
	return it.URL
}

// snippetText makes a search snippet safe to print: each piece sanitized,
// the matches in bold when bold is set, else plain.
func snippetText(snip string, bold bool) string {
	var b strings.Builder
	for i, part := range strings.Split(snip, library.MatchStart) {
		match, rest, found := strings.Cut(part, library.MatchEnd)
		if i == 0 || !found {
			b.WriteString(sanitize.Text(part))
			continue
		}
		if bold {
			b.WriteString("\x1b[1m" + sanitize.Text(match) + "\x1b[22m")
		} else {
			b.WriteString(sanitize.Text(match))
		}
		b.WriteString(sanitize.Text(rest))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
