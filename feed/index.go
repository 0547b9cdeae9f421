package feed

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// ReadPage reads a fetched or saved page into its stories, as a URL
// source reads it. The library indexes pages with it.
func ReadPage(page fetch.Page) ([]story.Story, error) {
	doc := pageDocument(page.URL, page)
	return doc.Stories, doc.Err
}

// LocalPage is a local file's bytes as a page to keep in the library, as
// they are: an HTML page under the canonical URL it names, else under its
// absolute path; anything else as text (a page dump).
func LocalPage(path string, data []byte, modTime time.Time) fetch.Page {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	page := fetch.Page{URL: abs, Requested: abs, Status: 200, ContentType: "text/plain", Body: data, Fetched: modTime}
	if intake.IsHTML(path, "", intake.Text(data[:min(len(data), sniffBytes)], "")) {
		page.ContentType = "text/html"
		if s, err := extract.Page(data, ""); err == nil && IsURL(s.URL) {
			page.URL, page.Requested = strings.TrimSpace(s.URL), strings.TrimSpace(s.URL)
		}
	}
	return page
}

// IsPageFile reports whether a file found in a folder is one to read as a
// page by its name: a page dump, an HTML page or a library entry.
func IsPageFile(name string, fi os.FileInfo) bool {
	if !fi.Mode().IsRegular() {
		return false
	}
	read, sniff := pageLike(name)
	return read && !sniff
}
