//go:build unix

package config

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/regfile"
	"github.com/tread-reader/tread/regfile/regfiletest"
)

// TestLoadSpecialFiles: a settings file that is a named pipe, a socket or
// a device is refused at once, never opened and waited on.
func TestLoadSpecialFiles(t *testing.T) {
	for kind, path := range regfiletest.Make(t, t.TempDir(), "", ".toml") {
		done := make(chan error, 1)
		go func() {
			_, err := Load(path)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, regfile.ErrNotRegular) || !strings.Contains(err.Error(), path+": not a regular file ("+kind+")") {
				t.Errorf("%s: %v", kind, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Load blocked on a %s", kind)
		}
	}
}

// TestLoadDevNull: --config /dev/null is the usual way to ask for no
// settings, and gives the defaults.
func TestLoadDevNull(t *testing.T) {
	got, err := Load(os.DevNull)
	if err != nil {
		t.Fatalf("Load(%s): %v", os.DevNull, err)
	}
	if !reflect.DeepEqual(got, Default()) {
		t.Errorf("Load(%s) = %+v, want the defaults", os.DevNull, got)
	}
}
