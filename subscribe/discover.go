package subscribe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/syndication"
)

// ErrNoFeed: a page that names no feed of its own.
var ErrNoFeed = errors.New("no feed found: the page is not a feed and links none")

// feedTypes are the media types a page's <link rel="alternate"> names a
// feed with.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/rdf+xml":   true,
}

// Discover finds the feed to follow for rawURL: rawURL itself when it
// serves a feed, else the first feed its page names with
// <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">.
// The feed is fetched and read to be sure of it; its title becomes the
// subscription's.
func Discover(ctx context.Context, rawURL string, opts fetch.Options) (Subscription, error) {
	c := newClient(opts)
	resp, err := c.get(ctx, rawURL, "", "")
	if err != nil {
		return Subscription{}, err
	}
	if resp.status != http.StatusOK {
		return Subscription{}, fmt.Errorf("fetch %s: %s", rawURL, statusText(resp.status))
	}
	feedURL := rawURL
	if resp.permanent {
		feedURL = resp.finalURL
	}
	if !syndication.Is(resp.body) {
		links := alternateFeeds(resp.body, resp.finalURL)
		if len(links) == 0 {
			return Subscription{}, fmt.Errorf("subscribe %s: %w", rawURL, ErrNoFeed)
		}
		feedURL = links[0]
		if resp, err = c.get(ctx, feedURL, "", ""); err != nil {
			return Subscription{}, err
		}
		if resp.status != http.StatusOK {
			return Subscription{}, fmt.Errorf("fetch %s: %s", feedURL, statusText(resp.status))
		}
	}
	f, err := syndication.Parse(resp.body, resp.finalURL)
	if err != nil {
		return Subscription{}, fmt.Errorf("read feed %s: %w", feedURL, err)
	}
	return Subscription{URL: feedURL, Title: f.Title}, nil
}

// maxHead is how much of a page alternateFeeds reads for <link>s.
const maxHead = 1 << 20

// alternateFeeds are the feeds a page names in <link rel="alternate">,
// absolute, in page order.
func alternateFeeds(page []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	z := html.NewTokenizer(bytes.NewReader(page[:min(len(page), maxHead)]))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		switch string(name) {
		case "body":
			return out
		case "base":
			if h := attrs(z, hasAttr)["href"]; h != "" {
				if b, err := base.Parse(h); err == nil {
					base = b
				}
			}
		case "link":
			a := attrs(z, hasAttr)
			rels := strings.Fields(strings.ToLower(a["rel"]))
			t := strings.ToLower(strings.TrimSpace(strings.Split(a["type"], ";")[0]))
			if !feedTypes[t] || !slices.Contains(rels, "alternate") || a["href"] == "" {
				continue
			}
			if u, err := base.Parse(strings.TrimSpace(a["href"])); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				out = append(out, u.String())
			}
		}
	}
}

func attrs(z *html.Tokenizer, more bool) map[string]string {
	m := map[string]string{}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		m[string(k)] = string(v)
	}
	return m
}
