package main

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tread-reader/tread/library"
)

// pictureSite serves testdata/pictures/article.html, an article with two
// pictures and two more in the page's furniture, and the pictures as
// PNGs made here; it counts the picture requests.
type pictureSite struct {
	*httptest.Server
	pics     map[string][]byte
	requests atomic.Int32
}

func newPictureSite(t *testing.T) *pictureSite {
	t.Helper()
	s := &pictureSite{pics: map[string][]byte{}}
	for i, name := range []string{"wheel", "sacks", "logo", "footer-badge"} {
		m := image.NewGray(image.Rect(0, 0, 16+i, 12))
		for j := range m.Pix {
			m.Pix[j] = uint8(j*3 + i*40)
		}
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		s.pics["/pics/"+name+".png"] = b.Bytes()
	}
	page, err := os.ReadFile(filepath.Join("testdata", "pictures", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/article" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if _, err := w.Write(page); err != nil {
				t.Log(err)
			}
			return
		}
		s.requests.Add(1)
		data, ok := s.pics[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		if _, err := w.Write(data); err != nil {
			t.Log(err)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// A page saved with --save has its article's pictures saved with it, and
// not the pictures of its header and footer; offline they are still there.
func TestSaveKeepsArticlePictures(t *testing.T) {
	for _, mode := range [][]string{{"--save"}, {"--json"}} {
		t.Run(mode[0], func(t *testing.T) {
			dir := isolate(t)
			site := newPictureSite(t)
			url := site.URL + "/article"
			if code, _, errOut := runArgs(t, "", append(mode, url)...); code != 0 {
				t.Fatalf("%s: exit %d, %s", mode[0], code, errOut)
			}
			if n := site.requests.Load(); n != 2 {
				t.Errorf("%d pictures fetched, want the article's 2", n)
			}
			lib, err := library.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer lib.Close()
			recs, err := lib.Pictures(url)
			if err != nil {
				t.Fatal(err)
			}
			store, err := lib.PictureStore(library.PictureOptions{}.Limits)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range recs {
				ref, ok := r.Ref()
				data, err := store.Read(ref)
				if !ok || err != nil || !bytes.Equal(data, site.pics[strings.TrimPrefix(r.Src, site.URL)]) {
					t.Errorf("%s: stored=%v, %v", r.Src, ok, err)
				}
				got = append(got, strings.TrimPrefix(r.Src, site.URL))
			}
			if strings.Join(got, " ") != "/pics/wheel.png /pics/sacks.png" {
				t.Errorf("pictures recorded: %v, want the article's two in page order", got)
			}
			site.Close()
			if code, _, errOut := runArgs(t, "", "--offline", "--json", url); code != 0 {
				t.Errorf("offline: exit %d, %s", code, errOut)
			}
		})
	}
}
