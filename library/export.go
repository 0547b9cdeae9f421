package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Export writes s as a markdown file in dir for notes apps: a front-matter
// header (title, site, byline, published, url, saved) and then the story as
// tread renders it. The file is named after the title, with a hash of the
// story's URL (or title and site) so the same story always lands in the
// same file and two stories never share one. It returns the file's path.
func Export(dir string, s story.Story, saved time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	field := func(name, value string) {
		if value = sanitize.Line(value); value != "" {
			fmt.Fprintf(&b, "%s: %s\n", name, yamlString(value))
		}
	}
	field("title", s.Title)
	field("site", s.Site)
	field("byline", s.Byline)
	if !s.Published.IsZero() {
		fmt.Fprintf(&b, "published: %s\n", s.Published.Format(time.RFC3339))
	}
	field("url", s.URL)
	fmt.Fprintf(&b, "saved: %s\n", saved.Format(time.RFC3339))
	b.WriteString("---\n\n")
	b.WriteString(render.Markdown(s))

	identity := s.URL
	if identity == "" {
		identity = s.Title + "\n" + s.Site
	}
	sum := sha256.Sum256([]byte(identity))
	name := slug(sanitize.Line(s.Title), "story") + "-" + hex.EncodeToString(sum[:4]) + ".md"
	path, err := writeAtomic(dir, name, func(w io.Writer) error {
		_, err := w.Write(b.Bytes())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("export %q: %w", sanitize.Line(s.Title), err)
	}
	return path, nil
}

// yamlString quotes s as a YAML double-quoted scalar. A JSON string is one,
// as long as HTML escaping is off.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		// Encoding a string cannot fail; keep the value readable anyway.
		return `""`
	}
	return strings.TrimSuffix(b.String(), "\n")
}
