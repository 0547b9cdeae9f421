package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/tread-reader/tread/story"
)

// maxSameName bounds the numbered names tried for one title.
const maxSameName = 1000

// Writer writes markdown files into one folder. Within one Writer every
// story gets a file of its own; a file already in the folder is never
// overwritten, but one with exactly the same text is taken as the story's
// (exporting again adds nothing). A Writer is not safe for concurrent use.
type Writer struct {
	dir   string
	taken map[string]bool // names given out by this Writer
}

// NewWriter makes the folder dir if needed and returns a Writer for it.
func NewWriter(dir string) (*Writer, error) {
	if dir == "" {
		return nil, errors.New("export: no folder given")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return &Writer{dir: dir, taken: map[string]bool{}}, nil
}

// Write stores s as NAME.md, NAME from its title, numbered NAME-2.md and
// so on when the name is in use, and returns the file's path. The file
// appears whole or not at all.
func (w *Writer) Write(s story.Story, saved time.Time) (string, error) {
	data := Markdown(s, saved)
	stem := Name(s.Title)
	var tmp string
	defer func() {
		if tmp != "" {
			// The temp file is linked under its name by now, or given up
			// on; one that cannot be removed is hidden by its dot.
			os.Remove(tmp)
		}
	}()
	for n := 1; n <= maxSameName; n++ {
		name := stem + ".md"
		if n > 1 {
			name = stem + "-" + strconv.Itoa(n) + ".md"
		}
		if w.taken[name] {
			continue
		}
		path := filepath.Join(w.dir, name)
		old, err := os.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(old, data):
			w.taken[name] = true
			return path, nil
		case err == nil:
			continue // another story's, or an older version: keep it
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("export %s: %w", path, err)
		}
		if tmp == "" {
			if tmp, err = writeTemp(w.dir, data); err != nil {
				return "", fmt.Errorf("export %s: %w", path, err)
			}
		}
		err = publish(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			continue // someone took the name since we looked
		}
		if err != nil {
			return "", fmt.Errorf("export %s: %w", path, err)
		}
		w.taken[name] = true
		if err := syncDir(w.dir); err != nil {
			return "", fmt.Errorf("export %s: %w", path, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("export %q: more than %d files named %s-N.md", s.Title, maxSameName, stem)
}

// writeTemp writes data to a new hidden file in dir and flushes it to disk.
func writeTemp(dir string, data []byte) (name string, err error) {
	f, err := os.CreateTemp(dir, ".tread-export-*.md")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Chmod(0o644); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// publish gives the finished temp file its name without replacing a file
// that has it: a hard link fails when the name exists, where a rename would
// not. File systems without hard links get a rename, checked just before.
func publish(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, path)
}

// syncDir flushes a folder, so that a new name survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil {
		d.Close()
		return err
	}
	return d.Close()
}
