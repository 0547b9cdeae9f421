package corpus

import "testing"

func TestSiteAndHalf(t *testing.T) {
	for _, c := range []struct{ url, site string }{
		{"https://www.example.com/a/b", "example.com"},
		{"http://News.Example.com:8080/x", "news.example.com"},
		{"https://wwwexample.com/", "wwwexample.com"},
		{"not a url", ""},
		{"", ""},
	} {
		if got := Site(c.url); got != c.site {
			t.Errorf("Site(%q) = %q, want %q", c.url, got, c.site)
		}
	}
	// Every page of one site falls in the same half, www or not.
	for _, pair := range [][2]string{
		{"https://www.example.com/one", "http://example.com/two?x=1"},
		{"https://news.bbc.co.uk/a", "https://NEWS.BBC.CO.UK/b"},
	} {
		if Half(pair[0]) != Half(pair[1]) {
			t.Errorf("%s and %s fell in different halves", pair[0], pair[1])
		}
	}
	// Both halves are used: twenty sites never all hash to one side.
	seen := map[string]int{}
	for _, h := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"} {
		seen[Half("https://"+h+".example.org/")]++
	}
	if seen[HalfA] == 0 || seen[HalfB] == 0 || len(seen) != 2 {
		t.Errorf("halves over twenty sites = %v", seen)
	}
}
