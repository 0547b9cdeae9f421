// Package regfile opens the files tread reads, refusing anything that is
// not a regular file before it is opened: opening a named pipe with no
// writer, or reading a terminal or a device, blocks in the kernel, where
// no signal or cancelled context reaches it.
package regfile

import (
	"errors"
	"io/fs"
	"os"
)

// ErrNotRegular is what every refusal wraps; test with errors.Is.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError is a refusal that names the kind of file found.
type NotRegularError struct {
	Kind string // "named pipe", "socket", "character device", "device", "folder"
}

// Error reads "not a regular file (named pipe)".
func (e *NotRegularError) Error() string { return ErrNotRegular.Error() + " (" + e.Kind + ")" }

// Is makes errors.Is(err, ErrNotRegular) hold.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Check refuses a file mode that is not a regular file's, naming its kind.
func Check(mode fs.FileMode) error {
	if mode.IsRegular() {
		return nil
	}
	return &NotRegularError{Kind: Kind(mode)}
}

// Kind names the type of a file mode in words a reader knows.
func Kind(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return "regular file"
	case mode.IsDir():
		return "folder"
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeCharDevice != 0:
		return "character device"
	case mode&fs.ModeDevice != 0:
		return "device"
	case mode&fs.ModeSymlink != 0:
		return "symbolic link"
	case mode&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "special file"
}

// Open opens path for reading when it is a regular file (a symbolic link
// is followed). The type is checked with Stat before the open, the open
// itself never blocks (O_NONBLOCK where the system has it, so a pipe
// swapped in after the check cannot hang it), and the type is checked
// again on the open file. The error names neither the operation nor the
// path beyond what the os package gives; callers add their context.
func Open(path string) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := Check(fi.Mode()); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err = f.Stat()
	if err == nil {
		err = Check(fi.Mode())
	}
	if err != nil {
		if cerr := f.Close(); cerr != nil {
			err = errors.Join(err, cerr)
		}
		return nil, nil, err
	}
	return f, fi, nil
}
