package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"charm.land/glamour/v2/ansi"
)

// LoadStyle reads a glamour JSON style file. Unknown fields are errors: a
// misspelt "colour" would otherwise be ignored without a word.
func LoadStyle(path string) (ansi.StyleConfig, error) {
	data, err := readSmall(path)
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("style file: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return ansi.StyleConfig{}, fmt.Errorf("style file %s: empty", path)
	}
	var style ansi.StyleConfig
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&style); err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("style file %s%s: %w", path, jsonLine(data, err), err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return ansi.StyleConfig{}, fmt.Errorf("style file %s: data after the style object", path)
	}
	return style, nil
}

// jsonLine is ":N" for the line a JSON error points at, when it points.
func jsonLine(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
	default:
		// An unknown-field error carries no offset (encoding/json reports it
		// after decoding the whole object), so find the field's first use.
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if m := regexp.MustCompile(regexp.QuoteMeta(name) + `\s*:`).FindIndex(data); m != nil {
				off = int64(m[0])
			}
		}
	}
	if off < 0 || off > int64(len(data)) {
		return ""
	}
	return fmt.Sprintf(":%d", bytes.Count(data[:off], []byte("\n"))+1)
}
