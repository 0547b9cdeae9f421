// Package bench compares tread's HTML extractor with the Go libraries a user
// would otherwise pick (readeck go-readability v2, go-trafilatura) and with the
// floor of parsing the page with golang.org/x/net/html alone. It lives in its
// own module so the app never depends on the libraries it is compared with.
//
// Every extractor gets the page's raw bytes and its URL, exactly as a caller
// would hand them over: each one decodes the bytes its own way (tread with
// golang.org/x/net/html/charset, both libraries with chardet detection plus
// NFC normalisation through go-shiori/dom.Parse), so decoding is part of
// what is timed for all of them.
package bench

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/tread-reader/tread/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// Result is what one extractor made of one page, reduced to the fields the
// corpus scores.
type Result struct {
	Text      string // plain-text body: no link targets, no markup
	Title     string
	Byline    string
	Published time.Time
	Related   []string // URLs of the related stories, for extractors that find them

	// text, when set, computes Text outside the timed work (the floor's
	// full-page text is a quality reference, not part of "parsing alone").
	text func() string
}

// BodyText is the plain-text body to score.
func (r Result) BodyText() string {
	if r.text != nil {
		return r.text()
	}
	return r.Text
}

// Extractor is one contender.
type Extractor struct {
	Name string
	// Meta says whether the extractor reports headline, byline and date;
	// the floor does not, and its metadata columns stay empty.
	Meta bool
	// Related says whether it lists a page's related stories.
	Related bool
	// Floor marks the parse-only reference: its text is the whole page's.
	Floor   bool
	Extract func(data []byte, pageURL string) (Result, error)
}

// Run extracts one page and turns a panic into an error, so one bad page
// cannot take the comparison down with it.
func (e Extractor) Run(data []byte, pageURL string) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s panicked: %v", e.Name, p)
		}
	}()
	return e.Extract(data, pageURL)
}

// Extractors lists the contenders in table order.
func Extractors() []Extractor {
	return []Extractor{
		{Name: "tread", Meta: true, Related: true, Extract: treadExtract},
		{Name: "readeck", Meta: true, Extract: readeckExtract},
		{Name: "readeck-rawparse", Meta: true, Extract: readeckRawExtract},
		{Name: "trafilatura", Meta: true, Extract: trafilaturaExtract(true)},
		{Name: "trafilatura-nofb", Meta: true, Extract: trafilaturaExtract(false)},
		{Name: "html.Parse", Floor: true, Extract: floorExtract},
		{Name: "charset+html.Parse", Floor: true, Extract: floorCharsetExtract},
	}
}

// Select returns the extractors whose names are listed (comma-separated), or
// all of them for "" or "all".
func Select(names string) ([]Extractor, error) {
	all := Extractors()
	if names == "" || names == "all" {
		return all, nil
	}
	var out []Extractor
	for _, n := range strings.Split(names, ",") {
		n = strings.TrimSpace(n)
		found := false
		for _, e := range all {
			if e.Name == n {
				out = append(out, e)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown extractor %q", n)
		}
	}
	return out, nil
}

func treadExtract(data []byte, pageURL string) (Result, error) {
	s, err := extract.Page(data, pageURL)
	if err != nil {
		return Result{}, fmt.Errorf("tread: %w", err)
	}
	rel := make([]string, 0, len(s.Related))
	for _, r := range s.Related {
		rel = append(rel, r.URL)
	}
	return Result{Text: s.Text(), Title: s.Title, Byline: s.Byline, Published: s.Published, Related: rel}, nil
}

func readeckExtract(data []byte, pageURL string) (Result, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		return Result{}, fmt.Errorf("readeck: page url: %w", err)
	}
	a, err := readability.FromReader(bytes.NewReader(data), u)
	if err != nil {
		return Result{}, fmt.Errorf("readeck: %w", err)
	}
	return readeckResult(a)
}

// readeckRawExtract skips readeck's own decoding (chardet detection and NFC
// normalisation in go-shiori/dom.Parse) and hands it a tree parsed straight
// from the bytes: readeck at its cheapest, so the time bar is not won on
// decoding alone.
func readeckRawExtract(data []byte, pageURL string) (Result, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		return Result{}, fmt.Errorf("readeck: page url: %w", err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Result{}, fmt.Errorf("readeck: parse: %w", err)
	}
	p := readability.NewParser()
	a, err := p.ParseAndMutate(doc, u)
	if err != nil {
		return Result{}, fmt.Errorf("readeck: %w", err)
	}
	return readeckResult(a)
}

func readeckResult(a readability.Article) (Result, error) {
	r := Result{Title: a.Title(), Byline: a.Byline()}
	if a.Node != nil {
		var sb strings.Builder
		if err := a.RenderText(&sb); err != nil {
			return Result{}, fmt.Errorf("readeck: render text: %w", err)
		}
		r.Text = sb.String()
	}
	// A missing or unparsable date is an unknown date, not a failed page.
	if t, err := a.PublishedTime(); err == nil {
		r.Published = t
	}
	return r, nil
}

// trafilaturaExtract runs go-trafilatura with its defaults; fallback adds its
// readability and DOM-distiller candidates, as Python trafilatura does by
// default and as its published benchmark scores were made.
func trafilaturaExtract(fallback bool) func([]byte, string) (Result, error) {
	return func(data []byte, pageURL string) (Result, error) {
		u, err := url.Parse(pageURL)
		if err != nil {
			return Result{}, fmt.Errorf("trafilatura: page url: %w", err)
		}
		res, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{
			OriginalURL:     u,
			EnableFallback:  fallback,
			ExcludeComments: true,
		})
		if err != nil {
			return Result{}, fmt.Errorf("trafilatura: %w", err)
		}
		m := res.Metadata
		return Result{Text: res.ContentText, Title: m.Title, Byline: m.Author, Published: m.Date}, nil
	}
}

// floorExtract only parses; the page text it scores is computed afterwards,
// outside the timed work.
func floorExtract(data []byte, _ string) (Result, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Result{}, fmt.Errorf("x/net/html: %w", err)
	}
	return Result{text: func() string { return pageText(doc) }}, nil
}

// floorCharsetExtract is the floor with decoding: what any extractor that
// honours the page's encoding pays before it looks at the tree. The prescan
// of the first 1024 bytes guesses windows-1252 when a page declares nothing
// there, which would garble the many UTF-8 pages that declare late, so an
// uncertain guess yields to bytes that are valid UTF-8.
func floorCharsetExtract(data []byte, _ string) (Result, error) {
	var r io.Reader = bytes.NewReader(data)
	enc, _, certain := charset.DetermineEncoding(data, "")
	if certain || !utf8.Valid(data) {
		r = transform.NewReader(r, enc.NewDecoder())
	}
	doc, err := html.Parse(r)
	if err != nil {
		return Result{}, fmt.Errorf("x/net/html: %w", err)
	}
	return Result{text: func() string { return pageText(doc) }}, nil
}

// pageText is every text node outside script, style, template and noscript,
// one block element a line: the "full page text" reference.
func pageText(doc *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "template", "noscript", "head":
				return
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article":
				defer sb.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return sb.String()
}
