package related

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/story"
)

const pageURL = "https://news.example.com/world/2024/05/01/river-floods-town-center"

// prose is one paragraph of article text, long enough to read as prose.
const prose = `<p>The river rose through the night and by morning the market square stood under a metre of brown water, shopkeepers said, as crews worked to clear the bridge and the council opened the school hall for families who had to leave their homes before dawn.</p>`

// article wraps an in-body snippet and what follows the body in a page
// with the chrome every real page has: a navigation menu, a page header and
// footer holding story-like links that must never come back.
func article(inBody, after string) string {
	return `<!doctype html><html><head><title>River floods town</title>
<link rel="canonical" href="` + pageURL + `"></head><body>
<header><a href="/">Example News</a>
 <nav><ul><li><a href="/world/">World</a></li><li><a href="/world/2024/05/01/related-menu-story-about-floods">Related menu story about the floods today</a></li></ul></nav>
</header>
<main><article><h1>River floods town center</h1>
<div class="article-body">` + prose + prose + prose + inBody + `</div>` + after + `</article></main>
<footer><ul><li><a href="/about/the-company-and-its-long-history">About the company and its history</a></li>
<li><a href="/world/2024/04/30/footer-story-that-is-not-related">Footer story that is not related at all</a></li></ul></footer>
</body></html>`
}

func parse(t testing.TB, src string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

func urls(ss []story.Story) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.URL
	}
	return out
}

func abs(paths ...string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = "https://news.example.com" + p
	}
	return out
}

