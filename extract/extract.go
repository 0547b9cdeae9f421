// Package extract turns a saved HTML page into a story: it reads the page
// (decoded by package intake; see Read and Page), its metadata (extract/meta), finds and cleans the article body, turns
// it into blocks with markdown, and collects related links (extract/related).
//
// The body is found by scoring a mirror of the DOM in document order: prose
// paragraphs count for the elements that hold them, link lists and scraps
// count against, elements whose markup names them as chrome (share bars,
// comments, promos, menus) or hides them are left out, and the JSON-LD
// articleBody, where a page has one, marks the paragraphs it contains. The
// best-scoring element is the body; its live content becomes blocks.
//
// Block.Text is the running text of the article: captions and images carry
// their words in their structure only (Block.Inline, set apart under the
// picture), so Story.Text matches what the reference corpora count as the
// body. Emphasis, code and links are kept as data (story.Inline), never as
// markdown: render writes the markdown.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/extract/meta"
	"github.com/tread-reader/tread/extract/related"
	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// MaxSize is the largest page, in bytes, that Page reads.
const MaxSize = intake.MaxSize

// Errors for input that is not a readable page.
var (
	ErrTooLarge = errors.New("page larger than 20 MiB")
	ErrEmpty    = errors.New("page is empty")
	ErrNotHTML  = errors.New("not an html page")
)

// Page extracts the story from an HTML page, as Read does, after checking
// and decoding it (see package intake). pageURL, when known, resolves
// relative links; otherwise the page's <base> or canonical URL does.
//
// A page with no clear article (a home page, an error page) yields a
// best-effort story with Partial set. Input that is not HTML, is empty or
// is larger than MaxSize is an error.
func Page(data []byte, pageURL string) (story.Story, error) {
	return PageWithContentType(data, pageURL, "")
}

// PageWithContentType is Page for a page fetched over HTTP: the charset in
// its Content-Type header, when there is one, is trusted after the
// byte-order mark and before the page's own <meta charset>.
func PageWithContentType(data []byte, pageURL, contentType string) (story.Story, error) {
	if len(data) > MaxSize {
		return story.Story{}, fmt.Errorf("%w (%d bytes)", ErrTooLarge, len(data))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return story.Story{}, ErrEmpty
	}
	text := intake.HTML(data, intake.ContentTypeCharset(contentType))
	head := string(text[:min(len(text), 8<<10)])
	if intake.IsBinary(head) || !intake.IsHTML("", "text/html", head) {
		return story.Story{}, ErrNotHTML
	}
	return Read(text, pageURL)
}

// Read extracts the story from an HTML page already decoded to UTF-8, as
// package feed hands it over once it has decided the page's size, kind and
// encoding. The work is bounded whatever the page: past maxTokens
// tokens the page is left unread, and the body is cut at maxBlocks blocks
// or maxBodyBytes bytes, ending in a line that says so.
func Read(text []byte, pageURL string) (story.Story, error) {
	text, cut := cutAtTokens(text, maxTokens)
	root, err := parse(text)
	if err != nil {
		return story.Story{}, err
	}
	s := fromDocument(root, pageURL)
	reason := ""
	if cut {
		reason = cutTokens
	}
	boundBody(&s, reason)
	return s, nil
}

func fromDocument(root *html.Node, pageURL string) story.Story {
	doc := goquery.NewDocumentFromNode(root)
	m := readMeta(doc, pageURL)
	s, body := fromMeta(root, m, pageURL)
	if body != nil {
		s.Related = findRelated(doc, body, pageURL)
	}
	return s
}

// fromMeta builds the story from the page's metadata and its body, and
// returns the element the body was taken from (nil when there is none).
func fromMeta(root *html.Node, m meta.Meta, pageURL string) (story.Story, *html.Node) {
	s := story.Story{
		Title:       m.Title,
		Site:        m.Site,
		Byline:      m.Byline,
		Published:   m.Published,
		URL:         m.URL,
		Image:       m.Image,
		Description: m.Description,
	}
	t := buildTree(root)
	t.urls = newResolver(baseHref(root), pageURL, m.URL)
	if s.URL == "" {
		s.URL = t.urls.resolve(pageURL)
	}
	if len(t.nodes) == 0 {
		s.Partial = true
		return s, nil
	}
	best := t.body(m.ArticleBody)
	e := emitter{t: t}
	e.children(best)
	e.flush()

	if s.Title == "" {
		s.Title = fallbackTitle(t)
	}
	s.Body = tidy(e.blocks, s.Title, s.Byline)
	s.Partial = t.Truncated || unsure(t.nodes[best].good, t.nodes[0].good, s.Body)
	return s, t.Node[best]
}

// body scores the tree, marks its chrome dead and returns the element that
// holds the article; articleBody is the JSON-LD text of it, if any.
func (t *tree) body(articleBody string) int32 {
	if articleBody != "" {
		t.matchArticleBody(articleBody)
	}
	t.markTeasers()
	t.measure(false)
	t.measure(true)
	best := t.bestRoot()
	t.pruneTail(best)
	return best
}

// unsure reports whether a body is only a best guess. A long one is not; a
// short one still is not when it is at least two paragraphs of prose that
// hold most of the page's prose (a brief news item), while a lone line or
// a scrap of a page made of links is.
func unsure(good, total int32, body []story.Block) bool {
	if good >= minArticle {
		return false
	}
	prose := 0
	for _, b := range body {
		if b.Kind == story.Paragraph && len([]rune(b.Text)) >= minParagraph*2 {
			prose++
		}
	}
	return prose < 2 || good*10 < total*8
}

// readMeta calls the metadata reader, treating a panic in it as a page
// without metadata: one odd page must not take the reader down.
func readMeta(doc *goquery.Document, pageURL string) (m meta.Meta) {
	defer func() {
		if recover() != nil {
			m = meta.Meta{}
		}
	}()
	return meta.Extract(doc, pageURL)
}

// findRelated calls the related-links finder, with the same guard.
func findRelated(doc *goquery.Document, body *html.Node, pageURL string) (out []story.Story) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	return related.Find(doc, doc.FindNodes(body), pageURL)
}

// baseHref finds the page's <base href>.
func baseHref(root *html.Node) string {
	var find func(*html.Node, int) string
	find = func(n *html.Node, depth int) string {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Base:
				return flat.Attr(n, "href")
			case atom.Body:
				return ""
			}
		}
		if depth > 3 {
			return ""
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if h := find(c, depth+1); h != "" {
				return h
			}
		}
		return ""
	}
	return find(root, 0)
}

// fallbackTitle is the first <h1>, for pages whose metadata names none.
func fallbackTitle(t *tree) string {
	for i := range t.nodes {
		if t.nodes[i].tag == atom.H1 && t.nodes[i].chars > 0 {
			var b inline
			e := emitter{t: t}
			e.inlineInto(&b, int32(i))
			return strings.ReplaceAll(b.plain(), "\n", " ")
		}
	}
	return ""
}
