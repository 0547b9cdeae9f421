//go:build unix

package browser

import (
	"os/exec"
	"syscall"
)

// detach starts the browser in a session of its own, so that it has no
// controlling terminal and tread's Ctrl+C does not reach it.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
