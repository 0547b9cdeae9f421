// Package export writes stories as markdown files for notes apps: a YAML
// front-matter header (title, site, byline, published, url, saved, and
// partial for a best-effort story), the headline, the body, and the
// related stories as links. Files get safe, unique names from their titles
// and are written atomically.
package export

import (
	"cmp"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Markdown is the file for s: front matter, then the story as markdown.
// saved is when the page was saved, zero when unknown. Every field passes
// through package sanitize, so no escape sequence from a page survives.
func Markdown(s story.Story, saved time.Time) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	title := sanitize.Line(s.Title)
	// The title is always there; the other fields when known.
	b.WriteString("title: " + cmp.Or(yamlString(title), `""`) + "\n")
	field := func(key, value string) {
		if value != "" {
			b.WriteString(key + ": " + value + "\n")
		}
	}
	field("site", yamlString(sanitize.Line(s.Site)))
	field("byline", yamlString(sanitize.Line(s.Byline)))
	if !s.Published.IsZero() {
		field("published", s.Published.Format(time.RFC3339))
	}
	field("url", yamlString(webURL(s.URL)))
	if !saved.IsZero() {
		field("saved", saved.UTC().Format(time.RFC3339))
	}
	if s.Partial {
		// The extractor found no clear article: say so where notes apps
		// can filter on it.
		field("partial", "true")
	}
	b.WriteString("---\n\n")
	if title != "" {
		b.WriteString("# " + render.EscapeText(title) + "\n\n")
	}
	if body := render.ExportMarkdown(s); body != "" {
		b.WriteString(body + "\n\n")
	}
	var links []string
	for _, r := range s.Related {
		u, t := webURL(r.URL), sanitize.Line(r.Title)
		if u == "" || t == "" {
			continue
		}
		line := "- [" + render.EscapeText(t) + "](<" + u + ">)"
		if site := sanitize.Line(r.Site); site != "" {
			line += " — " + render.EscapeText(site)
		}
		links = append(links, line)
	}
	if len(links) > 0 {
		b.WriteString("## Related\n\n" + strings.Join(links, "\n") + "\n")
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

// yamlString quotes s as a YAML double-quoted scalar, so that no title can
// end the header, start a new key or be read as a number or a date. Empty
// stays empty, for field to leave out.
func yamlString(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == ' ' || unicode.IsPrint(r) && r != '\u2028' && r != '\u2029' && r != '\u0085' && r != '\ufeff':
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// webURL is u when it is an http or https URL, re-encoded so that it can
// sit between angle brackets in a link; otherwise "".
func webURL(raw string) string {
	u, err := url.Parse(sanitize.Line(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	s := u.String()
	if strings.ContainsAny(s, "<> \"") {
		return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", `"`, "%22").Replace(s)
	}
	return s
}

// Name is a safe file name stem for title: letters and digits of any
// script (with their combining marks), lower case, apostrophes dropped, runs
// of anything else as one dash, at most maxName characters and maxNameBytes bytes, cut
// after a whole word where there is one; "story" when nothing is left. It
// is cut between characters, so it stays valid UTF-8.
func Name(title string) string {
	var b strings.Builder
	runes := 0
	dash := false
	add := func(r rune) bool {
		if runes+1 > maxName || b.Len()+utf8.RuneLen(r) > maxNameBytes {
			return false
		}
		b.WriteRune(r)
		runes++
		return true
	}
	for _, r := range strings.ToLower(sanitize.Line(title)) {
		if apostrophes[r] {
			// "Rudolph's" is one word: rudolphs, not rudolph-s.
			continue
		}
		word := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			// A vowel sign or accent belongs to the letter before it.
			unicode.IsMark(r) && b.Len() > 0 && !dash
		if word {
			if !add(r) {
				// Cut mid-word: end at the last whole word, if any.
				if !dash {
					if i := strings.LastIndexByte(b.String(), '-'); i > 0 {
						cut := b.String()[:i]
						b.Reset()
						b.WriteString(cut)
					}
				}
				break
			}
			dash = false
		} else if !dash && b.Len() > 0 {
			if !add('-') {
				break
			}
			dash = true
		}
	}
	name := strings.TrimRight(b.String(), "-")
	if name == "" {
		return "story"
	}
	if reserved[name] {
		name += "-story"
	}
	return name
}

// apostrophes are dropped from names rather than turned into dashes.
var apostrophes = map[rune]bool{'\'': true, '’': true, 'ʼ': true}

// maxName is the README's promise: names of at most 80 characters.
const maxName = 80

// maxNameBytes keeps a name, its "-NNNN" number and ".md" within the 255
// bytes most file systems allow; 80 characters of a non-Latin script can
// take 320.
const maxNameBytes = 255 - len("-1000.md")

// reserved are names Windows will not give a file, whatever the extension.
var reserved = func() map[string]bool {
	m := map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}
	for i := 1; i <= 9; i++ {
		m["com"+strconv.Itoa(i)] = true
		m["lpt"+strconv.Itoa(i)] = true
	}
	return m
}()
