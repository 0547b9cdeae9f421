// Package story holds tread's domain types: the stories a source yields and
// the blocks their bodies are made of. It has no dependencies so that every
// other package (feed, extract, render, ui) can share one vocabulary.
package story

import (
	"strings"
	"time"
)

// Kind says what a body block is.
type Kind int

// Block kinds. Text-like kinds carry their words in Block.Text; List and
// Table carry structure in Block.Items / Block.Rows as well.
const (
	Paragraph Kind = iota
	Heading
	Caption
	Quote
	List
	Code
	Image
	Table
	Embed // the text of an embedded post (tweet, Instagram caption…)
	Media // a video or audio embed: Text says what it is ("Video: <title>"), URL where it plays
)

// Block is one piece of a story body.
//
// Text is always the plain text (no markdown syntax, no link targets); it is
// what --json prints and what extraction is scored on. The structure beside
// it says how the block reads: Inline (paragraphs, headings, captions),
// ListItems, Cells and Blocks (a quote's paragraphs) carry emphasis, code and
// links as data, never as markup, so that render alone writes markdown and no
// page text can become markdown syntax. A block without structure (a page
// dump's) is rendered from Text.
type Block struct {
	Kind    Kind
	Text    string
	Level   int        // Heading: 1-6
	Items   []string   // List: plain text of each item
	Ordered bool       // List: numbered
	Rows    [][]string // Table: cells, the first row is the header
	URL     string     // Image: source; Code: language hint; Embed: the post. An Image's Text is its alt text

	Inline    Inline     // Paragraph, Heading, Caption: the content with its emphasis and links
	ListItems []ListItem // List: each item with its nesting, parallel to Items
	Cells     [][]Inline // Table: each cell's content, parallel to Rows
	Blocks    []Block    // Quote, Embed: the paragraphs (lists…) inside it
	Links     []Link     // the links Inline, ListItems and Cells refer to
}

// Link is a hyperlink a body's <a> element made: its text as plain text
// and its URL as the page gave it (resolved against the page). A picture's
// address is its Image block's URL.
type Link struct {
	Text string
	URL  string
}

// Story is one article: a main story, or a related item of one.
type Story struct {
	Title       string
	Site        string // publisher
	Byline      string
	Published   time.Time // zero when unknown
	Age         string    // relative age as printed, e.g. "8 hours ago"
	URL         string
	Image       string // lead image URL
	Description string
	Body        []Block
	Related     []Story // one level deep: related items have no Related
	// Partial marks a best-effort story (a page with no clear article),
	// or, with Summary, a feed item that carries only a summary.
	Partial bool
	// Summary marks a Partial story whose body is a feed's summary of
	// the article at URL, rather than a guess at a page.
	Summary bool
	// When is the story's time as best known, for showing its age as it
	// grows and for sorting: Published, or Age counted back from when its
	// file was saved. Zero when unknown. --json keeps Published and Age
	// as the source gave them.
	When time.Time
}

// Document is what one source (a file, a page, a URL) yields.
type Document struct {
	Source  string // the source as the user gave it
	Stories []Story
	Err     error // set when the source could not be read; Stories may be empty
}

// Text is the body as plain text: blocks separated by one blank line. An
// image's alt text describes a picture, not the story, so it is left out,
// and so is the title of an embedded video or recording.
func (s Story) Text() string {
	parts := make([]string, 0, len(s.Body))
	for _, b := range s.Body {
		if b.Kind == Image || b.Kind == Media {
			continue
		}
		t := b.Text
		if t == "" && b.Kind == List {
			t = strings.Join(b.Items, "\n")
		}
		if t = strings.TrimSpace(t); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

// PublishedString is Published as RFC 3339, or "" when unknown.
func (s Story) PublishedString() string {
	if s.Published.IsZero() {
		return ""
	}
	return s.Published.Format(time.RFC3339)
}
