package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/picture"
)

// The walk below decodes each setting as a toml.Primitive by hand rather than
// into a tagged struct: that way every bad value, unknown key and key
// conflict can be reported with its line, and the errors keep their types.

// parse reads the TOML in data, found at path, over the defaults.
func parse(path string, data []byte) (Config, error) {
	var raw map[string]toml.Primitive
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return Config{}, syntaxError(path, err)
	}
	d := &decoder{path: path, md: md}
	c := Default()
	c.Path = path
	for _, k := range d.ordered(raw) {
		key, p := toml.Key{k}, raw[k]
		switch k {
		case "theme":
			err = d.theme(&c, key, p)
		case "reading_width":
			err = d.readingWidth(&c, key, p)
		case "list_width":
			err = d.listWidth(&c, key, p)
		case "library":
			err = d.library(&c, key, p)
		case "images":
			err = d.images(&c, key, p)
		case "image_max_size":
			c.ImageMaxSize, err = d.size(key, p)
		case "page_images_max_size":
			c.PageImagesMaxSize, err = d.size(key, p)
		case "sort":
			err = d.sort(&c, key, p)
		case "fold_related":
			err = d.foldRelated(&c, key, p)
		case "network":
			err = d.network(&c, key, p)
		case "feeds":
			err = d.feeds(&c, key, p)
		case "keys":
			err = d.keys(&c, key, p)
		default:
			err = d.errAt(key, p, ErrUnknownKey)
		}
		if err != nil {
			return Config{}, err
		}
	}
	return c, nil
}

// syntaxError turns a toml parse error into an *Error with its line.
func syntaxError(path string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &Error{Path: path, Line: pe.Position.Line, Key: pe.LastKey, Err: errors.New(escapeControls(pe.Message))}
	}
	return &Error{Path: path, Err: errors.New(escapeControls(err.Error()))}
}

// escapeControls keeps an error on one line: toml quotes the offending
// input in its messages, newlines and all.
func escapeControls(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type decoder struct {
	path string
	md   toml.MetaData
}

// errAt builds the error for the setting key whose value is p.
func (d *decoder) errAt(key toml.Key, p toml.Primitive, err error) error {
	return &Error{Path: d.path, Line: d.line(p), Key: key.String(), Err: err}
}

// errProbe is returned by probe; see line.
var errProbe = errors.New("probe")

type probe struct{}

func (*probe) UnmarshalTOML(any) error { return errProbe }

// line finds the line a value was defined on. toml keeps key positions
// private but puts them in the ParseError it returns when an Unmarshaler
// fails, so decoding into one that always fails reveals the line. An
// implicit table ("a.b = 1" defines a) has no position of its own; its
// first child's stands in.
func (d *decoder) line(p toml.Primitive) int {
	var pe toml.ParseError
	if err := d.md.PrimitiveDecode(p, &probe{}); errors.As(err, &pe) && pe.Position.Line > 0 {
		return pe.Position.Line
	}
	var sub map[string]toml.Primitive
	if err := d.md.PrimitiveDecode(p, &sub); err != nil {
		return 0
	}
	first := 0
	for _, c := range sub {
		if l := d.line(c); l > 0 && (first == 0 || l < first) {
			first = l
		}
	}
	return first
}

// ordered lists a table's keys in file order, so the first error reported
// is the first in the file whatever Go's map order.
func (d *decoder) ordered(m map[string]toml.Primitive) []string {
	type kl struct {
		k string
		l int
	}
	ks := make([]kl, 0, len(m))
	for k, p := range m {
		ks = append(ks, kl{k, d.line(p)})
	}
	slices.SortFunc(ks, func(a, b kl) int { return cmp.Or(cmp.Compare(a.l, b.l), cmp.Compare(a.k, b.k)) })
	out := make([]string, len(ks))
	for i, x := range ks {
		out[i] = x.k
	}
	return out
}

func (d *decoder) value(key toml.Key, p toml.Primitive) (any, error) {
	var v any
	if err := d.md.PrimitiveDecode(p, &v); err != nil {
		return nil, d.errAt(key, p, err)
	}
	return v, nil
}

func (d *decoder) str(key toml.Key, p toml.Primitive) (string, error) {
	v, err := d.value(key, p)
	if err != nil {
		return "", err
	}
	s, ok := v.(string)
	if !ok {
		return "", d.errAt(key, p, typeError("a string", v))
	}
	return s, nil
}

func (d *decoder) table(key toml.Key, p toml.Primitive) (map[string]toml.Primitive, error) {
	v, err := d.value(key, p)
	if err != nil {
		return nil, err
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, d.errAt(key, p, typeError("a table", v))
	}
	var sub map[string]toml.Primitive
	if err := d.md.PrimitiveDecode(p, &sub); err != nil {
		return nil, d.errAt(key, p, err)
	}
	return sub, nil
}

func (d *decoder) theme(c *Config, key toml.Key, p toml.Primitive) error {
	s, err := d.str(key, p)
	if err != nil {
		return err
	}
	switch name := strings.ToLower(strings.TrimSpace(s)); name {
	case ThemeAuto, ThemeDark, ThemeLight, ThemeNoTTY:
		c.Theme, c.Style = name, nil
		return nil
	case "":
		return d.errAt(key, p, fmt.Errorf("empty theme (use %s, or a style file)", themeList()))
	}
	if IsNamedTheme(strings.ToLower(strings.TrimSpace(s))) {
		c.Theme, c.Style = strings.ToLower(strings.TrimSpace(s)), nil
		return nil
	}
	path, err := expandPath(s, d.path)
	if err != nil {
		return d.errAt(key, p, err)
	}
	if !looksLikePath(s) {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return d.errAt(key, p, fmt.Errorf("unknown theme %q (use %s, or a style file)", s, themeList()))
		}
	}
	style, err := LoadStyle(path)
	if err != nil {
		return d.errAt(key, p, err)
	}
	c.Theme, c.Style = path, &style
	return nil
}

