package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// Each new message takes the status bar at once: the one before it is
// about an action the reader has already moved past.
func TestNewestNoticeReplacesTheLastAtOnce(t *testing.T) {
	d := newDriver(t, newWeb().options(), 120, 30)
	d.press("y")
	if status := lastLine(d.screen()); !strings.Contains(status, "herald.example/barrier") {
		t.Fatalf("status after the first copy: %q", status)
	}
	d.selectTitle("Night trains return to the northern line")
	d.press("y")
	if status := lastLine(d.screen()); !strings.Contains(status, "rail.example/night-trains") || strings.Contains(status, "herald") {
		t.Errorf("the second copy shows %q, want the second URL", status)
	}

	// A second search without matches names its own term.
	d.press("tab", "/")
	d.typeText("zzzfirst")
	d.press("enter", "/")
	d.typeText("qqqsecond")
	d.press("enter")
	if status := lastLine(d.screen()); !strings.Contains(status, "qqqsecond") || strings.Contains(status, "zzzfirst") {
		t.Errorf("second failed search shows %q", status)
	}

	// The newest message's timer clears it; the timer of the one it
	// replaced does not.
	d.press("esc", "esc")
	d.press("y")
	ticks := d.ticks
	d.ticks = nil
	if len(ticks) < 2 {
		t.Fatalf("%d timers held, want one per notice", len(ticks))
	}
	d.send(ticks[len(ticks)-2]) // the search notice's timer
	if !strings.Contains(lastLine(d.screen()), "copied URL") {
		t.Errorf("an older notice's timer cleared the newest: %q", lastLine(d.screen()))
	}
	d.send(ticks[len(ticks)-1])
	if status := lastLine(d.screen()); strings.Contains(status, "copied") || !strings.Contains(status, "q quit") {
		t.Errorf("the newest notice outlived its timer: %q", status)
	}
}

