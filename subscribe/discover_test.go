package subscribe

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/tread-reader/tread/fetch"
)

func TestDiscover(t *testing.T) {
	site := newNewsSite(t)
	feed := serveFeed(rss([4]string{"Ferry", "/news/ferry", "g1", date1}), "", "")
	site.handle("/feed.xml", feed)
	page := func(head string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<!doctype html><html><head><title>Ledger</title>%s</head><body><p>Home</p></body></html>", head)
		}
	}
	site.handle("/", page(`<link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">`))
	site.handle("/section/", page(`<base href="/"><link rel="Alternate" type="application/atom+xml; charset=utf-8" href="feed.xml">`))
	site.handle("/plain", page(`<link rel="alternate" type="text/html" href="/other">`))
	tests := []struct {
		url, want string
		err       error
	}{
		{site.URL + "/feed.xml", site.URL + "/feed.xml", nil},
		{site.URL + "/", site.URL + "/feed.xml", nil},
		{site.URL + "/section/", site.URL + "/feed.xml", nil},
		{site.URL + "/plain", "", ErrNoFeed},
	}
	for _, tt := range tests {
		s, err := Discover(context.Background(), tt.url, fetch.Options{})
		if !errors.Is(err, tt.err) || s.URL != tt.want {
			t.Errorf("%s: %+v, %v; want %s, %v", tt.url, s, err, tt.want, tt.err)
		}
		if err == nil && s.Title != "Harbour Ledger" {
			t.Errorf("%s: title %q", tt.url, s.Title)
		}
	}
}
