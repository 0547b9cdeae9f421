package config

import (
	"fmt"
	"io"
	"strings"

	"github.com/tread-reader/tread/keymap"
)

// Write prints the settings in effect as a TOML file that Load reads back
// to the same settings: what --print-config shows.
func (c Config) Write(w io.Writer) error {
	var b strings.Builder
	if c.Path != "" {
		fmt.Fprintf(&b, "# tread settings in effect: %s over the defaults\n\n", oneLine(c.Path))
	} else {
		b.WriteString("# tread settings in effect: the defaults\n\n")
	}
	fmt.Fprintf(&b, "theme = %s\n", quote(c.Theme))
	fmt.Fprintf(&b, "reading_width = %d\n", c.ReadingWidth)
	fmt.Fprintf(&b, "list_width = %s\n", quote(c.ListWidth.String()))
	fmt.Fprintf(&b, "sort = %s\n", quote(c.Sort))
	fmt.Fprintf(&b, "fold_related = %t\n", c.FoldRelated)
	if c.Library != "" {
		fmt.Fprintf(&b, "library = %s\n", quote(c.Library))
	} else {
		b.WriteString("# library: no home folder, so no offline copies\n")
	}
	fmt.Fprintf(&b, "images = %s\n", quote(c.Images))
	fmt.Fprintf(&b, "image_max_size = %s\n", quote(c.ImageMaxSize.String()))
	fmt.Fprintf(&b, "page_images_max_size = %s\n", quote(c.PageImagesMaxSize.String()))
	b.WriteString("\n[network]\n")
	fmt.Fprintf(&b, "timeout = %s\n", quote(c.Timeout.String()))
	fmt.Fprintf(&b, "connect_timeout = %s\n", quote(c.ConnectTimeout.String()))
	fmt.Fprintf(&b, "max_size = %s\n", quote(c.MaxSize.String()))
	if c.UserAgent == "" {
		b.WriteString("# user_agent: tread/<version>\n")
	}
	fmt.Fprintf(&b, "user_agent = %s\n", quote(c.UserAgent))
	fmt.Fprintf(&b, "\n[feeds]\nfetch_articles = %t\n", c.FetchArticles)
	b.WriteString("\n[keys]\n")
	for _, a := range keymap.Actions() {
		keys := c.Keys[a]
		q := make([]string, len(keys))
		for i, k := range keys {
			q[i] = quote(k)
		}
		fmt.Fprintf(&b, "%-14s = [%s]  # %s\n", a, strings.Join(q, ", "), a.Help())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String is the settings as Write prints them.
func (c Config) String() string {
	var b strings.Builder
	if err := c.Write(&b); err != nil {
		return "config: " + err.Error() // a strings.Builder never fails
	}
	return b.String()
}

// quote writes s as a TOML basic string. Go's %q is close but not TOML:
// it uses \x escapes, which TOML does not have.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// oneLine keeps a path from breaking the comment it is printed in.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
}
