package subscribe

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/internal/crashtest"
	"github.com/tread-reader/tread/library"
)

// The crash test runs this test binary again as a child that refreshes a
// feed whose articles come slowly, and kills it with SIGKILL once a few
// are saved.
const (
	crashDirEnv  = "TREAD_REFRESH_CRASH_DIR"
	crashFeedEnv = "TREAD_REFRESH_CRASH_FEED"
	crashItems   = 12
)

// TestRefreshCrashChild is the process TestKilledDuringRefresh kills; on
// its own it does nothing.
func TestRefreshCrashChild(t *testing.T) {
	dir, feedURL := os.Getenv(crashDirEnv), os.Getenv(crashFeedEnv)
	if dir == "" {
		t.Skip("only run as the child of TestKilledDuringRefresh")
	}
	r, err := crashRefresher(dir, feedURL)
	if err != nil {
		t.Fatal(err)
	}
	r.Report = func(Result) { fmt.Println("feed done") }
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	fmt.Println("finished")
}

func crashRefresher(dir, feedURL string) (*Refresher, error) {
	lib, err := library.Open(filepath.Join(dir, "library"))
	if err != nil {
		return nil, err
	}
	st, err := LoadState(filepath.Join(dir, StateFileName))
	if err != nil {
		return nil, err
	}
	return &Refresher{
		List: &List{Subs: []Subscription{{URL: feedURL}}}, State: st,
		StatePath: filepath.Join(dir, StateFileName), Library: lib, Articles: true,
	}, nil
}

// TestKilledDuringRefresh: a refresh killed with SIGKILL loses none of the
// articles it saved, and the next refresh completes the work without
// fetching them again or listing an item twice.
func TestKilledDuringRefresh(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	site := newNewsSite(t)
	var items [][4]string
	for i := range crashItems {
		items = append(items, [4]string{fmt.Sprintf("Story %d", i), fmt.Sprintf("/news/%d", i), fmt.Sprint(i), date1})
	}
	site.handle("/feed", serveFeed(rss(items...), "", ""))
	slow := func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(150 * time.Millisecond)
		articlePage(w, r)
	}
	for i := range crashItems {
		site.handle(fmt.Sprintf("/news/%d", i), slow)
	}
	dir := t.TempDir()
	cmd, lines, _ := crashtest.Start(t, "TestRefreshCrashChild", crashDirEnv+"="+dir, crashFeedEnv+"="+site.URL+"/feed")
	libDir := filepath.Join(dir, "library")
	deadline := time.Now().Add(20 * time.Second)
	for savedPages(libDir) < 3 {
		if time.Now().After(deadline) {
			crashtest.Reap(t, cmd)
			t.Fatal("child saved no articles in 20s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	crashtest.Kill(t, cmd, lines)
	lib, err := library.Open(libDir)
	if err != nil {
		t.Fatal(err)
	}
	before, warnings := lib.List()
	if len(warnings) > 0 {
		t.Errorf("library damaged by the kill: %v", warnings)
	}
	if len(before) < 3 || len(before) == crashItems {
		t.Fatalf("%d articles saved before the kill, want some but not all", len(before))
	}
	counts := map[string]int{}
	for _, e := range before {
		counts[e.URL] = site.count(strings.TrimPrefix(e.URL, site.URL))
	}

	r, err := crashRefresher(dir, site.URL+"/feed")
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, r)[0]
	if res.Err != nil || res.New != crashItems || res.Saved != crashItems {
		t.Fatalf("refresh after the kill: %+v", res)
	}
	for u, n := range counts {
		if got := site.count(strings.TrimPrefix(u, site.URL)); got != n {
			t.Errorf("%s fetched again after the kill (%d requests, then %d)", u, n, got)
		}
	}
	if all, _ := lib.List(); len(all) != crashItems {
		t.Errorf("%d articles in the library, want %d", len(all), crashItems)
	}
	st, err := LoadState(r.StatePath)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, n := range st.New {
		if keys[n.Key] {
			t.Errorf("item %s listed new twice", n.Key)
		}
		keys[n.Key] = true
	}
	if len(keys) != crashItems {
		t.Errorf("%d new items, want %d", len(keys), crashItems)
	}
}

// savedPages counts the library's finished page files.
func savedPages(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".page") && !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	return n
}
