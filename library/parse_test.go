package library

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"
)

// TestParseEntry reads an entry file's bytes as Read reads the file, and
// refuses the same damage.
func TestParseEntry(t *testing.T) {
	l, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e, err := l.Save(testPage("https://example.com/a", time.Now(), "<p>hello</p>"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(e.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !IsEntry(data) || IsEntry([]byte("<html>")) {
		t.Error("IsEntry does not tell an entry from a page")
	}
	want, err := l.Read(e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseEntry(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.URL != want.URL || !bytes.Equal(got.Body, want.Body) || !got.Fetched.Equal(want.Fetched) {
		t.Errorf("ParseEntry = %+v, want %+v", got, want)
	}
	for name, bad := range map[string][]byte{
		"cut short":     data[:len(data)-3],
		"flipped byte":  append(append([]byte(nil), data[:len(data)-1]...), data[len(data)-1]^1),
		"no header":     []byte("<p>hello</p>"),
		"header only":   []byte(magic + "{}\n"),
		"trailing junk": append(append([]byte(nil), data...), 'x'),
	} {
		if _, err := ParseEntry(bad); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", name, err)
		}
	}
}
