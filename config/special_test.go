//go:build unix

package config

import (
	"errors"
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