func TestFindKinds(t *testing.T) {
	tests := []struct {
		name          string
		inBody, after string
		want          []string
		titles        []string // when set, the titles expected
	}{
		{
			name: "heading block after the body",
			after: `<section><h2>Related stories</h2><ul>
<li><a href="/world/2024/04/28/dam-warning-issued-upstream">Dam warning issued upstream as rain continues</a></li>
<li><a href="/world/2024/04/29/farmers-count-cost-of-floods">Farmers count the cost of spring floods</a></li></ul></section>`,
			want: abs("/world/2024/04/28/dam-warning-issued-upstream", "/world/2024/04/29/farmers-count-cost-of-floods"),
		},
		{
			name: "related block inside a wrapper classed as footer",
			after: `<div class="site-footer"><div class="related-posts-block"><h3>You might also like</h3>
<article><h4><a href="/world/2024/04/20/bridge-closed-after-storm">Bridge closed after storm damage found</a></h4></article>
<article><h4><a href="/world/2024/04/21/school-reopens-after-repairs">School reopens after month of repairs</a></h4></article></div>
<ul><li><a href="/world/2024/04/22/footer-list-story-not-related">Footer list story that is not related</a></li></ul></div>`,
			want: abs("/world/2024/04/20/bridge-closed-after-storm", "/world/2024/04/21/school-reopens-after-repairs"),
		},
		{
			name: "cards with a section link above each headline",
			after: `<section><h2>Trending</h2><div class="collection">
<div class="item"><span><a href="/operations">Operations</a></span><a href="/operations/look-back-at-year-in-politics"><h3>A look back on the year in politics</h3></a></div>
<div class="item"><span><a href="/food">Food</a></span><a href="/food/whats-coming-onto-menus-next-year"><h3>What is coming onto menus next year</h3></a></div>
<div class="item"><span><a href="/leadership">Leadership</a></span><a href="/leadership/executives-move-between-chains"><h3>Executives move between the big chains</h3></a></div></div></section>`,
			want: abs("/operations/look-back-at-year-in-politics", "/food/whats-coming-onto-menus-next-year", "/leadership/executives-move-between-chains"),
		},
		{
			name: "class names the block",
			after: `<div class="related-posts"><div class="card"><a href="/world/2024/04/20/bridge-closed-after-storm"><img src="x.jpg" alt=""></a>
<h3><a href="/world/2024/04/20/bridge-closed-after-storm">Bridge closed after storm damage found</a></h3></div>
<div class="card"><h3><a href="/world/2024/04/21/school-reopens-after-repairs">School reopens after month of repairs</a></h3></div></div>`,
			want: abs("/world/2024/04/20/bridge-closed-after-storm", "/world/2024/04/21/school-reopens-after-repairs"),
		},
		{
			name:  "aria-label names the block",
			after: `<aside aria-label="Read next"><a href="/world/2024/04/22/mayor-promises-new-defences">Mayor promises new flood defences by winter</a></aside>`,
			want:  abs("/world/2024/04/22/mayor-promises-new-defences"),
		},
		{
			name:   "READ MORE line in the body",
			inBody: `<p><strong>READ MORE: <a href="/world/2024/04/10/heavy-rain-forecast-for-week">Heavy rain forecast for the rest of the week</a></strong></p>` + prose,
			want:   abs("/world/2024/04/10/heavy-rain-forecast-for-week"),
		},
		{
			name:   "a link that says read more about a story",
			after:  `<div class="related"><p><a href="/world/2024/04/14/what-the-rain-means-for-farms">Read more about what the rain means for farms</a></p></div>`,
			want:   abs("/world/2024/04/14/what-the-rain-means-for-farms"),
			titles: []string{"What the rain means for farms"},
		},
		{
			name:   "Related line in the body",
			inBody: `<p>Related: <a href="/world/2024/04/11/how-towns-prepare-for-floods">How small towns prepare for floods</a></p>` + prose,
			want:   abs("/world/2024/04/11/how-towns-prepare-for-floods"),
		},
		{
			name:   "See also line with several links",
			inBody: `<p>See also<br><a href="/world/2024/04/12/insurers-brace-for-claims">Insurers brace for a wave of claims</a> [ANALYSIS]<br><a href="/world/2024/04/13/volunteers-fill-sandbags">Volunteers fill sandbags through the night</a></p>` + prose,
			want:   abs("/world/2024/04/12/insurers-brace-for-claims", "/world/2024/04/13/volunteers-fill-sandbags"),
		},
		{
			name: "bare headline list at the end of the body",
			inBody: `<ul><li><a href="/world/2024/03/01/last-great-flood-remembered">The last great flood, remembered by those who saw it</a></li>
<li><a href="/world/2024/03/02/river-levels-explained-in-charts">River levels explained in five charts</a></li></ul><p><em>Reporting by the news desk.</em></p>`,
			want: abs("/world/2024/03/01/last-great-flood-remembered", "/world/2024/03/02/river-levels-explained-in-charts"),
		},
		{
			name: "story timeline",
			after: `<div><h3>Story timeline</h3><ol><li><a href="/world/2024/04/01/river-bursts-banks-upstream">River bursts its banks upstream</a></li>
<li><a href="/world/2024/04/15/evacuation-order-lifted">Evacuation order lifted for the valley</a></li></ol></div>`,
			want: abs("/world/2024/04/01/river-bursts-banks-upstream", "/world/2024/04/15/evacuation-order-lifted"),
		},
		{
			name: "you may also like",
			after: `<div class="widget"><h4>You may also like</h4><a href="/travel/2024/02/02/best-riverside-walks-this-spring">The best riverside walks this spring</a>
<a href="/travel/2024/02/03/canal-boat-holidays-guide">A guide to canal boat holidays</a></div>`,
			want: abs("/travel/2024/02/02/best-riverside-walks-this-spring", "/travel/2024/02/03/canal-boat-holidays-guide"),
		},
		{
			name: "related first, then most read",
			after: `<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/sport/2024/05/01/cup-final-tickets-sell-out">Cup final tickets sell out in minutes</a></li></ol></aside>
<section><h2>More on this story</h2><ul><li><a href="/world/2024/04/30/rain-gauge-records-broken">Rain gauge records broken across the county</a></li></ul></section>`,
			want: abs("/world/2024/04/30/rain-gauge-records-broken", "/sport/2024/05/01/cup-final-tickets-sell-out"),
		},
		{
			name: "short same-site paths in a named related block",
			after: `<div class="related-articles"><h2>Related Articles</h2><ul><li><a href="/b.html">A headline of several words</a></li>
<li><a href="/c.html">Another headline of several words here</a></li></ul></div>`,
			want: abs("/b.html", "/c.html"),
		},
		{
			name: "links on the same story are kept once",
			after: `<div class="related"><a href="/world/2024/04/25/flood-map-updated?utm_source=rel#top">Flood map updated for the whole region</a>
<a href="https://www.news.example.com/world/2024/04/25/flood-map-updated/">Flood map updated for the whole region</a></div>`,
			want: abs("/world/2024/04/25/flood-map-updated"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stories := Find(parse(t, article(tc.inBody, tc.after)), nil, pageURL)
			if got := urls(stories); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if tc.titles != nil {
				var got []string
				for _, s := range stories {
					got = append(got, s.Title)
					if s.Description != "" {
						t.Errorf("%s: summary %q repeats the link", s.URL, s.Description)
					}
				}
				if !slices.Equal(got, tc.titles) {
					t.Errorf("titles %q, want %q", got, tc.titles)
				}
			}
		})
	}
}

