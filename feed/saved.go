package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// ErrSavedPage: a file that claims to be a library page (a .page file, or
// one that opens with the library's first line) is not a whole one.
var ErrSavedPage = errors.New("damaged saved page")

// savedMagic opens every library entry file; the library package keeps its
// reader to itself, so feed reads the same layout here: this line, one line
// of JSON, then the body exactly as received.
const savedMagic = "tread-page 1\n"

// savedExt names library entry files.
const savedExt = ".page"

// maxSavedHeader bounds the JSON line, as the library does.
const maxSavedHeader = 64 << 10

type savedHeader struct {
	URL         string      `json:"url"`
	Requested   string      `json:"requested,omitempty"`
	Status      int         `json:"status"`
	ContentType string      `json:"content_type"`
	Charset     string      `json:"charset,omitempty"`
	Header      http.Header `json:"header,omitempty"`
	Fetched     time.Time   `json:"fetched"`
	Size        int64       `json:"size"`
	SHA256      string      `json:"sha256"`
}

// isSavedPage reports whether a file read as name holding data is a library
// entry, by its extension or its first line.
func isSavedPage(name string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(name), savedExt) || bytes.HasPrefix(data, []byte(savedMagic))
}

// parseSaved reads a library entry's bytes into the page it saved, checked
// against the size and checksum in its header.
func parseSaved(data []byte) (fetch.Page, error) {
	rest, ok := bytes.CutPrefix(data, []byte(savedMagic))
	if !ok {
		return fetch.Page{}, fmt.Errorf("%w: no tread-page header", ErrSavedPage)
	}
	line, body, ok := bytes.Cut(rest[:min(len(rest), maxSavedHeader+1)], []byte("\n"))
	if !ok {
		return fetch.Page{}, fmt.Errorf("%w: header cut short", ErrSavedPage)
	}
	body = rest[len(line)+1:]
	var h savedHeader
	if err := json.Unmarshal(line, &h); err != nil {
		return fetch.Page{}, fmt.Errorf("%w: header: %w", ErrSavedPage, err)
	}
	if h.URL == "" || h.Size != int64(len(body)) {
		return fetch.Page{}, fmt.Errorf("%w: header does not match the body", ErrSavedPage)
	}
	if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != h.SHA256 {
		return fetch.Page{}, fmt.Errorf("%w: checksum mismatch", ErrSavedPage)
	}
	requested := h.Requested
	if requested == "" {
		requested = h.URL
	}
	return fetch.Page{
		URL: h.URL, Requested: requested, Status: h.Status, ContentType: h.ContentType,
		Charset: h.Charset, Header: h.Header, Body: body, Fetched: h.Fetched,
	}, nil
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
