//go:build unix

package feed

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadBlockedPipe: opening a named pipe nobody writes to blocks in the
// kernel, for root too; Load must still return when its context ends.
func TestLoadBlockedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Let the reader left behind finish: open the write end and close it.
	t.Cleanup(func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			if err := f.Close(); err != nil {
				t.Log(err)
			}
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		docs := Load(ctx, fifo, Options{})
		done <- docs[0].Err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Load of a silent pipe: %v, want the context's deadline", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a pipe past its context")
	}
}

// TestLoadPipe: a pipe with a writer (a shell's <(command)) is read like a
// file.
func TestLoadPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		if err := os.WriteFile(fifo, []byte(goodDump), 0); err != nil {
			t.Error(err)
		}
	}()
	doc := loadOne(t, fifo, Options{})
	if doc.Err != nil {
		t.Fatal(doc.Err)
	}
	checkStories(t, doc.Stories, []want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1}})
}