func TestFindExclusions(t *testing.T) {
	related := `<li><a href="/world/2024/04/28/dam-warning-issued-upstream">Dam warning issued upstream as rain continues</a></li>`
	keep := abs("/world/2024/04/28/dam-warning-issued-upstream")
	tests := []struct {
		name          string
		inBody, after string
		want          []string
	}{
		{
			name:  "menu inside nav",
			after: `<nav><h2>Related</h2><ul><li><a href="/world/2024/04/01/nav-story-that-is-a-menu">Nav story that is only a menu item</a></li></ul></nav>`,
		},
		{
			name: "tag, topic, author and category pages",
			after: `<section><h2>Related</h2><ul>` + related + `
<li><a href="/tag/floods">Floods</a> <a href="/topics/extreme-weather-events">Extreme weather events news</a></li>
<li><a href="/author/jane-smith-reporter">Jane Smith, weather reporter</a></li><li><a href="/category/world-news-today">World news today and more</a></li></ul></section>`,
			want: keep,
		},
		{
			name: "share and comment links",
			after: `<section class="related-links"><ul>` + related + `
<li><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share this story on Facebook</a></li>
<li><a href="https://twitter.com/intent/tweet?text=River+floods">Share this story on Twitter now</a></li>
<li><a href="` + pageURL + `#comments">Read the 42 comments on this story</a></li></ul></section>`,
			want: keep,
		},
		{
			name: "sponsored widget",
			after: `<div class="related-sponsored"><h3>You may also like</h3><ul>
<li><a href="https://ads.example.net/c/12345-miracle-gadget">This miracle gadget is taking the country by storm</a></li></ul></div>
<div><h3>You may like</h3><span>Ad</span><ul><li><a href="https://offers.example.org/2024/best-deal-of-the-year">Seniors are entitled to these discounts this year</a></li></ul></div>`,
		},
		{
			name: "previous and next post",
			after: `<div class="post-navigation"><a rel="prev" href="/world/2024/04/30/previous-story-on-the-site">Previous: Previous story on the site</a>
<a rel="next" href="/world/2024/05/02/next-story-on-the-site">Next: Next story on the site here</a></div>`,
		},
		{
			name:  "link to the page itself",
			after: `<section><h2>Related</h2><ul><li><a href="` + pageURL + `?utm_medium=social">River floods town center, the full story</a></li>` + related + `</ul></section>`,
			want:  keep,
		},
		{
			name:   "phrase link inside a paragraph",
			inBody: `<p>Officials said the <a href="/world/2024/01/01/last-years-flood-report-published">report published last year</a> had warned of exactly this, and called for new walls.</p>` + prose,
		},
		{
			name:   "link list in the middle of the body",
			inBody: `<ul><li><a href="/world/2024/03/01/last-great-flood-remembered">The last great flood, remembered by those who saw it</a></li><li><a href="/world/2024/03/02/river-levels-explained-in-charts">River levels explained in five charts</a></li></ul>` + prose + prose + prose,
		},
		{
			name: "control links and section links",
			after: `<section><h2>Related</h2><ul>` + related + `<li><a href="/world/">More in World</a></li>
<li><a href="/world/2024/04/29/farmers-count-cost-of-floods">Read more</a></li></ul></section>`,
			want: keep,
		},
		{
			name: "a menu strip named trending",
			after: `<div class="trending-bar"><span>Trending</span><ul>
<li><a href="/weather">Weather</a></li><li><a href="https://forum.example.com/">Forum</a></li>
<li><a href="/puzzles/crossword">Crossword</a></li><li><a href="/world/2024/01/01/calendar-of-full-moons-2024">Full moons 2024</a></li></ul></div>`,
		},
		{
			name: "shopping widget",
			after: `<div class="module widget_rss_widget"><h4 class="widget__title">Popular Shopping</h4><ul>
<li><a href="/2024/04/30/now-50-off-this-bluetooth-turntable">Now 50% off, this Bluetooth turntable lets you jam out</a></li></ul></div>
<div class="commerce-recirc"><h3>Read next</h3><ul><li><a href="/article/best-black-friday-mattress-deals/">Best Black Friday deals on mattresses this year</a></li></ul></div>`,
		},
		{
			name: "short paths outside a named related block",
			after: `<section><h2>Most read</h2><ul><li><a href="/b.html">A headline of several words</a></li>
<li><a href="/c.html">Another headline of several words here</a></li></ul></section>
<div class="related-articles"><h2>Related Articles</h2><ul><li><a href="/world/">World news from every corner</a></li><li><a href="/d.html">Weather</a></li></ul></div>`,
		},
		{
			name: "month archives titled by a date",
			after: `<aside><h3>Recent posts</h3><ul>
<li><a href="/blog/2025/11/">November 28, 2025</a></li><li><a href="/blog/2025/06/">June 30, 2025</a></li></ul></aside>`,
		},
		{
			name:  "related block in a wrapper classed as an ad",
			after: `<div class="ad-slot"><div class="related-posts"><h3>Related</h3><ul>` + related + `</ul></div></div>`,
		},
		{
			name:  "related products",
			after: `<div><h3>Related Products</h3><ul><li><a href="/store/robot-vacuum-with-mop-and-lidar">Robot vacuum with mop and lidar mapping</a></li></ul></div>`,
		},
		{
			name:  "ad label on the block",
			after: `<div class="recommended"><div>Sponsored</div><a href="https://partner.example.org/2024/05/01/you-wont-believe-this-trick">You will not believe this one simple trick</a></div>`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := urls(Find(parse(t, article(tc.inBody, tc.after)), nil, pageURL))
			if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestTitleBesideSummary(t *testing.T) {
	after := `<div class="related"><ul class="rock-list">
<li><a href="/world/2024/04/26/levee-holds-overnight"><span class="hed">Levee holds overnight as river peaks</span>
<span class="entry-blurb">Engineers said the repairs made last spring kept the water out.</span></a></li>
<li><a href="/world/2024/04/27/river-peaks-below-record"><span>River peaks below the old record</span> <p class="summary">Forecasters had feared the worst for the old town.</p></a></li></ul></div>`
	got := Find(parse(t, article("", after)), nil, pageURL)
	want := []story.Story{
		{Title: "Levee holds overnight as river peaks", Description: "Engineers said the repairs made last spring kept the water out."},
		{Title: "River peaks below the old record", Description: "Forecasters had feared the worst for the old town."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d stories, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Title != want[i].Title || got[i].Description != want[i].Description {
			t.Errorf("story %d: got %q / %q\nwant %q / %q", i, got[i].Title, got[i].Description, want[i].Title, want[i].Description)
		}
	}
}

func TestFindDetails(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "cards.html"))
	if err != nil {
		t.Fatal(err)
	}
	got := Find(parse(t, string(src)), nil, "https://daily.example.org/science/2024/06/02/comet-visible-tonight")
	want := []story.Story{
		{Title: "Astronomers map the comet's tail in new detail", URL: "https://daily.example.org/science/2024/06/01/comet-tail-mapped?id=7",
			Description: "A telescope in Chile caught the tail stretching across two degrees of sky.", Age: "3 hours ago", Site: "Daily Science"},
		{Title: "How to photograph a comet with a phone", URL: "https://daily.example.org/science/2024/05/30/photograph-comet-with-phone",
			Age: "2d"},
		{Title: "Why comets glow green", URL: "https://other.example.net/space/why-comets-glow-green-explained", Site: "Other Outlet"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d stories, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Title != w.Title || g.URL != w.URL || g.Description != w.Description || g.Age != w.Age || g.Site != w.Site {
			t.Errorf("story %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	if got[0].Published.IsZero() || got[0].Published.Format("2006-01-02") != "2024-06-01" {
		t.Errorf("published from <time datetime>: got %v", got[0].Published)
	}
}

func TestFindInputs(t *testing.T) {
	rel := `<section><h2>Related</h2><ul><li><a href="/world/2024/04/28/dam-warning-issued-upstream">Dam warning issued upstream as rain continues</a></li></ul></section>`
	t.Run("nil and empty documents", func(t *testing.T) {
		if got := Find(nil, nil, pageURL); got != nil {
			t.Errorf("nil doc: %v", got)
		}
		if got := Find(&goquery.Document{}, nil, pageURL); got != nil {
			t.Errorf("empty doc: %v", got)
		}
		if got := Find(parse(t, ""), nil, ""); len(got) != 0 {
			t.Errorf("empty page: %v", got)
		}
	})
	t.Run("body given by the extractor", func(t *testing.T) {
		doc := parse(t, article("", rel))
		got := urls(Find(doc, doc.Find(".article-body"), pageURL))
		if want := abs("/world/2024/04/28/dam-warning-issued-upstream"); !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		got = urls(Find(doc, doc.Find(".no-such-thing"), pageURL))
		if want := abs("/world/2024/04/28/dam-warning-issued-upstream"); !slices.Equal(got, want) {
			t.Errorf("empty selection: got %q, want %q", got, want)
		}
	})
	t.Run("a wide body from the extractor", func(t *testing.T) {
		// The extractor may choose the whole article column, sidebar and
		// all, inside a page wrapper whose class mentions a nav.
		list := `<ul><li><a href="/world/2024/03/01/last-great-flood-remembered">The last great flood, remembered by those who saw it</a></li>
<li><a href="/world/2024/03/02/river-levels-explained-in-charts">River levels explained in five charts</a></li></ul>`
		for _, wrapper := range []string{"wrap has-section-nav", "content-nav-wrap", `page" id="menu-push`} {
			src := strings.Replace(article(list, `<aside><h3>Most read</h3><a href="/sport/2024/05/01/cup-final-tickets-sell-out">Cup final tickets sell out in minutes</a></aside>`),
				"<main>", `<main><div class="page"><div class="`+wrapper+`">`, 1)
			src = strings.Replace(src, "</main>", "</div></div></main>", 1)
			doc := parse(t, src)
			got := urls(Find(doc, doc.Find("div.page"), pageURL))
			want := abs("/world/2024/03/01/last-great-flood-remembered", "/world/2024/03/02/river-levels-explained-in-charts", "/sport/2024/05/01/cup-final-tickets-sell-out")
			if !slices.Equal(got, want) {
				t.Errorf("wrapper %q: got %q, want %q", wrapper, got, want)
			}
		}
	})
	t.Run("the whole page in a form", func(t *testing.T) {
		src := strings.Replace(article("", rel), "<main>", `<form id="aspnetForm" action="/post"><main>`, 1)
		src = strings.Replace(src, "</main>", "</main></form>", 1)
		got := urls(Find(parse(t, src), nil, pageURL))
		if want := abs("/world/2024/04/28/dam-warning-issued-upstream"); !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("no page URL: the canonical link resolves", func(t *testing.T) {
		got := urls(Find(parse(t, article("", rel)), nil, ""))
		if want := abs("/world/2024/04/28/dam-warning-issued-upstream"); !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("no URL at all: relative links are skipped", func(t *testing.T) {
		src := `<html><body>` + prose + prose + `<section><h2>Related</h2><ul>
<li><a href="/world/2024/04/28/dam-warning-issued-upstream">Dam warning issued upstream as rain continues</a></li>
<li><a href="https://elsewhere.example.com/2024/04/28/upstream-dam-under-watch">Upstream dam under watch as rain goes on</a></li></ul></section></body></html>`
		got := urls(Find(parse(t, src), nil, ""))
		if want := []string{"https://elsewhere.example.com/2024/04/28/upstream-dam-under-watch"}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("base href", func(t *testing.T) {
		src := `<html><head><base href="https://mirror.example.com/news/"></head><body>` + prose + prose +
			`<div class="related"><a href="2024/04/28/dam-warning-issued-upstream">Dam warning issued upstream as rain continues</a></div></body></html>`
		got := urls(Find(parse(t, src), nil, pageURL))
		if want := []string{"https://mirror.example.com/news/2024/04/28/dam-warning-issued-upstream"}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestFindCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<section class="related-stories"><ul>`)
	for i := range 80 {
		fmt.Fprintf(&b, `<li><a href="/world/2024/04/%02d/story-number-%d-about-the-floods">Story number %d about the floods</a></li>`, i%28+1, i, i)
	}
	b.WriteString(`</ul></section>`)
	got := Find(parse(t, article("", b.String())), nil, pageURL)
	if len(got) != MaxStories {
		t.Fatalf("got %d stories, want the cap %d", len(got), MaxStories)
	}
	if got[0].Title != "Story number 0 about the floods" || got[29].Title != "Story number 29 about the floods" {
		t.Errorf("page order not kept: first %q, last %q", got[0].Title, got[29].Title)
	}
}

func TestCleanURL(t *testing.T) {
	base := mustURL(t, "https://news.example.com/a/b")
	tests := []struct{ in, want string }{
		{"/x/story-one-two?utm_source=tw&utm_medium=social", "https://news.example.com/x/story-one-two"},
		{"story-two?id=42&fbclid=abc#frag", "https://news.example.com/a/story-two?id=42"},
		{"https://m.example.com/p?idx=7&bc=&mc=&from=home", "https://m.example.com/p?idx=7&bc=&mc="},
		{"javascript:void(0)", ""},
		{"mailto:desk@example.com", ""},
		{"#comments", ""},
		{"//cdn.example.com/x/y-z-story", "https://cdn.example.com/x/y-z-story"},
	}
	for _, tc := range tests {
		if got := resolve(base, tc.in); got != tc.want {
			t.Errorf("resolve(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if key("https://www.Example.com/a/b/") != key("http://example.com/a/b") {
		t.Error("key should ignore scheme, www. and a trailing slash")
	}
}

func TestStoryLike(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://x.com/2019/11/18/some-story-slug", false}, // a social host
		{"https://news.example.com/2019/11/18/some-story-slug/", true},
		{"https://news.example.com/world/", false},
		{"https://news.example.com/", false},
		{"https://news.example.com/tag/floods", false},
		{"https://news.example.com/author/jane-smith-reporter", false},
		{"https://news.example.com/page/2", false},
		{"https://news.example.com/2024/05/01/", false},
		{"https://news.example.com/a/30279001.html", true},
		{"https://news.example.com/news/news_view.html?idx=10285", true},
		{"https://news.example.com/ar-BBWXwNX", false},
		{"https://news.example.com/article/12345678", true},
		{"https://shop.example.com/out/link/66134/209116", false},
		{"https://news.example.com/logo.png", false},
		{"https://blog.example.com/blog/2025/11/", false},              // a month's archive
		{"https://blog.example.com/news/2025/11/02", false},            // a day's archive
		{"https://blog.example.com/news/2025/11/02/river-rises", true}, // a story under its date
		{"https://blog.example.com/best-of/2025/12345", true},          // an id, not a month
	}
	for _, tc := range tests {
		if got := storyLike(mustURL(t, tc.url)); got != tc.want {
			t.Errorf("storyLike(%s) = %v, want %v", tc.url, got, tc.want)
		}
	}
}

func TestHeadingTier(t *testing.T) {
	tests := []struct {
		text string
		want tier
	}{
		{"Related Stories", tierRelated},
		{"READ NEXT", tierRelated},
		{"You may also like", tierRelated},
		{"More on this story", tierRelated},
		{"Story timeline", tierRelated},
		{"Brexit deal timeline", tierRelated},
		{"A timeline of rail strikes in one long heading here", tierNone},
		{"Материалы по теме", tierRelated},
		{"関連記事", tierRelated},
		{"Most Read", tierMore},
		{"The Latest", tierMore},
		{"More from Sport", tierMore},
		{"Trending Now", tierMore},
		{"인기 뉴스", tierMore},
		{"Related topics", tierNone},
		{"Sponsored stories", tierNone},
		{"From around the web", tierNone},
		{"About the author", tierNone},
		{"Weather", tierNone},
	}
	for _, tc := range tests {
		if got := headingTier(tc.text); got != tc.want {
			t.Errorf("headingTier(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestClassTier(t *testing.T) {
	tests := []struct {
		attr string
		want tier
	}{
		{"related-posts", tierRelated},
		{"relatedArticlesList", tierRelated},
		{"c-read-next", tierRelated},
		{"in-article-recirc", tierRelated},
		{"most-popular", tierMore},
		{"widget_trending", tierMore},
		{"moreFromSection", tierMore},
		{"related-tags", tierNone},
		{"related-sponsored", tierNone},
		{"nativeadasideplaceholder recommended", tierNone},
		{"article-body", tierNone},
	}
	for _, tc := range tests {
		if got := classTier(words(tc.attr)); got != tc.want {
			t.Errorf("classTier(%q) = %d, want %d", tc.attr, got, tc.want)
		}
	}
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("parse %s: %v", s, err)
	}
	return u
}

func TestHeadingStems(t *testing.T) {
	for _, s := range []string{"Noticias relacionadas", "Più letti della settimana", "Meistgelesene Artikel", "Related"} {
		if headingTier(s) == tierNone {
			t.Errorf("headingTier(%q) = none", s)
		}
	}
	for _, s := range []string{"Relatedness of species", "Popularity contest results", "Latestage"} {
		if headingTier(s) != tierNone {
			t.Errorf("headingTier(%q) matched", s)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"mostRead c-related_list", []string{"most", "read", "c", "related", "list"}},
		{"ListD-header-title", []string{"list", "d", "header", "title"}},
		{"  ", nil},
		{"Связанные-Статьи", []string{"связанные", "статьи"}},
	}
	for _, tc := range tests {
		if got := words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHeadlineControls(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"View all Recommended for you", false},
		{"See all stories in Politics today", false},
		{"Check Amazon (on sale!)", false},
		{"Check price on Amazon", false},
		{"Buy on Best Buy", false},
		{"Shop now", false},
		{"Buy now, pay later schemes face a crackdown", true},
		{"Shoppers return to high streets before the holidays", true},
		{"Checking in on the river town a year after the floods", true},
	} {
		if got := headline(tc.text); got != tc.want {
			t.Errorf("headline(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
