package ui

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/sanitize"
)

// The browser and the clipboard: o opens, and y copies, the chosen link
// while the links list is open, else the selected story's URL.

// urlOpened reports Options.OpenURL's answer.
type urlOpened struct {
	url    string
	err    error
	viewer bool // a picture, opened in the system viewer
}

// openCmd opens url in the browser, off the event loop: starting a browser
// can take a while.
func openCmd(open func(string) error, url string) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = urlOpened{url: url, err: errors.New("the browser opener failed")}
			}
		}()
		return urlOpened{url: url, err: open(url)}
	}
}

// currentURL is the URL o and y act on: the chosen link while the links
// list is open, else the selected story's.
func (m Model) currentURL() string {
	if m.links.open {
		if l, ok := m.links.chosen(); ok {
			return l.URL
		}
		return ""
	}
	if e, ok := m.list.selected(); ok {
		return e.url
	}
	return ""
}

// browse opens the current URL in the browser, in a command.
func (m Model) browse() (tea.Model, tea.Cmd) {
	u := m.currentURL()
	switch {
	case u == "":
		return m, m.notify(say("no URL to open here"))
	case m.openURL == nil:
		return m, m.notify(failure("can't open browser: no browser configured"))
	}
	return m, openCmd(m.openURL, u)
}

// onOpened says how opening a page went: the reason first when it failed,
// then the URL, which the status bar shortens to fit. On success the
// browser is starting, not done: Options.OpenURL does not wait for it.
func (m Model) onOpened(msg urlOpened) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		what := "browser"
		if msg.viewer {
			what = "the picture"
		}
		n := failure("can't open " + what + ": " + reason(msg.err, msg.url) + " — " + msg.url)
		n.subject = msg.url
		return m, m.notify(n)
	}
	return m, m.notify(sayAbout("opening "+msg.url, msg.url))
}

// reason is the gist of an error about subject: its first line, without
// the "verb subject: " prefix that repeats what the message around it says.
func reason(err error, subject string) string {
	text := err.Error()
	for _, s := range []string{subject, strconv.Quote(subject)} {
		if _, after, ok := strings.Cut(text, s+": "); ok && after != "" {
			text = after
			break
		}
	}
	first, _, _ := strings.Cut(text, "\n")
	return sanitize.Line(first)
}

// copyURL puts the current URL on the clipboard with OSC 52.
func (m Model) copyURL() (tea.Model, tea.Cmd) {
	u := m.currentURL()
	if u == "" {
		return m, m.notify(say("no URL to copy here"))
	}
	return m, tea.Batch(tea.SetClipboard(u), m.notify(sayAbout("copied URL "+u, u)))
}
