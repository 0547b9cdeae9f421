package meta

import "testing"

func TestSiteName(t *testing.T) {
	tests := []struct {
		name, url, html, want string
	}{
		{"plain", "https://money.example/a", `<meta property="og:site_name" content="Money Daily">`, "Money Daily"},
		{"second name is a domain", "https://money.example/a",
			`<meta property="og:site_name" content="The Money Daily | MoneyDaily.com">`, "The Money Daily"},
		{"domain first", "https://money.example/a",
			`<meta property="og:site_name" content="MoneyDaily.com | The Money Daily">`, "The Money Daily"},
		{"tagline dropped", "https://pn.example/a",
			`<meta property="og:site_name" content="Penny Notes - Money tips for everyone">`, "Penny Notes"},
		{"the part naming the host", "https://pennynotes.example/a",
			`<meta property="og:site_name" content="Money tips for everyone | Penny Notes">`, "Penny Notes"},
		{"host name leading a longer part", "https://aidoc.example/a",
			`<meta property="og:site_name" content="Healthcare AI | Aidoc Always-on AI">`, "Aidoc Always-on AI"},
		{"hyphen in a word kept", "https://money.example/a",
			`<meta property="og:site_name" content="Spider-Man Fans">`, "Spider-Man Fans"},
		{"only domains", "https://money.example/a",
			`<meta property="og:site_name" content="money.example | moneydaily.example">`, "money.example"},
		// A section in og:site_name gives way to a publisher naming the host.
		{"section as og:site_name, publisher in json-ld", "https://www.reuters.com/article/us-ferry",
			`<meta property="og:site_name" content="U.S."><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Reuters"}}</script>`, "Reuters"},
		{"section as og:site_name, site in the title", "https://coastherald.example/sport/regatta",
			`<meta property="og:site_name" content="Sport"><title>Harbour crew wins the regatta | Coast Herald</title>`, "Coast Herald"},
		{"og:site_name naming no host kept", "https://radio.example/story/pilots",
			`<meta property="og:site_name" content="Coast Radio"><title>Pilots train at night | Other Name</title>`, "Coast Radio"},
		{"no letters", "https://money.example/a", `<meta property="og:site_name" content="/">`, "money.example"},
		{"url as name", "https://money.example/a",
			`<meta property="og:site_name" content="https://www.money.example/">`, "money.example"},
		{"title tail naming the host", "https://pennynotes.example/a",
			`<title>Rates held again - Penny Notes</title>`, "Penny Notes"},
		{"title head naming the host", "https://pennynotes.example/a",
			`<title>Penny Notes: Rates held again</title>`, "Penny Notes"},
		{"title tail, host from og:image", "",
			`<title>Rates held again - Penny Notes</title><meta property="og:image" content="https://cdn.pennynotes.example/a.jpg">`, "Penny Notes"},
		{"title tail named by the feed", "",
			`<title>Rates held again | Money Daily</title><link rel="alternate" type="application/rss+xml" title="Money Daily: latest" href="/rss">`, "Money Daily"},
		{"section tail is no site", "https://money.example/a", `<title>Rates held again | Markets</title>`, "money.example"},
		{"section tail without url", "", `<title>Rates held again | Markets</title>`, ""},
		{"author tail is no site", "https://anaruiz.example/a", `<title>Rates held again - by Ana Ruiz</title>`, "anaruiz.example"},
		{"headline head is no site", "https://apple.example/a", `<title>Apple sues its rival | Tech</title>`, "apple.example"},
		{"korean tail named by the feed", "",
			`<title>금리 또 동결 - 머니데일리</title><link rel="alternate" title="머니데일리 최신뉴스" href="/rss">`, "머니데일리"},
		{"japanese full-width bar, copyright", "",
			`<title>金利据え置き｜マネー日報</title><meta name="copyright" content="© マネー日報">`, "マネー日報"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(parseString(t, tt.html), tt.url).Site; got != tt.want {
				t.Errorf("Site = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTitleSiteSuffix checks that a site name the page signs its title with
// comes off the headline, in any script, with or without the page's URL.
func TestTitleSiteSuffix(t *testing.T) {
	tests := []struct {
		name, url, html, want string
	}{
		{"korean title, latin site on the host", "https://hanbit.example/view?id=1",
			`<title>금리 또 동결, 시장은 관망 - Hanbit</title>`, "금리 또 동결, 시장은 관망"},
		{"korean title, host only in og:image", "",
			`<title>금리 또 동결, 시장은 관망 - Hanbit</title><meta name="og:image1" content="http://hanbit.example/photo/1.jpg">`, "금리 또 동결, 시장은 관망"},
		{"korean site named by the feed", "",
			`<title>금리 또 동결 - 한빛일보</title><link rel="alternate" title="한빛일보 최신기사" href="/rss">`, "금리 또 동결"},
		{"japanese full-width bar", "",
			`<title>金利据え置き｜マネー日報</title><meta name="copyright" content="© マネー日報">`, "金利据え置き"},
		{"second site name stripped", "https://money.example/a",
			`<meta property="og:site_name" content="The Money Daily | MoneyDaily.com"><title>Rates held again - MoneyDaily.com</title>`, "Rates held again"},
		{"unsigned dash kept", "",
			`<title>Spider-Man returns - and he is tired</title>`, "Spider-Man returns - and he is tired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(parseString(t, tt.html), tt.url).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBareDomain(t *testing.T) {
	for in, want := range map[string]bool{
		"JPost.com": true, "go.dev": true, "news.bbc.co.uk": true, "Move.org": true,
		"The Post": false, "Dr. Who": false, "v1.2": false, "": false, "example.": false, "a.b/c": false,
	} {
		if got := bareDomain(in); got != want {
			t.Errorf("bareDomain(%q) = %v, want %v", in, got, want)
		}
	}
}
