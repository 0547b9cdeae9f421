package subscribe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/tread-reader/tread/sanitize"
)

// Bounds on an OPML file.
const (
	maxOPMLSize  = 8 << 20
	maxOutlines  = 20000
	maxOPMLDepth = 32
)

// ErrNotOPML: the file is not an OPML document.
var ErrNotOPML = errors.New("not an OPML file")

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Created string    `xml:"head>dateCreated,omitempty"`
	Body    []outline `xml:"body>outline"`
}

// ReadOPML reads the feeds of an OPML file: every outline with an xmlUrl,
// in document order, inside the folders its parent outlines name. Outlines
// without a web URL are passed over.
func ReadOPML(r io.Reader) ([]Subscription, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLSize+1))
	if err != nil {
		return nil, fmt.Errorf("read opml: %w", err)
	}
	if len(data) > maxOPMLSize {
		return nil, fmt.Errorf("read opml: larger than 8MB")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := d.Decode(&doc); err != nil {
		if strings.Contains(err.Error(), "expected element type <opml>") {
			return nil, ErrNotOPML
		}
		return nil, fmt.Errorf("%w: %s", ErrNotOPML, sanitize.Line(err.Error()))
	}
	var out []Subscription
	var walk func(os []outline, folder []string) error
	walk = func(os []outline, folder []string) error {
		if len(folder) > maxOPMLDepth {
			return fmt.Errorf("read opml: outlines nested over %d deep", maxOPMLDepth)
		}
		for _, o := range os {
			name := sanitize.Line(o.Title)
			if name == "" {
				name = sanitize.Line(o.Text)
			}
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				if isFeedURL(u) {
					if len(out) == maxOutlines {
						return fmt.Errorf("read opml: more than %d feeds", maxOutlines)
					}
					out = append(out, Subscription{URL: u, Title: name, Folder: strings.Join(folder, "/")})
				}
				continue
			}
			sub := folder
			if name = strings.ReplaceAll(name, "/", "-"); name != "" {
				sub = append(folder[:len(folder):len(folder)], name)
			}
			if err := walk(o.Outlines, sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body, nil); err != nil {
		return nil, err
	}
	return out, nil
}

// WriteOPML writes the list as an OPML 2.0 document, folders as nested
// outlines.
func WriteOPML(w io.Writer, l *List, now time.Time) error {
	doc := opmlDoc{Version: "2.0", Title: "tread subscriptions", Created: now.UTC().Format(time.RFC1123)}
	for _, s := range l.sorted() {
		children := &doc.Body
		if s.Folder != "" {
			for name := range strings.SplitSeq(s.Folder, "/") {
				children = folderOutline(children, name)
			}
		}
		title := s.Title
		if title == "" {
			title = s.URL
		}
		*children = append(*children, outline{Text: title, Title: title, Type: "rss", XMLURL: s.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	return nil
}

// folderOutline finds or adds the folder outline named name among list.
func folderOutline(list *[]outline, name string) *[]outline {
	for i := range *list {
		if o := &(*list)[i]; o.XMLURL == "" && o.Text == name {
			return &o.Outlines
		}
	}
	*list = append(*list, outline{Text: name, Title: name})
	return &(*list)[len(*list)-1].Outlines
}
