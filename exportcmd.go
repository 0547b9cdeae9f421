package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/tread-reader/tread/export"
	"github.com/tread-reader/tread/feed"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// printExport writes every loaded story as a markdown file in o.export and
// prints the paths written, one a line. Related stories are written too
// when they were loaded with a body of their own (a page dump carries
// some); a related item that is only a link is listed in its main story's
// file instead.
func printExport(ctx context.Context, o options, sess *session, stdout, stderr io.Writer) int {
	w, err := export.NewWriter(o.export)
	if err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	code := 0
	write := func(d story.Document, st story.Story) {
		if sanitize.Line(st.Title) == "" {
			st.Title = untitled(d.Source, st)
		}
		path, err := w.Write(st, sess.savedTime(d.Source, st))
		if err != nil {
			fmt.Fprintf(stderr, "tread: %s\n", sanitize.Line(err.Error()))
			code = 1
			return
		}
		fmt.Fprintln(stdout, sanitize.Line(path))
	}
	err = eachDoc(ctx, sess, o.sources, func(d story.Document) error {
		if d.Err != nil {
			fmt.Fprintf(stderr, "tread: %s\n", errorLine(d))
			code = 1
			return nil
		}
		for _, st := range d.Stories {
			write(d, st)
			for _, rel := range st.Related {
				if len(rel.Body) > 0 {
					write(d, rel)
				}
			}
		}
		return nil
	})
	sess.printWarnings(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "tread: %v\n", err)
		return 1
	}
	return code
}

// untitled is the title an untitled story is exported under, so that its
// file is named for something the reader knows: the story's URL, else its
// source's URL or file name.
func untitled(source string, st story.Story) string {
	switch {
	case st.URL != "":
		return st.URL
	case source == "-":
		return "standard input"
	case feed.IsURL(source):
		return strings.TrimSpace(source)
	}
	base := filepath.Base(source)
	if stem := strings.TrimSuffix(base, filepath.Ext(base)); stem != "" {
		return stem
	}
	return base
}