func (d *decoder) readingWidth(c *Config, key toml.Key, p toml.Primitive) error {
	v, err := d.value(key, p)
	if err != nil {
		return err
	}
	n, ok := v.(int64)
	if !ok {
		return d.errAt(key, p, typeError("a number of columns", v))
	}
	if n < minReadingWidth || n > maxReadingWidth {
		return d.errAt(key, p, fmt.Errorf("%d is out of range (%d to %d)", n, minReadingWidth, maxReadingWidth))
	}
	c.ReadingWidth = int(n)
	return nil
}

func (d *decoder) listWidth(c *Config, key toml.Key, p toml.Primitive) error {
	v, err := d.value(key, p)
	if err != nil {
		return err
	}
	var w PaneWidth
	switch v := v.(type) {
	case int64:
		if v > maxPaneColumns || v < 0 {
			err = fmt.Errorf("%d columns is out of range (%d to %d)", v, minPaneColumns, maxPaneColumns)
			break
		}
		w, err = checkPaneWidth(PaneWidth{N: int(v)})
	case string:
		w, err = ParsePaneWidth(v)
	default:
		err = typeError(`columns (32) or a percentage ("40%")`, v)
	}
	if err != nil {
		return d.errAt(key, p, err)
	}
	c.ListWidth = w
	return nil
}

func (d *decoder) library(c *Config, key toml.Key, p toml.Primitive) error {
	s, err := d.str(key, p)
	if err != nil {
		return err
	}
	if strings.TrimSpace(s) == "" {
		return d.errAt(key, p, errors.New("empty folder name"))
	}
	dir, err := expandPath(s, d.path)
	if err != nil {
		return d.errAt(key, p, err)
	}
	c.Library = dir
	return nil
}

