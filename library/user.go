package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// MarkRead marks the page of rawURL read or unread.
func (l *Library) MarkRead(ctx context.Context, rawURL string, read bool) error {
	if err := l.record(ctx, journalLine{URL: key(rawURL), Read: &read}); err != nil {
		return fmt.Errorf("mark %s: %w", rawURL, err)
	}
	return nil
}

// Star stars the page of rawURL, or takes its star away.
func (l *Library) Star(ctx context.Context, rawURL string, starred bool) error {
	if err := l.record(ctx, journalLine{URL: key(rawURL), Starred: &starred}); err != nil {
		return fmt.Errorf("star %s: %w", rawURL, err)
	}
	return nil
}

// SetPosition keeps where the reader left the page of rawURL.
func (l *Library) SetPosition(ctx context.Context, rawURL string, pos int) error {
	if err := l.record(ctx, journalLine{URL: key(rawURL), Position: &pos}); err != nil {
		return fmt.Errorf("keep position in %s: %w", rawURL, err)
	}
	return nil
}

// Delete removes the saved copy of rawURL, its file and its row, and
// forgets its read state and star.
func (l *Library) Delete(ctx context.Context, rawURL string) error {
	if err := l.checkWritable(); err != nil {
		return fmt.Errorf("delete %s: %w", rawURL, err)
	}
	e, ok := l.Lookup(rawURL)
	if !ok {
		return fmt.Errorf("delete %s: no saved copy", rawURL)
	}
	if err := os.Remove(e.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("delete %s: %w", rawURL, err)
	}
	if err := syncDir(l.dir); err != nil {
		return fmt.Errorf("delete %s: %w", rawURL, err)
	}
	if err := forgetFile(ctx, l.ix.db, filepath.Base(e.Path)); err != nil {
		return fmt.Errorf("delete %s: index: %w", rawURL, err)
	}
	if err := l.record(ctx, journalLine{URL: key(e.URL), Forget: true}); err != nil {
		return fmt.Errorf("delete %s: %w", rawURL, err)
	}
	return nil
}
