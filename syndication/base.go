package syndication

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Relative links in a feed are resolved, as RFC 3986 and the XML Base
// recommendation order it, against the nearest xml:base in effect (the
// link's own, its item's, the channel's, the root's), itself resolved
// against the document's base URI: the URL the feed was fetched from; when
// there is none (a feed read from a file), the feed's rel="self" link; else
// its home link. The self link comes after the fetched URL because it is
// only the feed's claim about where it lives, and some feeds get it wrong
// (one in the corpus names the site's root); feedparser, whose reading the
// corpus holds, uses the fetched URL too and never the self link.

// documentBase is the base URI of a feed's document: the first of fetched,
// the feed's self link and its home link that is an absolute web URL.
func documentBase(fetched string, gf *gofeed.Feed) string {
	for _, c := range []string{fetched, gf.FeedLink, gf.Link} {
		if c = strings.TrimSpace(c); isWebURL(c) {
			return c
		}
	}
	return ""
}

// bases are the xml:base values in effect in a feed document, composed
// down from the document's base URI.
type bases struct {
	feed  string   // at the channel (RSS) or the root (Atom, RDF)
	items []string // at each item's or entry's link, in document order
}

// xmlBases reads the xml:base attributes of doc, starting from the
// document's base URI docBase. gofeed resolves xml:base in attributes
// (Atom's <link href>) but not in element text (RSS's <link>), so this
// reads them itself, and only when the document has any: a feed without
// xml:base costs one bytes.Contains. A document that cannot be read to
// its end gives no item bases, only the feed's.
func xmlBases(doc []byte, docBase string) bases {
	b := bases{feed: docBase}
	if !bytes.Contains(doc, []byte("xml:base")) {
		return b
	}
	d := feedDecoder(doc)
	var names, stack []string // element names, and the base in effect in each
	inItem, inLink := false, false
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return b
		}
		if err != nil {
			return bases{feed: b.feed}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			here := docBase
			if len(stack) > 0 {
				here = stack[len(stack)-1]
			}
			if xb := xmlBase(t.Attr); xb != "" {
				here = resolve(here, xb)
			}
			switch {
			case len(names) == 0 || name == "channel" && len(names) == 1:
				b.feed = here
			case !inItem && (name == "item" || name == "entry") && itemParent(names):
				inItem, inLink = true, false
				b.items = append(b.items, here)
			case inItem && !inLink && name == "link" && t.Name.Space == "":
				inLink = true
				b.items[len(b.items)-1] = here
			}
			names, stack = append(names, name), append(stack, here)
		case xml.EndElement:
			if len(names) == 0 {
				return bases{feed: b.feed}
			}
			names, stack = names[:len(names)-1], stack[:len(stack)-1]
			if name := strings.ToLower(t.Name.Local); inItem && (name == "item" || name == "entry") && itemParent(names) {
				inItem = false
			}
		}
	}
}

// xmlBase is the value of an element's xml:base attribute, "" when none.
func xmlBase(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Space == "xml" && a.Name.Local == "base" {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// feedDecoder is a lenient decoder over a document cleanXML made UTF-8.
func feedDecoder(doc []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}