func (d *decoder) network(c *Config, key toml.Key, p toml.Primitive) error {
	sub, err := d.table(key, p)
	if err != nil {
		return err
	}
	for _, k := range d.ordered(sub) {
		key, p := append(key[:len(key):len(key)], k), sub[k]
		switch k {
		case "timeout", "connect_timeout":
			v, err := d.value(key, p)
			if err != nil {
				return err
			}
			t, err := parseDuration(v)
			if err == nil && (t <= 0 || t > maxTimeout) {
				err = fmt.Errorf("%s is out of range (above 0, at most %s)", t, maxTimeout)
			}
			if err != nil {
				return d.errAt(key, p, err)
			}
			if k == "timeout" {
				c.Timeout = t
			} else {
				c.ConnectTimeout = t
			}
		case "max_size":
			n, err := d.size(key, p)
			if err != nil {
				return err
			}
			c.MaxSize = n
		case "user_agent":
			s, err := d.str(key, p)
			if err != nil {
				return err
			}
			if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				return d.errAt(key, p, errors.New("control characters are not allowed in a header"))
			}
			c.UserAgent = strings.TrimSpace(s)
		default:
			return d.errAt(key, p, ErrUnknownKey)
		}
	}
	return nil
}

// size reads a size setting: bytes, or a string with a unit ("20MB").
func (d *decoder) size(key toml.Key, p toml.Primitive) (ByteSize, error) {
	v, err := d.value(key, p)
	if err != nil {
		return 0, err
	}
	var n ByteSize
	switch v := v.(type) {
	case int64:
		n = ByteSize(v)
	case string:
		n, err = ParseByteSize(v)
	default:
		err = typeError(`a size such as "20MB"`, v)
	}
	if err == nil && (n < minMaxSize || n > maxMaxSize) {
		err = fmt.Errorf("%s is out of range (%s to %s)", n, minMaxSize, maxMaxSize)
	}
	if err != nil {
		return 0, d.errAt(key, p, err)
	}
	return n, nil
}

func (d *decoder) images(c *Config, key toml.Key, p toml.Primitive) error {
	s, err := d.str(key, p)
	if err != nil {
		return err
	}
	if _, _, err := picture.ParseSetting(s); err != nil {
		return d.errAt(key, p, err)
	}
	c.Images = strings.ToLower(strings.TrimSpace(s))
	return nil
}

// keys applies the [keys] overrides: each replaces its action's default
// keys outright, so rebinding "j" to up means rebinding down too.
func (d *decoder) keys(c *Config, key toml.Key, p toml.Primitive) error {
	sub, err := d.table(key, p)
	if err != nil {
		return err
	}
	set := map[keymap.Action]toml.Primitive{}
	for _, k := range d.ordered(sub) {
		key, p := append(key[:len(key):len(key)], k), sub[k]
		a := keymap.Action(k)
		if !a.Valid() {
			names := make([]string, 0, len(keymap.Actions()))
			for _, x := range keymap.Actions() {
				names = append(names, string(x))
			}
			return d.errAt(key, p, fmt.Errorf("%w: no action %q (actions: %s)", ErrUnknownKey, k, strings.Join(names, ", ")))
		}
		v, err := d.value(key, p)
		if err != nil {
			return err
		}
		keys, err := keyList(v)
		if err != nil {
			return d.errAt(key, p, err)
		}
		c.Keys[a] = keys
		set[a] = p
	}
	a, b, err := c.Keys.Conflict()
	if err != nil {
		// Point at the binding the user wrote; of two, the later one.
		at, p := b, set[b]
		if _, ok := set[b]; !ok {
			at, p = a, set[a]
		}
		return d.errAt(append(key[:len(key):len(key)], string(at)), p, err)
	}
	return nil
}

// keyList reads one key ("ctrl+d") or an array of keys; an empty array
// unbinds the action.
func keyList(v any) ([]string, error) {
	var raw []any
	switch v := v.(type) {
	case string:
		raw = []any{v}
	case []any:
		raw = v
	default:
		return nil, typeError(`a key ("j") or a list of keys (["j", "down"])`, v)
	}
	keys := make([]string, 0, len(raw))
	for _, x := range raw {
		s, ok := x.(string)
		if !ok {
			return nil, typeError("a key name string", x)
		}
		s = strings.TrimSpace(s)
		if err := keymap.CheckKey(s); err != nil {
			return nil, err
		}
		if !slices.Contains(keys, s) {
			keys = append(keys, s)
		}
	}
	return keys, nil
}
