package syndication

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/tread-reader/tread/sanitize"
)

var bom = []byte("\ufeff")

// sniffBytes is how much of the start of a document sniff reads.
const sniffBytes = 4 << 10

// sniff names the kind of feed data holds, "rss", "atom" or "json", or ""
// when it is not one. XML is recognised by its root element, after any
// byte-order mark, white space, declaration, comments and doctype; a few
// stray bytes before the first '<' are forgiven.
func sniff(data []byte) string {
	head := data[:min(len(data), sniffBytes)]
	if enc, ok := bomEncoding(head); ok && enc != unicode.UTF8 {
		decoded, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(head)))
		if err != nil && len(decoded) == 0 {
			return ""
		}
		head = decoded
	}
	head = bytes.TrimPrefix(head, bom)
	trimmed := bytes.TrimLeft(head, " \t\r\n\f")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if bytes.Contains(data[:min(len(data), 64<<10)], []byte("jsonfeed.org/version")) {
			return "json"
		}
		return ""
	}
	lt := bytes.IndexByte(head, '<')
	if lt < 0 || lt > 64 {
		return ""
	}
	switch root := strings.ToLower(rootName(head[lt:])); {
	case root == "rss", root == "rdf:rdf", strings.HasSuffix(root, ":rdf"), root == "rdf":
		return "rss"
	case root == "feed", strings.HasSuffix(root, ":feed"):
		return "atom"
	}
	return ""
}

// rootName is the name of the first element in s, past declarations,
// processing instructions, comments and a doctype.
func rootName(s []byte) string {
	for len(s) > 0 {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			s = after(s, "?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			s = after(s, "-->")
		case bytes.HasPrefix(s, []byte("<!")):
			s = after(s, ">")
		case bytes.HasPrefix(s, []byte("<")):
			end := bytes.IndexAny(s[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			return string(s[1 : 1+end])
		default:
			return ""
		}
	}
	return ""
}

func after(s []byte, sep string) []byte {
	i := bytes.Index(s, []byte(sep))
	if i < 0 {
		return nil
	}
	return s[i+len(sep):]
}

func bomEncoding(b []byte) (encoding.Encoding, bool) {
	switch {
	case bytes.HasPrefix(b, bom):
		return unicode.UTF8, true
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), true
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), true
	}
	return nil, false
}

// xmlDecl is the XML declaration, whose encoding pseudo-attribute cleanXML
// reads and then removes (the document it hands on is UTF-8).
var xmlDecl = regexp.MustCompile(`^<\?xml[^>]*?\?>`)
var encodingAttr = regexp.MustCompile(`(?i)encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// cleanXML makes an XML feed the XML parser can read: decoded to UTF-8
// from its byte-order mark, its declared encoding, or (undeclared and not
// valid UTF-8) windows-1252, as browsers do; anything before the first
// '<' and the declaration dropped; control characters and terminal escape
// sequences, which XML forbids anyway, removed.
func cleanXML(data []byte) []byte {
	enc, hasBOM := bomEncoding(data)
	lt := bytes.IndexByte(data, '<')
	var decl []byte
	if !hasBOM && lt >= 0 {
		decl = xmlDecl.Find(data[lt:min(len(data), lt+512)])
	}
	if !hasBOM {
		enc = unicode.UTF8
		if sub := encodingAttr.FindSubmatch(decl); sub != nil {
			if e, name := charset.Lookup(string(sub[1])); e != nil && name != "utf-8" {
				enc = e
			}
		}
		// Undeclared, or declared UTF-8, but not UTF-8: Latin-1 text, as
		// a browser would read it.
		if enc == unicode.UTF8 && !utf8.Valid(data) {
			enc = charmap.Windows1252
		}
	}
	text := data
	if enc != unicode.UTF8 {
		if out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data))); err == nil || len(out) > 0 {
			text = out
		}
	}
	s := sanitize.Text(controlRefs.ReplaceAllStringFunc(string(bytes.TrimPrefix(text, bom)), controlRef))
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[i:]
	}
	s = xmlDecl.ReplaceAllString(s, "")
	return []byte(s)
}

// controlRefs are character references, which sanitize.Text would not see;
// those to control characters are turned into the characters so that an
// escape sequence written as "&#x1b;[31m" is dropped whole.
var controlRefs = regexp.MustCompile(`&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});`)

func controlRef(ref string) string {
	n, err := strconv.ParseUint(strings.TrimLeft(ref[2:len(ref)-1], "xX"), base(ref), 32)
	if err != nil {
		return ref
	}
	if r := rune(n); r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0 {
		return string(r)
	}
	return ref
}

func base(ref string) int {
	if ref[2] == 'x' || ref[2] == 'X' {
		return 16
	}
	return 10
}
