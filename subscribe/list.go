// Package subscribe owns following feeds: the subscriptions file (a plain
// text list a user can edit and sync), OPML import and export, finding a
// site's feed from its page, and refreshing every subscription politely —
// conditional requests, per-host and overall limits, Retry-After, back-off
// — with the per-feed state (validators, items seen, new items) kept in a
// small state file. Reading a feed's bytes is package syndication's;
// keeping articles is package library's, through package feed.
package subscribe

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/tread-reader/tread/sanitize"
)

// FileName is the subscriptions file's name, in tread's config folder.
const FileName = "subscriptions.txt"

// maxListSize caps the subscriptions file read.
const maxListSize = 4 << 20

// Subscription is one followed feed.
type Subscription struct {
	URL    string // the feed's URL
	Title  string // the feed's title, for people; "" when unknown
	Folder string // "" at the top level; nested folders joined by "/"
	// NoArticles turns off fetching each new item's full article.
	NoArticles bool
}

// List is the subscriptions, in file order.
type List struct {
	Subs []Subscription
}

const listHeader = `# tread subscriptions: one feed a line, its URL then its title.
# "[Folder]" starts a folder ("[News/Local]" nests); "[]" returns to the top.
# Put "articles=off" after a URL to keep only the feed's own text for it.
`

// LoadList reads the subscriptions file at path. A missing file is an
// empty list; a line that is not a URL is an error naming the line.
func LoadList(path string) (*List, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &List{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read subscriptions: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read subscriptions %s: not a regular file", path)
	}
	if fi.Size() > maxListSize {
		return nil, fmt.Errorf("read subscriptions %s: larger than 4MB", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read subscriptions: %w", err)
	}
	l, err := parseList(data)
	if err != nil {
		return nil, fmt.Errorf("read subscriptions %s: %w", path, err)
	}
	return l, nil
}

func parseList(data []byte) (*List, error) {
	l := &List{}
	folder := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), maxListSize)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sanitize.Text(sc.Text()))
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			folder = cleanFolder(line[1 : len(line)-1])
			continue
		}
		fields := strings.Fields(line)
		if !isFeedURL(fields[0]) {
			return nil, fmt.Errorf("line %d: %q is not an http or https URL", n, fields[0])
		}
		s := Subscription{URL: fields[0], Folder: folder}
		rest := fields[1:]
		if len(rest) > 0 && rest[0] == "articles=off" {
			s.NoArticles, rest = true, rest[1:]
		}
		s.Title = strings.Join(rest, " ")
		l.Subs = append(l.Subs, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// cleanFolder trims each level of a folder path and drops empty ones.
func cleanFolder(f string) string {
	var parts []string
	for p := range strings.SplitSeq(f, "/") {
		if p = sanitize.Line(p); p != "" && p != "[" && p != "]" {
			parts = append(parts, strings.Trim(p, "[]"))
		}
	}
	return strings.Join(parts, "/")
}

// Bytes is the list as a subscriptions file.
func (l *List) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString(listHeader)
	folder := ""
	for _, s := range l.sorted() {
		if s.Folder != folder {
			fmt.Fprintf(&b, "\n[%s]\n", s.Folder)
			folder = s.Folder
		}
		b.WriteString(s.URL)
		if s.NoArticles {
			b.WriteString(" articles=off")
		}
		if t := sanitize.Line(s.Title); t != "" {
			b.WriteString(" " + t)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// sorted is the list grouped by folder, top level first, keeping each
// folder's feeds in list order.
func (l *List) sorted() []Subscription {
	var order []string
	byFolder := map[string][]Subscription{}
	for _, s := range l.Subs {
		if _, ok := byFolder[s.Folder]; !ok {
			order = append(order, s.Folder)
		}
		byFolder[s.Folder] = append(byFolder[s.Folder], s)
	}
	var out []Subscription
	if top, ok := byFolder[""]; ok {
		out = append(out, top...)
	}
	for _, f := range order {
		if f != "" {
			out = append(out, byFolder[f]...)
		}
	}
	return out
}

// Save writes the list to path atomically.
func (l *List) Save(path string) error {
	if err := writeAtomic(path, l.Bytes()); err != nil {
		return fmt.Errorf("save subscriptions: %w", err)
	}
	return nil
}

// Find is the index of the subscription to rawURL, or -1.
func (l *List) Find(rawURL string) int {
	k := urlKey(rawURL)
	for i, s := range l.Subs {
		if urlKey(s.URL) == k {
			return i
		}
	}
	return -1
}

// Add appends s unless its URL is followed already; it reports whether it
// was added.
func (l *List) Add(s Subscription) bool {
	if l.Find(s.URL) >= 0 {
		return false
	}
	l.Subs = append(l.Subs, s)
	return true
}

// Remove drops the subscription to rawURL; it reports whether there was one.
func (l *List) Remove(rawURL string) bool {
	i := l.Find(rawURL)
	if i < 0 {
		return false
	}
	l.Subs = append(l.Subs[:i], l.Subs[i+1:]...)
	return true
}

// urlKey compares feed URLs: scheme and host in lower case, no trailing
// slash, no fragment.
func urlKey(rawURL string) string {
	s := strings.TrimSpace(rawURL)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		host, path, _ := strings.Cut(rest, "/")
		s = strings.ToLower(scheme) + "://" + strings.ToLower(host) + "/" + path
	}
	return strings.TrimSuffix(s, "/")
}

func isFeedURL(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && len(l) > len("https://")
}
