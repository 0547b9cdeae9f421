// Package sample holds the built-in sample edition that tread shows when it
// is started without a source: a welcome story with related stories that
// explain the keys, and a few pages of its own on a reserved host
// (Host, which can never resolve) that tread serves from here, through
// the loader a URL takes but before any library or network, so that
// walking to a related story, following a numbered link and reloading all
// work with no network at all.
package sample

import (
	"net/url"
	"strings"
	"time"

	"github.com/tread-reader/tread/story"
)

// Source is the name the sample edition is listed under.
const Source = "sample edition"

// Host is the sample's own web host. ".invalid" is reserved (RFC 2606):
// no such host exists, so its pages can only come from here.
const Host = "sample.tread.invalid"

// Site is the publisher the sample's stories give.
const Site = "tread sample edition"

// URL is the address of the sample page at path ("/walking").
func URL(path string) string { return "https://" + Host + path }

// Edition is the sample edition, its ages counted back from now.
func Edition(now time.Time) story.Document {
	return story.Document{Source: Source, Stories: []story.Story{dated(welcome(), now)}}
}

// Page returns the sample's page at u, a URL on Host, and whether there
// is one: a URL on Host that is not a page is a document with an error,
// as a missing page on a web server would be. Any other URL is not the
// sample's (ok false).
func Page(u string, now time.Time) (doc story.Document, ok bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || !strings.EqualFold(p.Hostname(), Host) || (p.Scheme != "https" && p.Scheme != "http") {
		return story.Document{}, false
	}
	build, found := pages[strings.TrimSuffix(p.Path, "/")]
	if !found {
		return story.Document{Source: u, Err: errNoPage}, true
	}
	st := build()
	st.URL = URL(p.Path)
	return story.Document{Source: u, Stories: []story.Story{dated(st, now)}}, true
}

type pageError string

func (e pageError) Error() string { return string(e) }

// errNoPage is a sample address with no page behind it.
const errNoPage = pageError("the sample edition has no page at this address")

// ages are the sample stories' ages as printed, by title; When is counted
// back from now by the same amount so that the ages grow as a real
// page's do.
var ages = map[string]time.Duration{
	"1 minute ago": time.Minute, "2 minutes ago": 2 * time.Minute,
	"3 minutes ago": 3 * time.Minute, "4 minutes ago": 4 * time.Minute,
	"5 minutes ago": 5 * time.Minute,
}

func dated(st story.Story, now time.Time) story.Story {
	if d, ok := ages[st.Age]; ok {
		st.When = now.Add(-d)
	}
	for i, r := range st.Related {
		st.Related[i] = dated(r, now)
	}
	return st
}

// para, code and image make body blocks.
func para(text string) story.Block { return story.Block{Kind: story.Paragraph, Text: text} }

// linked is a paragraph of runs and links (story.Run, story.LinkTo).
func linked(kids ...story.Inline) story.Block {
	return story.NewBlock(story.Paragraph, kids...)
}

func code(lang, text string) story.Block { return story.Block{Kind: story.Code, Text: text, URL: lang} }

func image(alt, path string) story.Block {
	return story.Block{Kind: story.Image, Text: alt, URL: URL(path)}
}
