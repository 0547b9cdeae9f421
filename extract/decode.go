package extract

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLimit bounds how far into a page the <meta charset> search looks.
// The standard says 1024 bytes, but saved pages often carry kilobytes of
// inline script or style ahead of the declaration.
const metaScanLimit = 64 << 10

// decode returns the page as UTF-8. The order of trust is the byte-order
// mark, the Content-Type header, then <meta charset> or http-equiv, then
// content sniffing. A declaration is overruled when the bytes are valid
// UTF-8 with non-ASCII text in them: mislabelled UTF-8 pages are common,
// while real legacy-encoded text almost never forms valid UTF-8.
func decode(data []byte, contentType string) ([]byte, error) {
	if enc, ok := bomEncoding(data); ok {
		return transcode(data, enc)
	}
	if isUTF8(data) {
		return data, nil
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" {
		label = metaCharset(data)
	}
	if label != "" {
		if enc, name := charset.Lookup(label); enc != nil && !strings.HasPrefix(name, "utf-16") {
			if name == "utf-8" {
				return bytes.ToValidUTF8(data, []byte("\uFFFD")), nil
			}
			return transcode(data, enc)
		}
	}
	return transcode(data, sniff(data))
}

// isUTF8 reports whether data is valid UTF-8. Pure ASCII counts, since
// every ASCII-compatible encoding reads it the same way.
func isUTF8(data []byte) bool {
	return utf8.Valid(data)
}

func transcode(data []byte, enc encoding.Encoding) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

// bomEncoding recognises a byte-order mark, and UTF-16 without one by the
// zero bytes that ASCII markup leaves in every other position.
func bomEncoding(data []byte) (encoding.Encoding, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), true
	}
	n := min(len(data), 512) &^ 1
	if n < 16 {
		return nil, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	// Markup is ASCII, so at least a fifth of the units have a zero byte,
	// always on the same side; other text almost never puts one there.
	half := n / 2
	switch {
	case odd >= half/5 && even*20 <= odd:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), true
	case even >= half/5 && odd*20 <= even:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), true
	}
	return nil, false
}

// metaCharset finds the charset a <meta> element declares, looking through
// the head of the page (up to <body> or metaScanLimit).
func metaCharset(data []byte) string {
	head := data[:min(len(data), metaScanLimit)]
	if b := indexFold(head, "<body"); b >= 0 {
		head = head[:b]
	}
	for {
		i := indexFold(head, "<meta")
		if i < 0 {
			return ""
		}
		head = head[i+5:]
		end := bytes.IndexByte(head, '>')
		if end < 0 {
			return ""
		}
		if cs := charsetParam(string(head[:end])); cs != "" {
			return cs
		}
		head = head[end:]
	}
}

// charsetParam reads the value after "charset=" in a meta tag's source;
// it covers both <meta charset=x> and content="text/html; charset=x".
func charsetParam(tag string) string {
	for {
		i := indexFold([]byte(tag), "charset")
		if i < 0 {
			return ""
		}
		tag = strings.TrimLeft(tag[i+len("charset"):], " \t\r\n\f")
		if !strings.HasPrefix(tag, "=") {
			continue
		}
		tag = strings.TrimLeft(tag[1:], " \t\r\n\f")
		if tag != "" && (tag[0] == '"' || tag[0] == '\'') {
			tag = tag[1:]
		}
		end := strings.IndexAny(tag, "\"'; \t\r\n\f/>")
		if end < 0 {
			end = len(tag)
		}
		return tag[:end]
	}
}

// indexFold is bytes.Index for an ASCII lowercase needle, ignoring case.
func indexFold(s []byte, needle string) int {
	n := len(needle)
	first := needle[0]
	for i := 0; i+n <= len(s); i++ {
		if s[i]|0x20 != first {
			continue
		}
		j := 1
		for j < n && s[i+j]|0x20 == needle[j] {
			j++
		}
		if j == n {
			return i
		}
	}
	return -1
}
