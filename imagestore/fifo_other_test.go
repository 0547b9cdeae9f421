//go:build !unix

package imagestore

import "errors"

func mkfifo(string) error { return errors.New("no fifos here") }
