package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
	"github.com/tread-reader/tread/ui"
)

// tuiLibrary is the library as the reader's library view browses it
// (ui.Library): pages of rows by keyset, search, and the user's marks.
type tuiLibrary struct {
	s   *session
	lib *library.Library
}

var _ ui.Library = tuiLibrary{}

func libraryItem(it library.Item) ui.LibraryItem {
	return ui.LibraryItem{
		URL: it.URL, Title: it.Title, Site: it.Site, Published: it.Published, Saved: it.Saved, Words: it.Words,
		Read: it.Read, Starred: it.Starred, Position: it.Position, Snippet: it.Snippet,
	}
}

// Page reads the rows after the cursor, newest first.
func (t tuiLibrary) Page(ctx context.Context, after any, n int, unreadOnly bool) ([]ui.LibraryItem, any, error) {
	cur, _ := after.(library.Cursor) // nil: the newest
	items, next, err := t.lib.Page(ctx, cur, n, unreadOnly)
	if err != nil {
		return nil, after, fmt.Errorf("list: %w", err)
	}
	out := make([]ui.LibraryItem, 0, len(items))
	for _, it := range items {
		if it.Failed != "" {
			// a page tread could not read is left out, as it always was
			t.s.warn(fmt.Sprintf("library: skip %s: %s", it.URL, strings.TrimPrefix(it.Failed, "read "+it.URL+": ")))
			continue
		}
		out = append(out, libraryItem(it))
	}
	return out, next, nil
}

// Search runs query (tread's query syntax) on the index.
func (t tuiLibrary) Search(ctx context.Context, query string, limit int) ([]ui.LibraryItem, error) {
	q, err := library.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	items, err := t.lib.Search(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	out := make([]ui.LibraryItem, len(items))
	for i, it := range items {
		out[i] = libraryItem(it)
	}
	return out, nil
}

// Stories reads a page from the index's stored extraction, or from its
// file when the index has none current. A page gone from the library
// since it was listed is an error, never a fetch.
func (t tuiLibrary) Stories(ctx context.Context, url string) []story.Document {
	stories, ok, err := t.s.libraryStories(ctx, url)
	if !ok && err == nil {
		err = errors.New("no longer in the library")
	}
	return []story.Document{{Source: url, Stories: stories, Err: err}}
}

// MarkRead marks url read or unread.
func (t tuiLibrary) MarkRead(ctx context.Context, url string, read bool) error {
	return t.lib.MarkRead(ctx, url, read)
}

// Star stars url or takes its star away.
func (t tuiLibrary) Star(ctx context.Context, url string, on bool) error {
	return t.lib.Star(ctx, url, on)
}

// SetPosition keeps the reader's place in url.
func (t tuiLibrary) SetPosition(ctx context.Context, url string, pos int) error {
	return t.lib.SetPosition(ctx, url, pos)
}

// Delete removes url's saved copy, file and row.
func (t tuiLibrary) Delete(ctx context.Context, url string) error {
	return t.lib.Delete(ctx, url)
}