// A page loading in the foreground always shows its spinner line, whatever
// was said before it started.
func TestLoadInProgressShowsItsSpinnerOverOldNotices(t *testing.T) {
	w := newWeb()
	delete(w.pages, tidesURL)
	d := newDriver(t, w.options(), 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter")
	if status := lastLine(d.screen()); !strings.Contains(status, "404") {
		t.Fatalf("setup: no 404 after a failed walk: %q", status)
	}
	w.gate, w.started = make(chan struct{}), make(chan context.Context, 1)
	d.selectTitle("Gauge data for the month")
	cmd := d.update(keyMsg("enter"))
	status := lastLine(d.screen())
	if !strings.Contains(status, "loading "+gaugeURL) || !strings.Contains(status, "esc cancels") {
		t.Errorf("status during the load: %q, want the spinner line", status)
	}
	if strings.Contains(status, "404") {
		t.Errorf("an old error shows during a new load: %q", status)
	}
	// A message said during the load shows beside the spinner.
	d.press("y")
	status = lastLine(d.screen())
	if !strings.Contains(status, "loading") || !strings.Contains(status, "copied") {
		t.Errorf("status with a message during the load: %q", status)
	}
	close(w.gate)
	d.run(cmd)
	if !strings.Contains(d.readerText(), "about gauge") {
		t.Fatalf("the load did not finish: %.60q", d.readerText())
	}
}

// Many failed sources: the latest one shows at once beside the count, the
// bar is free again after one timer, and help lists every failure in the
// order the sources were given.
func TestManyFailuresShowTheLatestAndACount(t *testing.T) {
	sources := []string{"front.txt"}
	for i := range 6 {
		sources = append(sources, fmt.Sprintf("bad%d.txt", i))
	}
	d := newDriver(t, twoSourceOptions(sources...), 120, 40)
	status := lastLine(d.screen())
	if !strings.Contains(status, "6 failed") || !strings.Contains(status, "no such file") {
		t.Fatalf("status with six failures: %q", status)
	}
	d.fireTicks()
	if status := lastLine(d.screen()); strings.Contains(status, "no such file") || !strings.Contains(status, "6 failed") {
		t.Errorf("after one timer: %q, want the hints and the count", status)
	}
	d.press("?")
	scr := d.screen()
	last := -1
	for i := range 6 {
		at := strings.Index(scr, fmt.Sprintf("open bad%d.txt: no such file", i))
		if at < 0 {
			t.Fatalf("help does not list bad%d.txt:\n%s", i, scr)
		}
		if at < last {
			t.Errorf("help lists bad%d.txt out of order", i)
		}
		last = at
	}
}

// longURL is a story URL far wider than a status bar.
const longURL = "https://news.example.com/story/harbour-council-approves-the-tidal-barrier-after-a-night-of-debate-12345678"

func longURLOptions() Options {
	return Options{
		Docs: []story.Document{{Source: "long.txt", Stories: []story.Story{{
			Title: "Harbour council approves tidal barrier", Site: "Coast Herald", URL: longURL, Body: body("barrier", 3),
		}}}},
		Renderer: render.NewRenderer(0),
		Style:    render.Dark,
	}
}

func TestOpenSaysWhatHappenedReasonFirst(t *testing.T) {
	opts := longURLOptions()
	opts.OpenURL = func(u string) error {
		return fmt.Errorf("open %s: %w", u, fmt.Errorf("no browser found (set $BROWSER)\nstart xdg-open: exec: \"xdg-open\": executable file not found in $PATH"))
	}
	d := newDriver(t, opts, 80, 24)
	d.press("o")
	status := lastLine(d.screen())
	if !strings.Contains(status, "can't open browser: no browser found (set $BROWSER)") {
		t.Errorf("failed open: %q, want the reason first", status)
	}
	if !strings.Contains(status, "news.example.com/") || !strings.Contains(status, "…") {
		t.Errorf("failed open: %q, want the URL shortened after the reason", status)
	}
	if strings.Contains(status, "xdg-open") {
		t.Errorf("failed open: %q, want only the first line of the reason", status)
	}
	if w := ansi.StringWidth(status); w != 80 {
		t.Errorf("status bar %d cells wide", w)
	}

	opts.OpenURL = func(string) error { return nil }
	d = newDriver(t, opts, 80, 24)
	d.press("o")
	if status := lastLine(d.screen()); !strings.Contains(status, "opening news.example.com/") {
		t.Errorf("successful open: %q, want “opening” and the short URL", status)
	}
}

func TestLongSourceNamesAreShortenedToKeepTheReason(t *testing.T) {
	long := "/home/reader/saved/news/2024/some-very-long-folder-name-for-the-archive/missing-front-page.txt"
	d := newDriver(t, twoSourceOptions("front.txt", long), 80, 24)
	status := lastLine(d.screen())
	if !strings.Contains(status, "missing-front-page.txt: no such file") {
		t.Errorf("status %q, want the file name and the reason", status)
	}
	if !strings.Contains(status, "…") {
		t.Errorf("status %q, want the path shortened", status)
	}
	if got := d.m.Errors(); len(got) != 1 || !strings.Contains(got[0], long) {
		t.Errorf("Errors() = %q, want the full source name", got)
	}
}

func TestShortSubjectKeepsWhatNamesThePage(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"missing.txt", 20, "missing.txt"},
		{"https://a.example/b", 40, "https://a.example/b"},
		{"https://news.example.com/story/some-long-slug-1234", 42, "news.example.com/story/some-long-slug-1234"},
		{"https://news.example.com/story/some-long-slug-1234", 40, "news.example.com/st…/some-long-slug-1234"},
		{"https://news.example.com/story/some-long-slug-1234", 30, "news.example.com/…ng-slug-1234"},
		{"/home/reader/saved/a-long-folder/front-page.txt", 30, "/home/read…lder/front-page.txt"},
		{"東京新聞/とても長いフォルダの名前/記事.txt", 20, "東京新…名前/記事.txt"},
	}
	for _, tt := range tests {
		got := shortSubject(tt.in, tt.w)
		if got != tt.want {
			t.Errorf("shortSubject(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
		if w := ansi.StringWidth(got); w > tt.w {
			t.Errorf("shortSubject(%q, %d) is %d cells", tt.in, tt.w, w)
		}
	}
}
