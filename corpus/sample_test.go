package corpus

import "testing"

func TestSiteSample(t *testing.T) {
	pages := []Page{
		{ID: "b", URL: "https://a.example/x"},
		{ID: "a", URL: "https://www.a.example/y"},
		{ID: "c", URL: "https://b.example/z"},
		{ID: "d", URL: "https://c.example/z"},
		{ID: "e", URL: "not a url"},
	}
	for _, tc := range []struct {
		name, half string
		n, want    int
	}{
		{"all sites", "", 10, 3},
		{"capped", "", 2, 2},
		{"none", "", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SiteSample(pages, tc.half, tc.n)
			if len(got) != tc.want {
				t.Fatalf("got %d pages, want %d", len(got), tc.want)
			}
			seen := map[string]bool{}
			for _, p := range got {
				s := Site(p.URL)
				if seen[s] {
					t.Errorf("site %s sampled twice", s)
				}
				seen[s] = true
				if s == "a.example" && p.ID != "a" {
					t.Errorf("a.example gave page %s, want its smallest id a", p.ID)
				}
			}
		})
	}
	for _, h := range []string{HalfA, HalfB} {
		for _, p := range SiteSample(pages, h, 10) {
			if Half(p.URL) != h {
				t.Errorf("half %s sample holds %s of half %s", h, p.URL, Half(p.URL))
			}
		}
	}
	a, b := SiteSample(pages, "", 10), SiteSample(pages, "", 10)
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Fatalf("sample differs between runs at %d: %s, %s", i, a[i].ID, b[i].ID)
		}
	}
}
