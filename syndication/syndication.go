// Package syndication reads web feeds — RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0
// and JSON Feed 1.0/1.1 — into feed items and stories. It owns recognising a
// feed by its content, repairing what commonly breaks feeds (a byte-order
// mark or stray bytes before the XML, a wrong or missing encoding, control
// characters), bounding the work on a huge feed, and turning each item into
// a story: absolute link, newest first, body from content or summary. It
// knows nothing of files, the network or subscriptions (package subscribe).
package syndication

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/tread-reader/tread/sanitize"
)

// Limits on the work one Parse does.
const (
	// MaxSize is the largest feed Parse reads, in bytes.
	MaxSize = 20 << 20
	// MaxItems is how many items Parse keeps: the newest, when the feed
	// dates them, else the first in the document.
	MaxItems = 1000
	// maxBody caps the HTML of one item's content read into blocks.
	maxBody = 512 << 10
)

// Errors Parse returns, wrapped with detail; test with errors.Is.
var (
	// ErrNotFeed: the bytes are not RSS, Atom or a JSON Feed.
	ErrNotFeed = errors.New("not a feed")
	// ErrTooLarge: the feed is over MaxSize.
	ErrTooLarge = errors.New("feed larger than 20MB")
	// ErrBroken: the bytes start like a feed but could not be read.
	ErrBroken = errors.New("broken feed")
)

// Feed is one parsed feed.
type Feed struct {
	Format string // "rss", "atom" or "json"
	Title  string
	Link   string // the site's home page, absolute when known
	Items  []Item // newest first, at most MaxItems
	// Truncated says Items were cut to MaxItems.
	Truncated bool
}

// Item is one entry of a feed. Every field is sanitized: no control
// characters or escape sequences.
type Item struct {
	ID        string // guid, Atom id or JSON id; "" when the feed gives none
	Title     string
	Link      string // absolute when the feed or its URL allows
	Author    string
	Published time.Time // published, else updated; zero when unknown
	Content   string    // full content as HTML, "" when none
	Summary   string    // summary or description as HTML, "" when none
}

// Key is what identifies the item across refreshes: its id, else its
// link, else its title and date.
func (it Item) Key() string {
	switch {
	case it.ID != "":
		return "id:" + it.ID
	case it.Link != "":
		return "link:" + it.Link
	}
	return "title:" + it.Title + "|" + it.Published.UTC().Format(time.RFC3339)
}

// Is reports whether data looks like a feed: an XML document whose root is
// <rss>, <rdf:RDF> or <feed>, or a JSON object naming a jsonfeed.org
// version. Only the start of data is read.
func Is(data []byte) bool {
	return sniff(data) != ""
}

// Parse reads a feed. feedURL, when known, is the base for relative links
// (after any xml:base in the feed). A document that is not a feed is
// ErrNotFeed; one that starts as a feed but cannot be read is ErrBroken.
func Parse(data []byte, feedURL string) (*Feed, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, len(data))
	}
	kind := sniff(data)
	if kind == "" {
		return nil, ErrNotFeed
	}
	var doc []byte
	cut := false
	if kind == "json" {
		doc = []byte(sanitize.Text(string(bytes.TrimPrefix(data, bom))))
	} else {
		doc, cut = boundItems(cleanXML(data))
	}
	gf, err := parseGuarded(doc)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrBroken, firstLine(err.Error()))
	}
	docBase := documentBase(feedURL, gf)
	b := bases{feed: docBase}
	if kind != "json" {
		b = xmlBases(doc, docBase)
	}
	f := convert(gf, kind, b)
	f.Truncated = f.Truncated || cut
	return f, nil
}

// parseGuarded runs gofeed, turning a panic in it into an error: one bad
// feed must not take tread down.
func parseGuarded(doc []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parser failed: %v", r)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err == nil && f == nil {
		err = errors.New("no feed in document")
	}
	return f, err
}

// convert turns gofeed's reading into a Feed, newest first and bounded.
// Relative links are resolved against b (see base.go): each item against
// its own base when the document's xml:base scan found one per item, else
// against the feed's.
func convert(gf *gofeed.Feed, kind string, b bases) *Feed {
	f := &Feed{Format: kind, Title: plainTitle(gf.Title), Link: resolve(b.feed, strings.TrimSpace(gf.Link))}
	items := gf.Items
	perItem := len(b.items) == len(items)
	f.Items = make([]Item, 0, min(len(items), MaxItems))
	for i, gi := range items {
		if gi == nil {
			continue
		}
		base := b.feed
		if perItem {
			base = b.items[i]
		}
		f.Items = append(f.Items, convertItem(gi, base))
	}
	// Newest first; undated items keep their place after the dated ones.
	slices.SortStableFunc(f.Items, func(a, b Item) int {
		switch {
		case a.Published.IsZero() && b.Published.IsZero():
			return 0
		case a.Published.IsZero():
			return 1
		case b.Published.IsZero():
			return -1
		}
		return b.Published.Compare(a.Published)
	})
	if len(f.Items) > MaxItems {
		f.Items, f.Truncated = f.Items[:MaxItems], true
	}
	return f
}

func convertItem(gi *gofeed.Item, base string) Item {
	it := Item{
		ID:      sanitize.Line(gi.GUID),
		Title:   plainTitle(gi.Title),
		Link:    resolve(base, itemLink(gi)),
		Author:  author(gi),
		Content: capHTML(gi.Content),
		Summary: capHTML(gi.Description),
	}
	it.Published = itemDate(gi)
	return it
}

// itemLink is the item's link, or its guid when that is a web address (a
// permalink guid stands in for a missing <link>).
func itemLink(gi *gofeed.Item) string {
	if l := strings.TrimSpace(gi.Link); l != "" {
		return l
	}
	for _, l := range gi.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	if l := extensionLink(gi); l != "" {
		return l
	}
	if g := strings.TrimSpace(gi.GUID); isWebURL(g) {
		return g
	}
	return ""
}

func author(gi *gofeed.Item) string {
	for _, p := range append([]*gofeed.Person{gi.Author}, gi.Authors...) {
		if p == nil {
			continue
		}
		if n := sanitize.Line(p.Name); n != "" {
			return n
		}
		if e := sanitize.Line(p.Email); e != "" {
			return e
		}
	}
	if gi.DublinCoreExt != nil {
		for _, c := range gi.DublinCoreExt.Creator {
			if c = sanitize.Line(c); c != "" {
				return c
			}
		}
	}
	return ""
}

func capHTML(s string) string {
	if len(s) > maxBody {
		s = s[:maxBody]
	}
	return sanitize.Text(s)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return sanitize.Line(s)
}

// extensionLink is an Atom <link href> inside an RSS item (as .NET's
// syndication writer puts it, under any prefix): the alternate link, or
// one with no rel.
func extensionLink(gi *gofeed.Item) string {
	for _, byName := range gi.Extensions {
		for _, e := range byName["link"] {
			if rel := e.Attrs["rel"]; rel == "" || rel == "alternate" {
				if h := strings.TrimSpace(e.Attrs["href"]); h != "" {
					return h
				}
			}
		}
	}
	return ""
}
