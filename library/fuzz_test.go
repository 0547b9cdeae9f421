package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzReadEntry feeds arbitrary file contents to the entry reader: it must
// never panic, and must call every file it refuses corrupt.
func FuzzReadEntry(f *testing.F) {
	dir := f.TempDir()
	l, err := Open(dir)
	if err != nil {
		f.Fatal(err)
	}
	e, err := l.Save(testPage("https://example.org/seed", time.Unix(1e9, 0), "<p>seed</p>"))
	if err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(e.Path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)-3])
	f.Add([]byte(magic + "{}\n"))
	f.Add([]byte(magic + `{"url":"x","size":-1,"sha256":"` + strings.Repeat("a", 64) + "\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "x.page")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		e, err := readEntry(path)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("readEntry: %v is not ErrCorrupt", err)
			}
			return
		}
		p, err := readPage(path)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("readPage: %v is not ErrCorrupt", err)
			}
			return
		}
		if int64(len(p.Body)) != e.Size || p.URL != e.URL {
			t.Fatalf("page %q of %d bytes, entry says %q of %d", p.URL, len(p.Body), e.URL, e.Size)
		}
	})
}

// FuzzFileName checks that any URL gives a safe, bounded file name.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{"https://example.org/a?b=c#d", "../../x", "", "http://[::1]:80/", "\x00/\\:*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		name := fileName(key(u))
		if !safeName.MatchString(name) || len(name) > maxSlug+24 {
			t.Fatalf("URL %q gives name %q", u, name)
		}
	})
}
