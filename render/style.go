package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"charm.land/glamour/v2/ansi"
)

// Style names a glamour style: one of the built-ins below or a name given
// to AddStyle.
type Style string

// The built-in styles. Dark is the default; Light is chosen when the terminal
// reports a light background; NoTTY is plain text for pipes and NO_COLOR.
const (
	Dark  Style = "dark"
	Light Style = "light"
	NoTTY Style = "notty"
)

func builtin(s Style) (ansi.StyleConfig, bool) {
	switch s {
	case Dark:
		return darkStyle, true
	case Light:
		return lightStyle, true
	case NoTTY:
		return plainStyle, true
	}
	return ansi.StyleConfig{}, false
}

// maxStyleFile bounds what LoadStyle reads: glamour's own style files are
// under 10 KB, so anything near this is not a style file.
const maxStyleFile = 1 << 20

// LoadStyle reads a glamour JSON style file (the format of glamour's
// styles/*.json) for AddStyle. Unknown keys are errors, so a misspelt
// element is reported rather than silently ignored.
func LoadStyle(path string) (ansi.StyleConfig, error) {
	f, err := os.Open(path)
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("read style %s: %w", path, err)
	}
	// Closing a file opened read-only cannot lose data.
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxStyleFile+1))
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("read style %s: %w", path, err)
	}
	if len(data) > maxStyleFile {
		return ansi.StyleConfig{}, fmt.Errorf("read style %s: larger than %d bytes", path, maxStyleFile)
	}
	cfg, err := parseStyle(data)
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("parse style %s: %w", path, err)
	}
	return cfg, nil
}

func parseStyle(data []byte) (ansi.StyleConfig, error) {
	var cfg ansi.StyleConfig
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return cfg, fmt.Errorf("line %d: %w", lineAt(data, syn.Offset), err)
		case errors.As(err, &typ):
			return cfg, fmt.Errorf("line %d: %w", lineAt(data, typ.Offset), err)
		case errors.Is(err, io.EOF):
			return cfg, errors.New("empty file")
		}
		return cfg, fmt.Errorf("line %d: %w", lineAt(data, dec.InputOffset()), err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return cfg, fmt.Errorf("line %d: text after the style object", lineAt(data, dec.InputOffset()))
	}
	return cfg, nil
}

// lineAt is the 1-based line number of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}
