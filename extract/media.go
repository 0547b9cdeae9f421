package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/story"
)

// mediaHosts play videos and recordings in an iframe; other iframes are
// ads, forms and widgets.
var mediaHosts = []string{"youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com",
	"dailymotion.com", "soundcloud.com", "spotify.com", "podcasts.apple.com", "w.soundcloud.com",
	"player.twitch.tv", "ted.com", "streamable.com", "bandcamp.com"}

// isMedia reports whether an element embeds a video or a recording that is
// part of the story: a <video> or <audio> with an address, or an iframe of
// a player.
func isMedia(h *html.Node) bool {
	switch h.DataAtom {
	case atom.Video, atom.Audio:
		return mediaSrc(h) != ""
	case atom.Iframe:
		return playerHost(strings.TrimSpace(flat.Attr(h, "src"))) || playerHost(strings.TrimSpace(flat.Attr(h, "data-src")))
	}
	return false
}

func playerHost(src string) bool {
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil || u.Host == "" && !strings.HasPrefix(src, "//") {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, m := range mediaHosts {
		if host == m || strings.HasSuffix(host, "."+m) {
			return true
		}
	}
	return false
}

// mediaSrc is a <video> or <audio>'s address: its src, or its first
// <source>'s.
func mediaSrc(h *html.Node) string {
	if s := strings.TrimSpace(flat.Attr(h, "src")); s != "" {
		return s
	}
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Source {
			if s := strings.TrimSpace(flat.Attr(c, "src")); s != "" {
				return s
			}
		}
	}
	return ""
}

// watchURL turns a player's embed address into the page a browser plays
// it on: youtube.com/embed/ID is youtube.com/watch?v=ID, player.vimeo.com/
// video/N is vimeo.com/N.
func watchURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	host := strings.ToLower(p.Hostname())
	switch {
	case strings.HasSuffix(host, "youtube.com") || strings.HasSuffix(host, "youtube-nocookie.com"):
		if id, ok := strings.CutPrefix(p.Path, "/embed/"); ok && id != "" && !strings.Contains(id, "/") {
			return "https://www.youtube.com/watch?v=" + url.QueryEscape(id)
		}
	case host == "player.vimeo.com":
		if id, ok := strings.CutPrefix(p.Path, "/video/"); ok && id != "" && strings.Trim(id, "0123456789") == "" {
			return "https://vimeo.com/" + id
		}
	}
	return u
}

// media makes a media line from an embedded player: what it is, its title
// when it has one, and where it plays.
func (e *emitter) media(i int32) (story.Block, bool) {
	h := e.t.Node[i]
	src := mediaSrc(h)
	kind := "Video"
	switch h.DataAtom {
	case atom.Iframe:
		if src = strings.TrimSpace(flat.Attr(h, "src")); !playerHost(src) {
			src = strings.TrimSpace(flat.Attr(h, "data-src"))
		}
		if strings.Contains(src, "soundcloud") || strings.Contains(src, "spotify") || strings.Contains(src, "podcasts") {
			kind = "Audio"
		}
	case atom.Audio:
		kind = "Audio"
	}
	u := watchURL(e.t.resolve(src))
	if u == "" {
		return story.Block{}, false
	}
	text := kind
	title := strings.Join(strings.Fields(flat.Attr(h, "title")), " ")
	if title == "" {
		title = strings.Join(strings.Fields(flat.Attr(h, "aria-label")), " ")
	}
	if title != "" && len(title) < 300 {
		text += ": " + title
	}
	return story.Block{Kind: story.Media, Text: text, URL: u}, true
}
