package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/keymap"
)

// writeConfig writes text as config.toml in a fresh folder, beside copies of
// the testdata style files, and returns its path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"style.json", "style-unknown-field.json", "style-broken.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMissingDefaultFileGivesDefaults(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if got := DefaultPath(); !strings.HasSuffix(got, filepath.Join("tread", "config.toml")) {
		t.Fatalf("DefaultPath() = %q", got)
	}
	c, err := Load("")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("Load(\"\") = %+v, want the defaults", c)
	}
}

func TestDefaultFileIsRead(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	if err := os.MkdirAll(filepath.Join(dir, "tread"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tread", "config.toml"), []byte("theme = \"light\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != ThemeLight || c.Path != DefaultPath() {
		t.Errorf("Theme, Path = %q, %q", c.Theme, c.Path)
	}
}

func TestMissingNamedFileIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.toml")
	_, err := Load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load(missing) = %v, want a not-exist error", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
}

func TestDefaults(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	c := Default()
	if c.Theme != "auto" || c.ReadingWidth != 100 || c.ListWidth.String() != "40%" ||
		c.Timeout != 30*time.Second || c.ConnectTimeout != 10*time.Second ||
		c.MaxSize != 20<<20 || c.UserAgent != "" || c.Style != nil {
		t.Errorf("Default() = %+v", c)
	}
	if want := filepath.Join("/data", "tread", "library"); c.Library != want {
		t.Errorf("Library = %q, want %q", c.Library, want)
	}
	t.Setenv("XDG_DATA_HOME", "relative/is/ignored")
	t.Setenv("HOME", "/home/reader")
	if got, want := DefaultLibrary(), "/home/reader/.local/share/tread/library"; got != want {
		t.Errorf("DefaultLibrary() = %q, want %q", got, want)
	}
}

func TestGoodFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "good.toml"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeConfig(t, string(data))
	dir := filepath.Dir(path)
	c, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if c.Path != path {
		t.Errorf("Path = %q", c.Path)
	}
	if want := filepath.Join(dir, "style.json"); c.Theme != want {
		t.Errorf("Theme = %q, want %q", c.Theme, want)
	}
	if c.Style == nil || c.Style.Heading.Color == nil || *c.Style.Heading.Color != "39" ||
		c.Style.Document.Margin == nil || *c.Style.Document.Margin != 1 {
		t.Errorf("Style not read from style.json: %+v", c.Style)
	}
	if c.ReadingWidth != 80 {
		t.Errorf("ReadingWidth = %d", c.ReadingWidth)
	}
	if c.ListWidth != (PaneWidth{N: 36}) || c.ListWidth.Columns(200) != 36 {
		t.Errorf("ListWidth = %+v", c.ListWidth)
	}
	if want := filepath.Join(dir, "offline"); c.Library != want {
		t.Errorf("Library = %q, want %q", c.Library, want)
	}
	if c.Timeout != 45*time.Second || c.ConnectTimeout != 2500*time.Millisecond {
		t.Errorf("timeouts = %s, %s", c.Timeout, c.ConnectTimeout)
	}
	if c.MaxSize != 5*MB {
		t.Errorf("MaxSize = %d", c.MaxSize)
	}
	if c.Images != "sixel" || c.ImageMaxSize != 2*MB || c.PageImagesMaxSize != 10*MB {
		t.Errorf("pictures = %q, %s, %s", c.Images, c.ImageMaxSize, c.PageImagesMaxSize)
	}
	if c.UserAgent != "tread-test/1.0 (+https://example.org)" {
		t.Errorf("UserAgent = %q", c.UserAgent)
	}
	wantKeys := keymap.Defaults()
	wantKeys[keymap.Quit] = []string{"x"}
	wantKeys[keymap.Up] = []string{"k", "up", "ctrl+p"}
	wantKeys[keymap.Links] = []string{}
	wantKeys[keymap.Help] = []string{"?", "f1"}
	if !reflect.DeepEqual(c.Keys, wantKeys) {
		t.Errorf("Keys = %v\nwant %v", c.Keys, wantKeys)
	}
	if got := c.Keys.Actions("ctrl+p"); !slices.Equal(got, []keymap.Action{keymap.Up}) {
		t.Errorf("Actions(ctrl+p) = %v", got)
	}
	if got := c.Keys.Actions("q"); len(got) != 0 {
		t.Errorf("q still bound to %v after quit was rebound to x", got)
	}
	if got := c.Keys.Actions("n"); !slices.Equal(got, []keymap.Action{keymap.Next, keymap.NextMatch}) {
		t.Errorf("Actions(n) = %v, want next and next-match", got)
	}
}

func TestSortAndFoldSettings(t *testing.T) {
	for _, tc := range []struct {
		text string
		sort string
		fold bool
	}{
		{"", SortNewest, true},
		{"sort = \"oldest\"\nfold_related = false\n", SortOldest, false},
		{"sort = \"source\"\n", SortSource, true},
	} {
		c, err := Load(writeConfig(t, tc.text))
		if err != nil {
			t.Fatalf("%q: %v", tc.text, err)
		}
		if c.Sort != tc.sort || c.FoldRelated != tc.fold {
			t.Errorf("%q: sort %q fold %v, want %q %v", tc.text, c.Sort, c.FoldRelated, tc.sort, tc.fold)
		}
	}
}

