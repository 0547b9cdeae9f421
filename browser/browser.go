// Package browser opens a web page in the user's browser: the commands in
// $BROWSER first, then the desktop's opener (xdg-open, or open on macOS).
// The browser is started, not waited for, and never writes to tread's
// terminal.
package browser

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// ErrNotWeb marks a URL Open refuses: only http and https pages are opened,
// so a link in a document cannot start a file or another program.
var ErrNotWeb = errors.New("only http and https URLs are opened")

// ErrNoBrowser means no command could be started.
var ErrNoBrowser = errors.New("no browser found (set $BROWSER)")

// Open starts a browser on rawURL and returns once it has started. Each
// entry of the colon-separated $BROWSER is a command line; "%s" in it
// stands for the URL ("%%" for a percent sign), and without one the URL is
// the last argument. An entry that cannot be started gives way to the
// next, and after them to xdg-open (open on macOS). When $BROWSER is set
// and nothing starts, the error is its first command's, a *CommandError
// naming it; when it is unset, ErrNoBrowser.
func Open(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("open %q: %w", rawURL, ErrNotWeb)
	}
	target := u.String()
	all := commands(os.Getenv("BROWSER"), target)
	fromEnv := len(all) - len(commands("", target))
	var tried []error
	for i, argv := range all {
		err := start(argv)
		if err == nil {
			return nil
		}
		if i < fromEnv {
			err = &CommandError{Name: argv[0], Err: err}
		} else {
			err = fmt.Errorf("start %s: %w", argv[0], err)
		}
		tried = append(tried, err)
	}
	if fromEnv > 0 {
		// The reader set $BROWSER: what went wrong with it is the news,
		// not that no browser was found.
		return fmt.Errorf("open %s: %w", target, tried[0])
	}
	return fmt.Errorf("open %s: %w", target, errors.Join(append([]error{ErrNoBrowser}, tried...)...))
}

// CommandError is a $BROWSER command that could not be started.
type CommandError struct {
	Name string // the command, as $BROWSER gives it
	Err  error
}

func (e *CommandError) Error() string {
	if errors.Is(e.Err, exec.ErrNotFound) || errors.Is(e.Err, fs.ErrNotExist) {
		return "$BROWSER command " + e.Name + " not found"
	}
	return "$BROWSER command " + e.Name + ": " + e.Err.Error()
}

func (e *CommandError) Unwrap() error { return e.Err }

// commands lists the command lines to try, in order.
func commands(env, target string) [][]string {
	var out [][]string
	for _, entry := range strings.Split(env, string(os.PathListSeparator)) {
		if argv := expand(entry, target); len(argv) > 0 {
			out = append(out, argv)
		}
	}
	switch runtime.GOOS {
	case "darwin":
		out = append(out, []string{"open", target})
	case "windows":
		out = append(out, []string{"rundll32", "url.dll,FileProtocolHandler", target})
	default:
		out = append(out, []string{"xdg-open", target})
	}
	return out
}

// expand splits one $BROWSER entry into words and puts the URL in: at each
// "%s", or after the last word when there is none. No shell sees it.
func expand(entry, target string) []string {
	words := strings.Fields(entry)
	if len(words) == 0 {
		return nil
	}
	placed := false
	for i, w := range words {
		if !strings.Contains(w, "%") {
			continue
		}
		var b strings.Builder
		for j := 0; j < len(w); j++ {
			if w[j] == '%' && j+1 < len(w) {
				switch w[j+1] {
				case 's':
					b.WriteString(target)
					placed = true
					j++
					continue
				case '%':
					b.WriteByte('%')
					j++
					continue
				}
			}
			b.WriteByte(w[j])
		}
		words[i] = b.String()
	}
	if !placed {
		words = append(words, target)
	}
	return words
}

// start runs argv detached: no terminal input or output, its own session
// where the system has them, and reaped in the background so it leaves no
// zombie.
func start(argv []string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	// Nil streams are /dev/null: a chatty browser cannot draw over tread.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	// Waiting only reaps the process: how the browser exits, long after
	// the page opened, is nothing tread could act on.
	go cmd.Wait()
	return nil
}
