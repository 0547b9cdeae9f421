//go:build unix

package feed

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tread-reader/tread/regfile"
	"github.com/tread-reader/tread/regfile/regfiletest"
	"github.com/tread-reader/tread/story"
)

// loadQuickly is Load that fails the test when it takes more than a few
// seconds: a special file must be refused, never waited on.
func loadQuickly(t *testing.T, source string, opts Options) []story.Document {
	t.Helper()
	done := make(chan []story.Document, 1)
	go func() { done <- Load(context.Background(), source, opts) }()
	select {
	case docs := <-done:
		return docs
	case <-time.After(10 * time.Second):
		t.Fatalf("Load(%s) blocked", source)
		return nil
	}
}

// TestLoadSpecialFiles: a named pipe, a socket or a device named as a
// source is refused before it is opened, in one line naming it and its
// kind.
func TestLoadSpecialFiles(t *testing.T) {
	for kind, path := range regfiletest.Make(t, t.TempDir(), "", ".txt") {
		t.Run(kind, func(t *testing.T) {
			docs := loadQuickly(t, path, Options{})
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			want := path + ": not a regular file (" + kind + ")"
			if err := docs[0].Err; !errors.Is(err, regfile.ErrNotRegular) || err.Error() != want {
				t.Errorf("error %v, want %q", err, want)
			}
		})
	}
}

// TestLoadFolderWithSpecialFiles: in a folder, a special file with a
// page's name is reported and the pages beside it still load; one without
// an extension is passed over, as a binary file without one is.
func TestLoadFolderWithSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(goodDump), 0o600); err != nil {
		t.Fatal(err)
	}
	named := regfiletest.Make(t, dir, "", ".html")
	regfiletest.Make(t, dir, "bare", "")
	docs := loadQuickly(t, dir, Options{})
	if len(docs) != 1+len(named) {
		t.Fatalf("%d documents, want %d: %v", len(docs), 1+len(named), docs)
	}
	var loaded int
	for _, d := range docs {
		if d.Err == nil {
			loaded++
			continue
		}
		if !errors.Is(d.Err, regfile.ErrNotRegular) {
			t.Errorf("%s: %v, want not a regular file", d.Source, d.Err)
		}
	}
	if loaded != 1 {
		t.Errorf("%d pages loaded, want 1", loaded)
	}
}

// blockedReader never returns from Read, like a terminal nobody types at.
type blockedReader struct{ unblock chan struct{} }

func (r blockedReader) Read([]byte) (int, error) {
	<-r.unblock
	return 0, io.EOF
}

// TestLoadBlockedStdin: standard input that never ends still lets Load
// return when its context ends.
func TestLoadBlockedStdin(t *testing.T) {
	r := blockedReader{make(chan struct{})}
	defer close(r.unblock)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Load(ctx, "-", Options{Stdin: r})[0].Err }()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Load of silent standard input: %v, want the context's deadline", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on standard input past its context")
	}
}
