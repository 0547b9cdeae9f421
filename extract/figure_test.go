package extract

import (
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
