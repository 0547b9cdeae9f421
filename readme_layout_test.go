package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMELayoutTable keeps the README's table of packages true: every
// package of the module is in it (a package's own internal helpers and
// test-only helper packages aside).
func TestREADMELayoutTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(readme), "\n## Layout of the code\n")
	if !ok {
		t.Fatal("README.md has no Layout of the code section")
	}
	table, _, _ = strings.Cut(table, "\n## ")
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() || path == "." {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") || name == "testdata" || path == "bench" {
			return filepath.SkipDir
		}
		if strings.Contains(path, "/internal/") || strings.HasSuffix(name, "test") {
			return nil
		}
		files, err := filepath.Glob(filepath.Join(path, "*.go"))
		if err != nil {
			return err
		}
		for _, f := range files {
			if !strings.HasSuffix(f, "_test.go") {
				if !strings.Contains(table, "| `"+filepath.ToSlash(path)+"` |") {
					t.Errorf("README's table of packages lacks %s", path)
				}
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
