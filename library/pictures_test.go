package library

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tread-reader/tread/imagestore"
	"github.com/tread-reader/tread/internal/crashtest"
	"github.com/tread-reader/tread/story"
)

// testPic is a w×h PNG whose pixels depend on seed, stored uncompressed
// so that its size is predictable.
func testPic(t testing.TB, w, h int, seed uint8) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = uint8(i*5) ^ seed
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// picServer serves pics by path and counts the requests.
func picServer(t testing.TB, pics map[string][]byte, requests *atomic.Int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		data, ok := pics[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		if _, err := w.Write(data); err != nil {
			t.Log(err)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestArticlePictures(t *testing.T) {
	img := func(u string) story.Block { return story.Block{Kind: story.Image, Text: "alt", URL: u} }
	stories := []story.Story{{
		Body: []story.Block{
			img("https://a.example/1.jpg"), {Kind: story.Paragraph, Text: "text"}, img("https://a.example/1.jpg"),
			img("javascript:alert(1)"), img("data:image/png;base64,AAAA"), img("/relative.png"), img("http://a.example/2.png"),
		},
		Related: []story.Story{{Body: []story.Block{img("https://a.example/related.jpg")}}},
	}}
	got := strings.Join(ArticlePictures(stories), " ")
	if want := "https://a.example/1.jpg http://a.example/2.png"; got != want {
		t.Errorf("ArticlePictures = %s, want %s", got, want)
	}
}

func TestSavePictures(t *testing.T) {
	a, b, big := testPic(t, 8, 8, 1), testPic(t, 9, 9, 2), testPic(t, 60, 60, 3)
	var requests atomic.Int32
	srv := picServer(t, map[string][]byte{"/a.png": a, "/b.png": b, "/big.png": big}, &requests)
	l := open(t, t.TempDir())
	page := srv.URL + "/story"
	if _, err := l.Save(testPage(page, time.Now(), "<p>story</p>")); err != nil {
		t.Fatal(err)
	}
	srcs := []string{srv.URL + "/a.png", srv.URL + "/missing.png", srv.URL + "/big.png", srv.URL + "/b.png"}
	opts := PictureOptions{Limits: imagestore.Limits{MaxImage: 4000, MaxPage: 1 << 20}}
	n, err := l.SavePictures(context.Background(), page, srcs, opts)
	if err != nil || n != 2 {
		t.Fatalf("SavePictures = %d, %v; want 2 stored", n, err)
	}
	recs, err := l.Pictures(page)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		src    string
		data   []byte
		errHas string
	}{
		{srcs[0], a, ""}, {srcs[1], nil, "404"}, {srcs[2], nil, "limit"}, {srcs[3], b, ""},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(recs), len(want), recs)
	}
	store, err := l.PictureStore(opts.Limits)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		r := recs[i]
		ref, ok := r.Ref()
		if r.Src != w.src || ok != (w.data != nil) || !strings.Contains(r.Err, w.errHas) {
			t.Errorf("record %d = %+v, want %s stored=%v error~%q", i, r, w.src, w.data != nil, w.errHas)
			continue
		}
		if ok {
			if got, err := store.Read(ref); err != nil || !bytes.Equal(got, w.data) {
				t.Errorf("picture %d reads %d bytes, %v", i, len(got), err)
			}
		}
	}
	// Asked again, nothing is fetched: the record knows every picture.
	before := requests.Load()
	if n, err := l.SavePictures(context.Background(), page, srcs, opts); n != 0 || err != nil {
		t.Errorf("second SavePictures = %d, %v", n, err)
	}
	if requests.Load() != before {
		t.Errorf("%d requests for pictures already recorded", requests.Load()-before)
	}
	// The record is a file: a rebuilt index changes nothing.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(l.Dir(), filepath.Dir(indexName))); err != nil {
		t.Fatal(err)
	}
	if again, err := open(t, l.Dir()).Pictures(page); err != nil || len(again) != len(recs) {
		t.Errorf("after the index went: %d records, %v", len(again), err)
	}
}

// TestSavePicturesPageCap: the page's cap counts the pictures stored by
// earlier saves of the same page.
func TestSavePicturesPageCap(t *testing.T) {
	a, b := testPic(t, 10, 10, 1), testPic(t, 10, 10, 2)
	var requests atomic.Int32
	srv := picServer(t, map[string][]byte{"/a.png": a, "/b.png": b}, &requests)
	l := open(t, t.TempDir())
	page := srv.URL + "/story"
	opts := PictureOptions{Limits: imagestore.Limits{MaxPage: int64(len(a) + len(b)/2)}}
	if n, err := l.SavePictures(context.Background(), page, []string{srv.URL + "/a.png"}, opts); n != 1 || err != nil {
		t.Fatalf("first save = %d, %v", n, err)
	}
	if n, err := l.SavePictures(context.Background(), page, []string{srv.URL + "/a.png", srv.URL + "/b.png"}, opts); n != 0 || err != nil {
		t.Errorf("second save = %d, %v; want b refused by the page's cap", n, err)
	}
}

