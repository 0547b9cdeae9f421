package syndication

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// parseItems bounds how many items of an XML feed reach the parser. gofeed
// builds about 17 KB of structure per item however small the item, so a
// 20 MB feed of tiny items would cost gigabytes; a feed longer than that
// keeps its first and its last keepEach items (feeds list newest first or,
// more rarely, oldest first: either way the newest are kept), cut out of
// the document whole, so what is left is as well formed as the feed was.
const keepEach = MaxItems

// itemSpan is where one item or entry element lies in the document.
type itemSpan struct{ start, end int64 }

// boundItems returns doc with the items past the first and last keepEach
// cut out, and whether it cut any. A document the scanner cannot read to
// its end is returned whole: the lenient parser behind it decides.
func boundItems(doc []byte) ([]byte, bool) {
	// Cheap test first: a document with few item tags is left alone.
	if bytes.Count(doc, []byte("<item"))+bytes.Count(doc, []byte("<entry")) <= 2*keepEach {
		return doc, false
	}
	spans, ok := itemSpans(doc)
	if !ok || len(spans) <= 2*keepEach {
		return doc, false
	}
	first, last := spans[keepEach-1], spans[len(spans)-keepEach]
	out := make([]byte, 0, first.end+int64(len(doc))-last.start)
	out = append(out, doc[:first.end]...)
	out = append(out, doc[last.start:]...)
	return out, true
}

// itemSpans finds the item (RSS) and entry (Atom) elements that are
// children of the channel, the RDF root or the Atom feed, in order.
func itemSpans(doc []byte) ([]itemSpan, bool) {
	d := feedDecoder(doc)
	var spans []itemSpan
	var stack []string
	open := int64(-1) // start of the item being read
	for {
		before := d.InputOffset()
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return spans, open < 0
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if open < 0 && (name == "item" || name == "entry") && itemParent(stack) {
				open = before
			}
			stack = append(stack, name)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, false
			}
			stack = stack[:len(stack)-1]
			name := strings.ToLower(t.Name.Local)
			if open >= 0 && (name == "item" || name == "entry") && itemParent(stack) {
				spans = append(spans, itemSpan{open, d.InputOffset()})
				open = -1
			}
		}
	}
}

// itemParent reports whether an element whose ancestors are stack is a
// feed's item: under rss/channel, rdf:RDF (or its channel), or feed.
func itemParent(stack []string) bool {
	if len(stack) == 0 {
		return false
	}
	switch stack[len(stack)-1] {
	case "channel", "rdf", "feed":
		return true
	}
	return false
}
