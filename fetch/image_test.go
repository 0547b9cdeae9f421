package fetch

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"testing"
)

// tinyPNG is a 2×2 PNG made here, so the test needs no file of its own.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	m.Set(1, 1, color.NRGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestFetchImage(t *testing.T) {
	pic := tinyPNG(t)
	var accept string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		switch r.URL.Path {
		case "/typed.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(pic)
		case "/untyped":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(pic)
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		case "/html-as-bytes":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte(page))
		case "/big.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(bytes.Repeat([]byte{0x89}, 4096))
		default:
			http.NotFound(w, r)
		}
	})
	for _, tt := range []struct {
		name, path string
		max        int64
		kind       error
		detail     string
		wantType   string
	}{
		{"typed image", "/typed.png", 0, nil, "", "image/png"},
		{"image sent as bytes", "/untyped", 0, nil, "", "image/png"},
		{"a web page", "/page", 0, ErrNotImage, "not an image but a web page (text/html)", ""},
		{"a web page sent as bytes", "/html-as-bytes", 0, ErrNotImage, "not an image but a web page (text/html)", ""},
		{"over the size cap", "/big.png", 1024, ErrTooLarge, "larger than the 1KB limit", ""},
		{"missing", "/gone.png", 0, ErrStatus, "404 Not Found", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := FetchImage(context.Background(), srv.URL+tt.path, Options{MaxSize: tt.max})
			if tt.kind != nil {
				checkError(t, err, tt.kind, srv.URL+tt.path, tt.detail)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.ContentType != tt.wantType || !bytes.Equal(p.Body, pic) {
				t.Errorf("got %s, %d bytes; want %s, the %d bytes sent", p.ContentType, len(p.Body), tt.wantType, len(pic))
			}
			if !strings.HasPrefix(accept, "image/") {
				t.Errorf("Accept: %q, want image types", accept)
			}
		})
	}
}