func TestPicturesDamagedRecord(t *testing.T) {
	l := open(t, t.TempDir())
	page := "https://example.org/story"
	for _, tt := range []struct{ name, body string }{
		{"not json", "{\"url\": \x1b[31m"},
		{"too big", `{"url":"` + strings.Repeat("x", maxRecord) + `"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := l.recordPath(page)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			recs, err := l.Pictures(page)
			if err == nil || len(recs) != 0 || strings.ContainsRune(err.Error(), '\x1b') || !strings.Contains(err.Error(), page) {
				t.Errorf("Pictures = %v, %v; want a one-line error naming the page", recs, err)
			}
		})
	}
}

// The picture crash test runs this test binary again as a child that
// saves a page and then its pictures, the last one served slowly, and
// kills it with SIGKILL while that one is on its way.
const (
	picCrashDirEnv = "TREAD_LIBRARY_PICTURE_CRASH_DIR"
	picCrashSignal = "the big picture is on its way"
)

// TestPictureCrashChild is the process TestKilledWhileSavingPictures
// kills; on its own it does nothing.
func TestPictureCrashChild(t *testing.T) {
	dir := os.Getenv(picCrashDirEnv)
	if dir == "" {
		t.Skip("only run as the child of TestKilledWhileSavingPictures")
	}
	a, b, big := crashPictures(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		data := map[string][]byte{"/a.png": a, "/b.png": b, "/big.png": big}[r.URL.Path]
		if r.URL.Path == "/big.png" {
			if _, err := w.Write(data[:len(data)/2]); err != nil {
				t.Log(err)
			}
			w.(http.Flusher).Flush()
			fmt.Println(picCrashSignal)
			time.Sleep(time.Minute)
		}
		if _, err := w.Write(data); err != nil {
			t.Log(err)
		}
	}))
	defer srv.Close()
	l := open(t, dir)
	page := "https://example.org/story"
	if _, err := l.Save(testPage(page, time.Now(), "<p>story</p>")); err != nil {
		t.Fatal(err)
	}
	// One fetch at a time: the big picture is asked for only once the
	// small ones are stored and recorded.
	opts := PictureOptions{Concurrency: 1}
	if _, err := l.SavePictures(context.Background(), page, []string{srv.URL + "/a.png", srv.URL + "/b.png", srv.URL + "/big.png"}, opts); err != nil {
		t.Fatal(err)
	}
	fmt.Println("finished") // the parent never killed us
}

func crashPictures(t testing.TB) (a, b, big []byte) {
	return testPic(t, 12, 12, 1), testPic(t, 14, 12, 2), testPic(t, 300, 300, 3)
}

func TestKilledWhileSavingPictures(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	dir := t.TempDir()
	cmd, lines, stderr := crashtest.Start(t, "TestPictureCrashChild", picCrashDirEnv+"="+dir)
	killed := false
	defer func() {
		if !killed {
			crashtest.Reap(t, cmd)
		}
	}()
	crashtest.WaitLine(t, lines, stderr, picCrashSignal, time.After(time.Minute))
	crashtest.Kill(t, cmd, lines)
	killed = true

	// Offline, the page reads and so do the pictures that were whole.
	l := open(t, dir)
	page := "https://example.org/story"
	e, ok := l.Lookup(page)
	if !ok {
		t.Fatal("the page is gone after the kill")
	}
	if _, err := l.Read(e); err != nil {
		t.Fatalf("the page after the kill: %v", err)
	}
	recs, err := l.Pictures(page)
	if err != nil {
		t.Fatal(err)
	}
	a, b, _ := crashPictures(t)
	if len(recs) != 2 {
		t.Fatalf("%d pictures recorded after the kill, want the 2 complete ones: %+v", len(recs), recs)
	}
	store, err := l.PictureStore(imagestore.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{a, b} {
		ref, ok := recs[i].Ref()
		got, err := store.Read(ref)
		if !ok || err != nil || !bytes.Equal(got, data) {
			t.Errorf("picture %d after the kill: stored=%v, %d bytes, %v", i, ok, len(got), err)
		}
	}
}

// FuzzPictureRecords: any bytes in a page's picture record read as a
// record or an error naming the record, never a panic, and what reads
// writes back and reads again the same.
func FuzzPictureRecords(f *testing.F) {
	f.Add([]byte(`{"url":"https://example.org/a","pictures":[{"src":"https://example.org/a.png","hash":"00","ext":"png","size":3}]}`))
	f.Add([]byte(`{"pictures":[{"src":"x","error":"404"}]}` + "\n" + `{"url":1}`))
	f.Add([]byte("\x1b]0;title\x07"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "record.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rec, err := readRecords(path)
		if err != nil {
			if !strings.Contains(err.Error(), "record.json") || strings.ContainsRune(err.Error(), '\n') {
				t.Errorf("error does not name the record on one line: %q", err)
			}
			return
		}
		if err := writeRecords(path, rec); err != nil {
			t.Fatal(err)
		}
		again, err := readRecords(path)
		if err != nil || fmt.Sprint(again) != fmt.Sprint(rec) {
			t.Errorf("read %+v, wrote it, read %+v, %v", rec, again, err)
		}
	})
}
