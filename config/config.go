// Package config loads and validates tread's settings file: theme, widths,
// the library folder, pictures, network limits and key overrides. It only reads; it
// never touches the terminal or the network, and every error it returns
// names the file, the line and the key at fault.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/glamour/v2/ansi"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/picture"
	"github.com/tread-reader/tread/regfile"
)

// Theme names. Any other theme value is the path of a glamour JSON style
// file.
const (
	ThemeAuto  = "auto" // follow the terminal's background
	ThemeDark  = "dark"
	ThemeLight = "light"
	ThemeNoTTY = "notty" // plain text, no colour
)

// Defaults.
const (
	DefaultReadingWidth   = 100
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxSize        = 20 * MB
	DefaultImages         = picture.SettingAuto
	DefaultImageMaxSize   = 5 * MB
	DefaultPageImagesSize = 20 * MB
)

// DefaultListWidth is the list pane's default width.
var DefaultListWidth = PaneWidth{N: 40, Percent: true}

// Bounds on numeric settings.
const (
	minReadingWidth = 20
	maxReadingWidth = 1000
	maxTimeout      = time.Hour
	minMaxSize      = KB
	maxMaxSize      = GB
	maxFileSize     = 1 << 20 // a config or style file bigger than this is a mistake
)

// Config is the effective settings: defaults overlaid with the file's.
type Config struct {
	// Path is the file the settings were read from; empty when none was.
	Path string
	// Theme is "auto", "dark", "light", "notty", or the absolute path of a
	// glamour JSON style file, whose parsed form is in Style.
	Theme string
	Style *ansi.StyleConfig
	// ReadingWidth caps the reader's wrap width in columns.
	ReadingWidth int
	// ListWidth is the list pane's width.
	ListWidth PaneWidth
	// Sort is the order of a folder's main stories: SortNewest,
	// SortOldest or SortSource.
	Sort string
	// FoldRelated lists only the selected story's related stories, the
	// others folded under their main story.
	FoldRelated bool
	// Library is the folder of offline copies; empty when no home or data
	// folder could be found.
	Library string
	// Images is how pictures are shown: "auto" (ask the terminal), "kitty",
	// "iterm2", "sixel" or "off"; see picture.Choose.
	Images string
	// ImageMaxSize caps one saved picture; PageImagesMaxSize all of one
	// page's pictures together.
	ImageMaxSize      ByteSize
	PageImagesMaxSize ByteSize
	// Timeout bounds a whole fetch; ConnectTimeout its dial and TLS handshake.
	Timeout        time.Duration
	ConnectTimeout time.Duration
	// MaxSize caps the size of a fetched page.
	MaxSize ByteSize
	// UserAgent replaces tread's own ("tread/<version>") when not empty.
	UserAgent string
	// FetchArticles makes a refresh fetch the full article of each new
	// feed item into the library ([feeds] fetch_articles).
	FetchArticles bool
	// Keys is the keymap (package keymap's defaults), overrides applied.
	Keys keymap.Map
}

// Default returns the built-in settings.
func Default() Config {
	return Config{
		Theme:             ThemeAuto,
		ReadingWidth:      DefaultReadingWidth,
		ListWidth:         DefaultListWidth,
		Sort:              SortNewest,
		FoldRelated:       true,
		Library:           DefaultLibrary(),
		Images:            DefaultImages,
		ImageMaxSize:      DefaultImageMaxSize,
		PageImagesMaxSize: DefaultPageImagesSize,
		Timeout:           DefaultTimeout,
		ConnectTimeout:    DefaultConnectTimeout,
		MaxSize:           DefaultMaxSize,
		FetchArticles:     true,
		Keys:              keymap.Defaults(),
	}
}

// DefaultPath is $XDG_CONFIG_HOME/tread/config.toml (os.UserConfigDir), or
// empty when the user has no config folder.
func DefaultPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "tread", "config.toml")
}

// DefaultLibrary is $XDG_DATA_HOME/tread/library, by default
// ~/.local/share/tread/library; empty when neither is known.
func DefaultLibrary() string {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "tread", "library")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "share", "tread", "library")
}

// Errors a *Error may wrap, for errors.Is.
var (
	ErrUnknownKey  = errors.New("unknown setting")
	ErrKeyConflict = keymap.ErrConflict
)

// Error is a problem with the settings file. Line is 1-based and 0 when
// unknown; Key is the dotted setting ("network.timeout"), empty when the
// file could not be parsed far enough to know it.
type Error struct {
	Path string
	Line int
	Key  string
	Err  error
}

// Error reads "path:line: key: problem".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap gives the problem to errors.Is: ErrUnknownKey, ErrKeyConflict,
// fs.ErrNotExist for a missing style file, and so on.
func (e *Error) Unwrap() error { return e.Err }

// Load reads the settings file at path over the defaults. An empty path
// means DefaultPath(), where a missing file is fine and yields the
// defaults; a path the user named must exist. os.DevNull, the usual way
// to say "no settings", gives the defaults without being opened.
func Load(path string) (Config, error) {
	if path == os.DevNull {
		return Default(), nil
	}
	explicit := path != ""
	if !explicit {
		path = DefaultPath()
		if path == "" {
			return Default(), nil
		}
	}
	data, err := readSmall(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return Default(), nil
		}
		return Config{}, fmt.Errorf("config: %w", err)
	}
	return parse(path, data)
}

// readSmall reads a file of at most maxFileSize bytes.
func readSmall(path string) ([]byte, error) {
	// A FIFO or a terminal named by mistake would block the open or the
	// read forever: refused before it is opened.
	f, _, err := regfile.Open(path)
	if errors.Is(err, regfile.ErrNotRegular) {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if err != nil {
		return nil, err // already "stat path: reason"
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("read %s: larger than %s", path, ByteSize(maxFileSize))
	}
	return data, nil
}

// expandPath resolves ~/ against the home folder and a relative path against
// the folder of the config file that named it.
func expandPath(p, configPath string) (string, error) {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("expand %q: %w", p, err)
		}
		return filepath.Join(home, p[1:]), nil
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	base, err := filepath.Abs(filepath.Dir(configPath))
	if err != nil {
		return "", fmt.Errorf("resolve %q: %w", p, err)
	}
	return filepath.Join(base, p), nil
}