func TestPercentListWidth(t *testing.T) {
	c, err := Load(writeConfig(t, `list_width = "25%"`))
	if err != nil {
		t.Fatal(err)
	}
	if c.ListWidth != (PaneWidth{N: 25, Percent: true}) || c.ListWidth.Columns(120) != 30 {
		t.Errorf("ListWidth = %+v", c.ListWidth)
	}
}

func TestThemeNamesAndHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, name := range []string{"auto", "dark", "light", "notty", "Dark ", "dracula", "Tokyo-Night", "pink", "ascii"} {
		c, err := Load(writeConfig(t, `theme = "`+name+`"`))
		if err != nil {
			t.Fatalf("theme %q: %v", name, err)
		}
		if c.Theme != strings.ToLower(strings.TrimSpace(name)) || c.Style != nil {
			t.Errorf("theme %q: Theme, Style = %q, %v", name, c.Theme, c.Style)
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "style.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "mine.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(writeConfig(t, `theme = "~/mine.json"`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != filepath.Join(home, "mine.json") || c.Style == nil {
		t.Errorf("Theme = %q, Style = %v", c.Theme, c.Style)
	}
}

func TestUnbindAndDuplicateKeys(t *testing.T) {
	c, err := Load(writeConfig(t, "[keys]\nbrowser = []\ncopy = [\"y\", \"y\", \" c \"]\nprev-match = [\"N\", \"p\"]\nquit = []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Keys[keymap.Browser]) != 0 {
		t.Errorf("browser keys = %v, want none", c.Keys[keymap.Browser])
	}
	if got := c.Keys[keymap.Copy]; !slices.Equal(got, []string{"y", "c"}) {
		t.Errorf("copy keys = %q", got)
	}
	if got := c.Keys.Actions("p"); !slices.Equal(got, []keymap.Action{keymap.Prev, keymap.PrevMatch}) {
		t.Errorf("Actions(p) = %v, want prev and prev-match sharing it", got)
	}
	if got := c.Keys[keymap.Quit]; len(got) != 0 {
		t.Errorf("quit keys = %v, want none (ctrl+c still quits)", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		line    int
		key     string
		is      error  // errors.Is target, when there is one
		message string // a substring of the error
	}{
		{"unterminated string", "reading_width = 90\ntheme = \"dark\n", 2, "theme", nil, "newline"},
		{"bare word", "\n\ntheme = dark\n", 3, "theme", nil, "expected value"},
		{"duplicate key", "theme = \"dark\"\ntheme = \"light\"\n", 2, "theme", nil, "already"},
		{"unknown key", "theme = \"dark\"\n\ncolour = \"red\"\n", 3, "colour", ErrUnknownKey, "unknown setting"},
		{"unknown table", "[display]\nwidth = 3\n", 1, "display", ErrUnknownKey, "unknown setting"},
		{"unknown network key", "[network]\ntimeout = \"3s\"\ntimeot = \"3s\"\n", 3, "network.timeot", ErrUnknownKey, "unknown setting"},
		{"unknown dotted key", "theme = \"dark\"\nnetwork.retries = 3\n", 2, "network.retries", ErrUnknownKey, "unknown setting"},
		{"unknown implicit table", "theme = \"dark\"\nextra.thing = 3\n", 2, "extra", ErrUnknownKey, "unknown setting"},
		{"unknown action", "[keys]\nup = \"k\"\njump = \"x\"\n", 3, "keys.jump", ErrUnknownKey, `no action "jump"`},
		{"first of two errors", "colour = 1\nshade = 2\n", 1, "colour", ErrUnknownKey, ""},
		{"width not a number", "reading_width = \"wide\"\n", 1, "reading_width", nil, "want a number of columns, not a string"},
		{"width too small", "reading_width = 5\n", 1, "reading_width", nil, "out of range"},
		{"theme not a string", "theme = 3\n", 1, "theme", nil, "want a string, not an integer"},
		{"empty theme", "theme = \"\"\n", 1, "theme", nil, "empty theme"},
		{"list width too wide", "list_width = \"95%\"\n", 1, "list_width", nil, "out of range"},
		{"list width narrow", "list_width = 5\n", 1, "list_width", nil, "out of range"},
		{"list width word", "list_width = \"half\"\n", 1, "list_width", nil, "invalid width"},
		{"list width bool", "list_width = true\n", 1, "list_width", nil, "not a boolean"},
		{"sort unknown", "sort = \"random\"\n", 1, "sort", nil, `unknown order "random": use "newest", "oldest", "source"`},
		{"sort number", "sort = 1\n", 1, "sort", nil, "string"},
		{"fold not bool", "fold_related = \"yes\"\n", 1, "fold_related", nil, "want true or false, not a string"},
		{"empty library", "library = \" \"\n", 1, "library", nil, "empty folder"},
		{"bad timeout", "[network]\ntimeout = \"3 parsecs\"\n", 2, "network.timeout", nil, "invalid duration"},
		{"zero timeout", "[network]\n\ntimeout = 0\n", 3, "network.timeout", nil, "out of range"},
		{"negative timeout", "[network]\nconnect_timeout = \"-1s\"\n", 2, "network.connect_timeout", nil, "out of range"},
		{"huge timeout", "[network]\ntimeout = \"3h\"\n", 2, "network.timeout", nil, "out of range"},
		{"bad size unit", "[network]\nmax_size = \"20XB\"\n", 2, "network.max_size", nil, "unknown size unit"},
		{"size too big", "[network]\nmax_size = \"2GB\"\n", 2, "network.max_size", nil, "out of range"},
		{"size too small", "[network]\nmax_size = 10\n", 2, "network.max_size", nil, "out of range"},
		{"size float", "[network]\nmax_size = 1.5\n", 2, "network.max_size", nil, "not a float"},
		{"user agent newline", "[network]\nuser_agent = \"a\\nb\"\n", 2, "network.user_agent", nil, "control characters"},
		{"unknown images setting", "images = \"yes\"\n", 1, "images", nil, `unknown images setting "yes" (use "auto", "kitty", "iterm2", "sixel", "off")`},
		{"images not a string", "images = true\n", 1, "images", nil, "want a string, not a boolean"},
		{"picture cap too small", "image_max_size = 100\n", 1, "image_max_size", nil, "out of range"},
		{"page picture cap unit", "page_images_max_size = \"3 pages\"\n", 1, "page_images_max_size", nil, "size unit"},
		{"network not a table", "network = 5\n", 1, "network", nil, "want a table, not an integer"},
		{"keys not a table", "keys = \"q\"\n", 1, "keys", nil, "want a table, not a string"},
		{"conflict with default", "[keys]\n\nup = \"j\"\n", 3, "keys.up", ErrKeyConflict, `"j" is bound to both up and down`},
		{"conflict between overrides", "[keys]\nup = \"x\"\ndown = [\"j\", \"x\"]\n", 3, "keys.down", ErrKeyConflict, `"x" is bound to both up and down`},
		{"conflict later action", "[keys]\nquit = [\"q\", \"p\"]\n", 2, "keys.quit", ErrKeyConflict, `"p" is bound to both prev and quit`},
		{"context sharing is per pair", "[keys]\nnext-match = \"p\"\n", 2, "keys.next-match", ErrKeyConflict, `"p" is bound to both prev and next-match`},
		{"ctrl+c is reserved", "[keys]\nhelp = [\"?\", \"ctrl+c\"]\n", 2, "keys.help", nil, "ctrl+c always quits"},
		{"bad modifier", "[keys]\ndown = \"ctlr+d\"\n", 2, "keys.down", nil, `unknown modifier "ctlr"`},
		{"bad key name", "[keys]\ndown = \"pagedown\"\n", 2, "keys.down", nil, `unknown key name "pagedown"`},
		{"control character key", "[keys]\ndown = \"ctrl+\\u0007\"\n", 2, "keys.down", nil, "not a printable"},
		{"key not a string", "[keys]\ndown = [1]\n", 2, "keys.down", nil, "want a key name string, not an integer"},
		{"style file missing", "theme = \"nope.json\"\n", 1, "theme", fs.ErrNotExist, "nope.json"},
		{"unknown theme name", "theme = \"solarized\"\n", 1, "theme", nil, `unknown theme "solarized" (use "auto", "dark", "light", "notty", "ascii", "dracula", "pink", "tokyo-night", or a style file)`},
		{"style file broken", "theme = \"style-broken.json\"\n", 1, "theme", nil, "style-broken.json:4: invalid character"},
		{"style file unknown field", "theme = \"style-unknown-field.json\"\n", 1, "theme", nil, `style-unknown-field.json:6: json: unknown field "colour"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.text)
			c, err := Load(path)
			if err == nil {
				t.Fatalf("Load succeeded: %+v", c)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T) is not a *config.Error", err, err)
			}
			if ce.Path != path || ce.Line != tt.line || ce.Key != tt.key {
				t.Errorf("path, line, key = %q, %d, %q; want %q, %d, %q (%v)", ce.Path, ce.Line, ce.Key, path, tt.line, tt.key, err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q lacks %q", err, tt.message)
			}
			prefix := path + ":" + strconv.Itoa(tt.line) + ": "
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{Path: "/c/config.toml", Line: 7, Key: "network.timeot", Err: ErrUnknownKey}
	if got, want := e.Error(), "/c/config.toml:7: network.timeot: unknown setting"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e = &Error{Path: "/c/config.toml", Err: errors.New("boom")}
	if got, want := e.Error(), "/c/config.toml: boom"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestOversizedFile(t *testing.T) {
	path := writeConfig(t, "# "+strings.Repeat("x", maxFileSize)+"\n")
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load(huge) = %v", err)
	}
}

func TestNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Load(folder) = %v", err)
	}
	path := writeConfig(t, `theme = "/dev/null"`)
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("theme /dev/null: %v", err)
	}
}
