//go:build !unix

package browser

import "os/exec"

func detach(cmd *exec.Cmd) {}
