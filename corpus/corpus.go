// Package corpus reads the shared reference corpus (../shared/corpus beside
// the checkout) and scores tread's output against it exactly as the corpus
// README defines each measure. Tests and the bench module use it; the app
// does not.
package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Dir finds the corpus folder: $TREAD_CORPUS when set, else shared/corpus in
// the working directory or any folder above it.
func Dir() (string, error) {
	if d := os.Getenv("TREAD_CORPUS"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		c := filepath.Join(d, "shared", "corpus")
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			return c, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("shared/corpus not found above " + wd + " (set TREAD_CORPUS)")
		}
	}
}

// Skipper is the part of testing.TB that Require needs.
type Skipper interface {
	Helper()
	Skipf(format string, args ...any)
}

// Require returns the corpus folder or skips the test with a clear message.
func Require(t Skipper) string {
	t.Helper()
	d, err := Dir()
	if err != nil {
		t.Skipf("reference corpus absent, skipping: %v", err)
	}
	return d
}

// Page is one saved HTML page of a corpus split.
type Page struct {
	ID   string
	URL  string
	Path string // html/<id>.html.gz
}

// HTML reads and gunzips the page.
func (p Page) HTML() ([]byte, error) {
	raw, err := os.ReadFile(p.Path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", p.Path, err)
	}
	return io.ReadAll(zr)
}

// AEBPage is an aeb-dev page with its ground-truth body.
type AEBPage struct {
	Page
	Body string
}

// AEB loads the aeb-dev split, sorted by id.
func AEB(dir string) ([]AEBPage, error) {
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "aeb-dev", "ground-truth.json"), &gt); err != nil {
		return nil, err
	}
	var out []AEBPage
	for id, v := range gt {
		out = append(out, AEBPage{Page: page(dir, "aeb-dev", id, v.URL), Body: v.ArticleBody})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// WCXBPage is a wcxb-dev page with its ground truth.
type WCXBPage struct {
	Page
	Title       string
	Author      string
	PublishDate string // YYYY-MM-DD or ""
	Body        string
}

// WCXB loads the wcxb-dev split, sorted by id.
func WCXB(dir string) ([]WCXBPage, error) {
	var gt map[string]struct {
		URL         string `json:"url"`
		Title       string `json:"title"`
		Author      string `json:"author"`
		PublishDate string `json:"publish_date"`
		MainContent string `json:"main_content"`
	}
	if err := readJSON(filepath.Join(dir, "wcxb-dev", "ground-truth.json"), &gt); err != nil {
		return nil, err
	}
	var out []WCXBPage
	for id, v := range gt {
		out = append(out, WCXBPage{
			Page:  page(dir, "wcxb-dev", id, v.URL),
			Title: v.Title, Author: v.Author, PublishDate: v.PublishDate, Body: v.MainContent,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// RelatedLink is a hand-labelled related link.
type RelatedLink struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Tier  string `json:"tier"` // "related" or "more"
	Block string `json:"block"`
}

// RelatedPage is an aeb-dev page with its labelled related links.
type RelatedPage struct {
	Page
	Links []RelatedLink
	Note  string
}

// Related loads aeb-dev/related.json, sorted by id.
func Related(dir string) ([]RelatedPage, error) {
	var gt map[string]struct {
		URL   string        `json:"url"`
		Links []RelatedLink `json:"links"`
		Note  string        `json:"note"`
	}
	if err := readJSON(filepath.Join(dir, "aeb-dev", "related.json"), &gt); err != nil {
		return nil, err
	}
	var out []RelatedPage
	for id, v := range gt {
		out = append(out, RelatedPage{Page: page(dir, "aeb-dev", id, v.URL), Links: v.Links, Note: v.Note})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func page(dir, split, id, url string) Page {
	return Page{ID: id, URL: url, Path: filepath.Join(dir, split, "html", id+".html.gz")}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// All loads the pages of both splits, aeb-dev then wcxb-dev, for checks
// that hold on every page whatever its ground truth.
func All(dir string) ([]Page, error) {
	a, err := AEB(dir)
	if err != nil {
		return nil, err
	}
	w, err := WCXB(dir)
	if err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(a)+len(w))
	for _, p := range a {
		pages = append(pages, p.Page)
	}
	for _, p := range w {
		pages = append(pages, p.Page)
	}
	return pages, nil
}
