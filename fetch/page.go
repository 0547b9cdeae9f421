package fetch

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// UTF8 is the body in UTF-8, converted from the charset the Content-Type
// header named. With no charset named, or UTF-8 named, the body is returned
// as is: the page's own <meta charset> is the extractor's to read. An
// unknown charset is an error, with the body returned unconverted beside it.
func (p *Page) UTF8() ([]byte, error) {
	if p.Charset == "" {
		return p.Body, nil
	}
	enc, name := charset.Lookup(p.Charset)
	if enc == nil {
		return p.Body, fmt.Errorf("unknown charset %q", p.Charset)
	}
	if name == "utf-8" {
		return p.Body, nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(p.Body)))
	if err != nil {
		return p.Body, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
