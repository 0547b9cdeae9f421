package extract

import (
	"testing"

	"github.com/tread-reader/tread/story"
)

func TestDecorativeImagesDropped(t *testing.T) {
	tests := []struct {
		name, html, want string // want "" means no image line
	}{
		{"vector file", `<p><img src="/static/chevron-down.3fa9.svg" alt="Open"></p>`, ""},
		{"inline data", `<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="Tide gauge"></p>`, ""},
		{"icon folder", `<p><img src="/assets/icons/pros-cons/pro-bullet.png" alt="pro"></p>`, ""},
		{"icon in the file name", `<p><img src="/media/iconsubscribe.ashx?h=64" alt="Subscribe now"></p>`, ""},
		{"badge", `<p><img src="/img/awards/harbour-badge.png" alt="Reader's Pick"></p>`, ""},
		{"drawn small", `<p>Tables <img src="/img/award_47x107.png" width="107" height="47" alt="Editors' Choice Award"> inside.</p>`, ""},
		{"named an icon", `<p>Online <img src="/files/OpenNewWindow.png" alt="leaving site icon"> now.</p>`, ""},
		{"in a button", `<p><button><img src="/img/share.png" alt="Share this story"></button></p>`, ""},
		{"link saying the same", `<p><a href="/weather/">Weather <img src="/img/sun.png" alt="Weather"></a></p>`, ""},
		{"photo kept", `<p><img src="/img/2024/quay-at-dawn.jpg" width="1200" height="800" alt="Boats leave the quay at dawn"></p>`,
			"![Boats leave the quay at dawn](https://port.example/img/2024/quay-at-dawn.jpg)"},
		{"chart kept", `<p><img src="/charts/tide-heights-2024.png" alt="Chart of tide heights by month"></p>`,
			"![Chart of tide heights by month](https://port.example/charts/tide-heights-2024.png)"},
		{"lazy photo behind a vector placeholder", `<p><img src="/img/missing-image.svg" data-src="/img/lander.jpg" alt="The lander on the quay"></p>`,
			"![The lander on the quay](https://port.example/img/lander.jpg)"},
		{"brand in the host only", `<p><img src="https://logo-cdn.example/2024/quay.jpg" alt="The quay in fog"></p>`,
			"![The quay in fog](https://logo-cdn.example/2024/quay.jpg)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkImageLine(t, storyPage(t, tc.html, ""), tc.want)
		})
	}
}

// checkImageLine checks a story has the one image line want, or none when
// want is empty.
func checkImageLine(t *testing.T, s story.Story, want string) {
	t.Helper()
	var got []string
	for _, b := range s.Body {
		if b.Kind == story.Image {
			got = append(got, "!["+b.Text+"]("+b.URL+")")
		}
	}
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("image kept: %q", got)
	case want != "" && (len(got) != 1 || got[0] != want):
		t.Errorf("got %q, want %q", got, want)
	}
}
