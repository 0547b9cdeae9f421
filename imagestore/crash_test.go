package imagestore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/internal/crashtest"
)

// The crash test runs this test binary again as a child that saves a
// page's pictures, the last one large and written slowly, and kills it
// with SIGKILL while that one is half on disk.
const (
	crashDirEnv = "TREAD_IMAGESTORE_CRASH_DIR"
	crashSignal = "writing the big one"
)

// crashPics are the page's pictures, in page order: two small, one big.
func crashPics(t testing.TB) (small1, small2, big []byte) {
	return pic(t, 20, 20, 1), pic(t, 30, 20, 2), pic(t, 1300, 1200, 3) // big: 6MB uncompressed
}

// TestCrashChild is the process TestKilledWhileSavingPictures kills; on
// its own it does nothing.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("only run as the child of TestKilledWhileSavingPictures")
	}
	a, b, big := crashPics(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data := map[string][]byte{"/a.png": a, "/b.png": b, "/big.png": big}[r.URL.Path]
		w.Header().Set("Content-Type", "image/png")
		if _, err := w.Write(data); err != nil {
			t.Log(err)
		}
	}))
	defer srv.Close()
	s, err := Open(dir, Limits{MaxImage: 16 << 20, MaxPage: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	// bufio hands the big picture over in 64KB writes; say so at the first.
	s.testHookWrite = func(w io.Writer) io.Writer {
		return writerFunc(func(p []byte) (int, error) {
			if len(p) >= 32<<10 {
				fmt.Println(crashSignal)
			}
			return crashtest.SlowWriter{W: w}.Write(p)
		})
	}
	res := (&Fetcher{Store: s, Concurrency: 3}).SavePage(context.Background(), []string{srv.URL + "/a.png", srv.URL + "/b.png", srv.URL + "/big.png"})
	for _, r := range res {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	fmt.Println("finished") // the parent never killed us
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestKilledWhileSavingPictures(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	dir := filepath.Join(t.TempDir(), "images")
	temp, written := crashtest.KillMidWrite(t, "TestCrashChild", []string{crashDirEnv + "=" + dir},
		crashSignal, filepath.Join(dir, tempDir, tempPrefix+"*"), 1<<20)
	t.Logf("killed with %d bytes of the big picture written", written)

	a, b, big := crashPics(t)
	if written >= int64(len(big)) {
		t.Fatalf("the kill came too late: all %d bytes were written", written)
	}
	s := open(t, dir, Limits{MaxImage: 16 << 20})
	for _, data := range [][]byte{a, b} {
		ref, ok := s.Lookup(hashOf(data))
		if !ok {
			t.Fatalf("a picture saved before the kill is gone")
		}
		if got, err := s.Read(ref); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s after the kill: %d bytes, %v", ref.Name(), len(got), err)
		}
	}
	if ref, ok := s.Lookup(hashOf(big)); ok {
		t.Errorf("the picture being written is visible as %s", ref.Name())
	}
	// Every file under a final name is whole: its bytes match its name.
	names, err := readDir(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if name == tempDir {
			continue
		}
		hash, ext, _ := strings.Cut(name, ".")
		if _, err := s.Read(Ref{Hash: hash, Ext: ext}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The store goes on working, and an old leftover is cleared on Open.
	if _, err := s.Put(big); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * staleTemp)
	if err := os.Chtimes(temp, old, old); err != nil {
		t.Fatal(err)
	}
	open(t, dir, Limits{})
	if _, err := os.Stat(temp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the leftover temp file is still there: %v", err)
	}
}
