package feed

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
)

// ErrSavedPage: a file that claims to be a library page (a .page file, or
// one that opens with the library's first line) is not a whole one.
var ErrSavedPage = errors.New("damaged saved page")

// savedExt names library entry files.
const savedExt = ".page"

// isSavedPage reports whether a file read as name holding data is a library
// entry, by its extension or its first line.
func isSavedPage(name string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(name), savedExt) || library.IsEntry(data)
}

// parseSaved reads a library entry's bytes into the page it saved, checked
// against the size and checksum in its header.
func parseSaved(data []byte) (fetch.Page, error) {
	page, err := library.ParseEntry(data)
	if err != nil {
		return fetch.Page{}, fmt.Errorf("%w: %w", ErrSavedPage, err)
	}
	return page, nil
}

// savedDocument reads a library entry file as the page it holds, under its
// URL so that relative links resolve.
func savedDocument(source string, data []byte) story.Document {
	page, err := parseSaved(data)
	if err != nil {
		return failed(source, err)
	}
	return pageDocument(source, page)
}

// pageExts are the files a folder walk reads; files without an extension
// are read when they sniff as text (see pageLike).
var pageExts = map[string]bool{
	".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".shtml": true, savedExt: true,
}

// pageLike reports whether a file found in a folder is one to read: a
// page dump, an HTML page or a library entry by its extension. A file
// without one returns sniff, to be read and kept only when it is text.
// Everything else in a folder (data, code, logs) is not a page.
func pageLike(name string) (read, sniff bool) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return true, true
	}
	return pageExts[ext], false
}
