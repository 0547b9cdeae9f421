package sample

import (
	"bytes"
	"errors"
	"image/png"
	"testing"
	"time"

	"github.com/tread-reader/tread/story"
)

func TestPicture(t *testing.T) {
	tests := []struct {
		url    string
		onHost bool
		err    error
	}{
		{URL("/lamp.png"), true, nil},
		{URL("/missing.png"), true, errNoPicture},
		{"https://example.org/lamp.png", false, nil},
	}
	for _, tt := range tests {
		data, onHost, err := Picture(tt.url)
		if onHost != tt.onHost || !errors.Is(err, tt.err) || (err == nil && onHost) != (len(data) > 0) {
			t.Errorf("Picture(%s) = %d bytes, %v, %v", tt.url, len(data), onHost, err)
			continue
		}
		if len(data) > 0 {
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				t.Errorf("Picture(%s) is not a PNG: %v", tt.url, err)
			}
		}
	}
	// The sample's own story names the picture it can show.
	for _, st := range Edition(time.Now()).Stories {
		for _, b := range st.Body {
			if _, onHost, err := Picture(b.URL); b.Kind == story.Image && (!onHost || err != nil) {
				t.Errorf("the sample's picture %s: %v", b.URL, err)
			}
		}
	}
}
