package browser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tread-reader/tread/regfile"
)

// OpenFile starts the desktop's viewer (xdg-open, or open on macOS) on a
// local file, a picture the library keeps, and failing that the commands
// of $BROWSER (browsers show pictures too). Only a regular file is
// opened, by its absolute path.
func OpenFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	if err := regfile.Check(fi.Mode()); err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	// commands lists $BROWSER's entries, then the desktop's opener: here
	// the opener goes first.
	desktop := commands("", abs)
	fromEnv := commands(os.Getenv("BROWSER"), abs)
	all := append(desktop, fromEnv[:len(fromEnv)-len(desktop)]...)
	var tried []error
	for _, argv := range all {
		err := start(argv)
		if err == nil {
			return nil
		}
		tried = append(tried, fmt.Errorf("start %s: %w", argv[0], err))
	}
	return fmt.Errorf("open %s: %w", abs, errors.Join(tried...))
}
