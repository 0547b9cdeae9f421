package intake

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

// HTML returns a page as UTF-8. The order of trust is the byte-order mark
// (or BOM-less UTF-16), the charset the server named (label, from the
// Content-Type header; "" when none), then <meta charset> or http-equiv,
// then content sniffing. A declaration is overruled when the bytes are
// valid UTF-8 with non-ASCII text in them: mislabelled UTF-8 pages are
// common, while real legacy-encoded text almost never forms valid UTF-8.
// What does not decode becomes U+FFFD.
func HTML(data []byte, label string) []byte {
	if out, ok := fromUnicode(data); ok {
		return out
	}
	if utf8.Valid(data) {
		return data
	}
	if label == "" {
		label = metaCharset(data)
	}
	if enc := lookup(label); enc != nil {
		return transcode(data, enc)
	}
	return transcode(data, sniff(data))
}

// Text turns the bytes of a text source (a page dump, a plain-text page)
// into a string: the byte-order mark or BOM-less UTF-16 first, then the
// charset the server named (label; "" when none), else UTF-8. Anything
// that is not valid in its encoding becomes U+FFFD, one for each bad byte:
// text from the wild is often a little broken, and a reader should show
// the rest rather than refuse. Line ends (CRLF, lone CR) become LF.
func Text(data []byte, label string) string {
	out, ok := fromUnicode(data)
	if !ok {
		out = validUTF8(data)
		if enc := lookup(label); enc != nil && !utf8.Valid(data) {
			out = transcode(data, enc)
		}
	}
	return NormalizeNewlines(string(out))
}

// ContentTypeCharset is the charset a Content-Type header names, or "".
func ContentTypeCharset(contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	return ""
}

// lookup finds the encoding a charset label names, nil for an unknown or
// empty label, UTF-8 and UTF-16 (a UTF-16 label on bytes without its
// shape is a mistake; UTF-8 needs no transcoding, only repair).
func lookup(label string) encoding.Encoding {
	if label == "" {
		return nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return nil
	}
	return enc
}

// transcode decodes data from enc; what does not decode becomes U+FFFD.
func transcode(data []byte, enc encoding.Encoding) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return validUTF8(data)
	}
	return validUTF8(out)
}

// validUTF8 replaces each invalid byte with U+FFFD, one for one, so the
// damage stays visible and in place.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// NormalizeNewlines turns CRLF and lone CR line ends into LF.
func NormalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// fromUnicode decodes data that a byte-order mark or its shape marks as
// UTF-8 or UTF-16; ok is false for any other data.
func fromUnicode(data []byte) (out []byte, ok bool) {
	enc, bom, ok := unicodeEncoding(data)
	switch {
	case !ok:
		return nil, false
	case enc == unicode.UTF8:
		return validUTF8(data[bom:]), true
	}
	return transcode(data[bom:], enc), true
}

// unicodeEncoding recognises a byte-order mark, returning its length, and
// UTF-16 without one by the zero bytes that ASCII (markup, Latin text)
// leaves in every other position. UTF-8 text never holds a zero byte, and
// binary data has them on both sides; what decodes is still checked for
// being text (IsBinary).
func unicodeEncoding(data []byte) (enc encoding.Encoding, bom int, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, 3, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2, true
	}
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return nil, 0, false
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
	// At least a fifth of the units have a zero byte, always on the same
	// side; other text almost never puts one there.
	least := max(1, n/2/5)
	switch {
	case odd >= least && even*20 <= odd:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 0, true
	case even >= least && odd*20 <= even:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 0, true
	}
	return nil, 0, false
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
