package config

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"

	"github.com/tread-reader/tread/keymap"
)

// uncomment turns the example's commented settings ("#theme = …") into live
// ones; explanations ("# Colours…") keep their space and stay comments.
var commentedSetting = regexp.MustCompile(`(?m)^#([a-z])`)

func TestExampleShowsTheDefaults(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", "")
	live := commentedSetting.ReplaceAllString(Example, "$1")
	if live == Example {
		t.Fatal("example has no commented settings")
	}
	for _, a := range keymap.Actions() {
		if !strings.Contains(live, "\n"+string(a)+" ") {
			t.Errorf("example does not show action %s", a)
		}
	}
	for _, file := range []string{Example, live} {
		c, err := parse("example.toml", []byte(file))
		if err != nil {
			t.Fatalf("example does not load: %v", err)
		}
		c.Path = ""
		if want := Default(); !reflect.DeepEqual(c, want) {
			t.Errorf("example settings differ from the defaults:\n%s\nwant\n%s", c, want)
		}
	}
}

func TestWriteReadsBack(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "good.toml"))
	if err != nil {
		t.Fatal(err)
	}
	good, err := Load(writeConfig(t, string(data)))
	if err != nil {
		t.Fatal(err)
	}
	odd := Default()
	odd.UserAgent = `quote " backslash \ é`
	odd.Library = "/tmp/with \"quotes\"/and\\slashes"
	odd.Keys[keymap.Search] = []string{"ctrl+f", "/"}
	odd.Keys[keymap.Quit] = []string{"\"", "\\"}
	odd.Keys[keymap.Back] = []string{}
	for name, c := range map[string]Config{"defaults": Default(), "good.toml": good, "odd strings": odd} {
		t.Run(name, func(t *testing.T) {
			text := c.String()
			back, err := parse(filepath.Join(t.TempDir(), "printed.toml"), []byte(text))
			if err != nil {
				t.Fatalf("printed settings do not load: %v\n%s", err, text)
			}
			back.Path, c.Path = "", ""
			if !reflect.DeepEqual(back, c) {
				t.Errorf("printed settings read back differently:\n%s\ngot\n%s", text, back)
			}
		})
	}
}

func TestWriteShowsEverySetting(t *testing.T) {
	text := Default().String()
	for _, k := range []string{"theme = \"auto\"", "reading_width = 100", "list_width = \"40%\"", "library = ", `images = "auto"`, `image_max_size = "5MB"`, `page_images_max_size = "20MB"`,
		"[network]", "timeout = \"30s\"", "connect_timeout = \"10s\"", "max_size = \"20MB\"", "user_agent = \"\"",
		"[keys]", `quit           = ["q"]  # quit`} {
		if !strings.Contains(text, k) {
			t.Errorf("printed defaults lack %q:\n%s", k, text)
		}
	}
}

// A style glamour itself ships must load: the strict decoding must not
// reject fields glamour knows.
func TestGlamourStyleLoads(t *testing.T) {
	data, err := json.Marshal(styles.DarkStyleConfig)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dark.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadStyle(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, styles.DarkStyleConfig) {
		t.Error("dark style changed on the way through JSON")
	}
}

func TestLoadStyleErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tt := range map[string]struct{ text, want string }{
		"empty":     {"  \n", "empty"},
		"truncated": {"{\n\"document\": {\n", ":3: unexpected EOF"},
		"trailing":  {"{}\n{}", "data after the style object"},
		"wrong type": {"{\n\"document\": {\n\"margin\": \"wide\"}}",
			`:3: json: cannot unmarshal string into Go struct field`},
		"unknown field": {"{\n\n  \"heding\": {}\n}", `:3: json: unknown field "heding"`},
		"not an object": {"[1, 2]", "cannot unmarshal array"},
		"too large":     {`{"h1": {"prefix": "` + strings.Repeat("x", maxFileSize) + `"}}`, "larger than"},
	} {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadStyle(path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: LoadStyle = %v, want an error naming the file with %q", name, err, tt.want)
		}
	}
}

var updateExample = flag.Bool("update", false, "rewrite example.toml's [keys] section from package keymap's table")

// The example's [keys] section is the key table's, line for line; -update
// rewrites it (then paste example.toml into the README, whose test holds
// it to the file).
func TestExampleKeysAreTheTable(t *testing.T) {
	head, keys, ok := strings.Cut(Example, "\n[keys]\n")
	if !ok {
		t.Fatal("example.toml has no [keys] section")
	}
	want := keymap.Example()
	if *updateExample && keys != want {
		if err := os.WriteFile("example.toml", []byte(head+"\n[keys]\n"+want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if keys != want {
		t.Errorf("example.toml's [keys] section is not the key table's (go test ./config -update rewrites it):\n%s\nwant\n%s", keys, want)
	}
}
