package fetch

import (
	"context"
	"strings"

	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/syndication"
)

// want is what a fetch can use: the Accept header it sends, the declared
// types it reads the body of, how it settles a vague type from the body,
// and the types it keeps.
type want struct {
	name     string // "a web page", "an image": for TypeError
	kind     error  // the Err* a refused type is
	accept   string
	admits   func(mediaType string) bool
	settle   func(mediaType, charset string, body []byte) (string, string)
	readable func(mediaType string) bool
	// feeds keeps a body that is a syndication feed whatever its type said.
	feeds bool
}

// pageWant is Fetch's: HTML and plain text, XHTML served as XML included,
// and feeds, known by their bytes.
var pageWant = want{
	name:     "a web page",
	kind:     ErrNotHTML,
	accept:   "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
	admits:   func(mt string) bool { return readable(mt) || vague(mt) || isXML(mt) || mayBeFeed(mt) },
	settle:   settlePage,
	readable: readable,
	feeds:    true,
}

// settlePage decides a vague or XML type on the body: a feed keeps its
// declared type (a vague one becomes XML), a vague type takes the sniffed
// one (and its charset), XML that is HTML is XHTML.
func settlePage(mediaType, charset string, body []byte) (string, string) {
	if (vague(mediaType) || isXML(mediaType) || mayBeFeed(mediaType)) && syndication.Is(body) {
		if vague(mediaType) {
			mediaType = "application/xml"
		}
		return mediaType, charset
	}
	if !vague(mediaType) && !isXML(mediaType) {
		return mediaType, charset
	}
	sniffed, sniffedCharset := sniff(body)
	if intake.IsHTML("", "", intake.Text(body[:min(len(body), 1024)], charset)) {
		sniffed = "text/html"
	}
	if vague(mediaType) {
		mediaType = sniffed
		if charset == "" && sniffedCharset != "utf-8" {
			charset = sniffedCharset
		}
	} else if sniffed == "text/html" {
		mediaType = "application/xhtml+xml"
	}
	return mediaType, charset
}

// imageWant is FetchImage's: any image/* type, or a vague one whose bytes
// are an image.
var imageWant = want{
	name:   "an image",
	kind:   ErrNotImage,
	accept: "image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8",
	admits: func(mt string) bool { return isImage(mt) || vague(mt) },
	settle: func(mt, charset string, body []byte) (string, string) {
		if vague(mt) {
			mt, _ = sniff(body)
		}
		return mt, ""
	},
	readable: isImage,
}

func isImage(mt string) bool { return strings.HasPrefix(mt, "image/") }

// FetchImage gets the image at rawURL with Fetch's bounds and errors; a
// response that is not an image fails with ErrNotImage. The body is as
// received: whether it decodes is the caller's to find out.
func FetchImage(ctx context.Context, rawURL string, opts Options) (*Page, error) {
	return get(ctx, rawURL, opts, imageWant)
}
