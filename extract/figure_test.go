package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// A figure whose image has no alt text shows its caption once: under the
// picture, not also as the picture's description.
func TestFigureCaptionOnce(t *testing.T) {
	const caption = "The quay at dawn. Photo: Coastline Herald"
	s := storyPage(t, `<figure><img src="photo.jpg" alt=""><figcaption>`+caption+`</figcaption></figure>`, "")
	var images, captions int
	for _, b := range s.Body {
		switch b.Kind {
		case story.Image:
			images++
			if strings.Contains(b.Text+blockMD(b), "quay at dawn") {
				t.Errorf("image took the caption as alt: %+v", b)
			}
		case story.Caption:
			captions++
		}
	}
	if images != 1 || captions != 1 {
		t.Errorf("got %d images and %d captions, want 1 of each", images, captions)
	}
	if n := strings.Count(render.BodyMarkdown(s), "quay at dawn"); n != 1 {
		t.Errorf("caption words shown %d times:\n%s", n, render.BodyMarkdown(s))
	}
}

// An image's alt text and its caption are printed once when they say the
// same thing, compared loosely (case, punctuation, a typo, a credit), the
// caption kept; both when they say different things.
func TestAltAndCaptionOnce(t *testing.T) {
	tests := []struct {
		file    string
		keepAlt bool
		once    string // words of the alt that should be read once
	}{
		{"typo-and-credit.html", false, "opens the new ferry terminal"},
		{"case-and-punctuation.html", false, "quay at dawn"},
		{"credit-in-alt.html", false, "drying on the harbour wall"},
		{"caption-adds-a-clause.html", false, "harbour wall"},
		{"different-things.html", true, "blue fishing boat"},
		{"caption-says-less.html", true, "unload the morning catch"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			fig, err := os.ReadFile(filepath.Join("testdata", "figures", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			s := storyPage(t, string(fig), "")
			var alts, captions int
			for _, b := range s.Body {
				switch {
				case b.Kind == story.Image && b.Text != "":
					alts++
				case b.Kind == story.Caption:
					captions++
				}
			}
			if captions != 1 {
				t.Errorf("%d captions, want 1", captions)
			}
			if want := map[bool]int{true: 1, false: 0}[tc.keepAlt]; alts != want {
				t.Errorf("%d image lines with alt text, want %d", alts, want)
			}
			md := strings.ToLower(render.BodyMarkdown(s))
			if n := strings.Count(md, tc.once); n != 1 {
				t.Errorf("%q read %d times:\n%s", tc.once, n, md)
			}
		})
	}
}

func TestNearWord(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"weekes", "weeks", true},
		{"weeks", "weekes", true},
		{"harbour", "harbor", true},
		{"colour", "colour", true},
		{"quay", "quays", true},
		{"quay", "qua", false},
		{"boat", "coat", true},
		{"boat", "cost", false},
		{"ferry", "fairy", false},
		{"can", "cat", false},
	}
	for _, tc := range tests {
		if got := nearWord(tc.a, tc.b); got != tc.want {
			t.Errorf("nearWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
