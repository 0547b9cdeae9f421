package meta

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

func parseFile(t *testing.T, name string) *goquery.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return doc
}

func parseString(t *testing.T, s string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// day renders a time as the calendar day and offset the page printed, or ""
// for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 -07:00")
}

func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		file, url string
		want      Meta
		day       string // Published as "2006-01-02 -07:00"
	}{
		{
			// JSON-LD NewsArticle: author array, publisher, image object, a
			// time late in the evening west of UTC that must stay on its day.
			file: "newsarticle.html", url: "https://courier.example/news/dock-strike?utm_source=x",
			want: Meta{
				Title: "Harbour cranes fall silent as dock strike begins", Site: "The Coastal Courier",
				Byline: "Mara Quint and Tobias Renn", URL: "https://courier.example/news/2024/03/05/dock-strike",
				Image: "https://courier.example/img/cranes.jpg", Description: "Dock workers walked out at dawn.",
				ArticleBody: "Dock workers walked out at dawn. The port is quiet.", Lang: "en-GB",
			},
			day: "2024-03-05 -08:00",
		},
		{
			// A Yoast @graph: the author is a reference to a Person, the site
			// name is a logo <h1> and a " - Site" suffix.
			file: "graph.html", url: "https://valley.example/floods/",
			want: Meta{
				Title: "Why the river floods every spring", Site: "Valley Notes", Byline: "Ines Falk",
				URL: "https://valley.example/floods/", Lang: "en-US",
			},
			day: "2023-04-18 +00:00",
		},
		{
			// JSON-LD in a comment, trailing commas, a raw newline in a string,
			// a CDATA-wrapped second script.
			file: "malformed.html", url: "https://rail.example/night-trains",
			want: Meta{
				Title: "Night trains return to the northern line", Site: "Rail Weekly", Byline: "Oskar Lind",
				URL: "https://rail.example/night-trains", Description: "After ten years the sleeper is back.",
			},
			day: "2022-11-09 +00:00",
		},
		{
			// OpenGraph only: an article:author URL is no byline, the site
			// is cut from og:title, the lead image comes from Twitter.
			file: "opengraph.html", url: "https://quartier.example/marche-couvert?ref=home",
			want: Meta{
				Title: "Le marché couvert rouvre ses portes", Site: "Journal du Quartier", Byline: "Claire Dubois",
				URL: "https://quartier.example/marche-couvert", Image: "https://quartier.example/marche.jpg",
				Description: "Après des travaux, le marché rouvre.", Lang: "fr",
			},
			day: "2021-06-14 +02:00",
		},
		{
			// Microdata: the article's author and date, not the commenter's.
			file: "microdata.html", url: "https://garden.example/garlic",
			want: Meta{
				Title: "Planting garlic before the first frost", Site: "garden.example", Byline: "Ruth Okafor",
				URL: "https://garden.example/garlic",
			},
			day: "2020-10-02 +00:00",
		},
		{
			// No metadata at all: the <h1>, the printed byline with three
			// author links, the printed date; the sidebar <time> is ignored.
			file: "domonly.html", url: "https://parents.example/lunches",
			want: Meta{
				Title: "A quiet revolution in school lunches", Site: "parents.example",
				Byline: "Lena Park, Sam Ortiz and Ada Mwangi", URL: "https://parents.example/lunches",
			},
			day: "2024-03-05 +00:00",
		},
		{
			// The meta author is the site itself; the printed byline names
			// a person with a job title. The page prints only its update
			// and has no Open Graph publication time, so the update is the
			// date it stands by.
			file: "updated.html", url: "https://gear.example/headphones",
			want: Meta{
				Title: "The best budget headphones", Site: "Gear Desk", Byline: "Nora Hale",
				URL: "https://gear.example/headphones",
			},
			day: "2024-06-02 +00:00",
		},
		{
			// A municipal news page in Portuguese: no <h1>, the headline in a
			// "titulo" paragraph, a meta author that is the site's generator,
			// a labelled byline after a day-first date.
			file: "publicado.html", url: "https://vilaalta.example/noticias/feira",
			want: Meta{
				Title: "Feira do livro volta à praça central", Site: "vilaalta.example", Byline: "Helena Duarte",
				URL: "https://vilaalta.example/noticias/feira", Lang: "pt-BR",
			},
			day: "2023-04-07 +00:00",
		},
		{
			// A Korean page saved without its address and without
			// og:site_name: its feed names the site its <title> ends with.
			file: "signedtitle.html",
			want: Meta{
				Title: "도서관 야간 개장, 시민 반응 뜨거워", Site: "한빛일보",
				Description: "도서관이 밤 열 시까지 문을 연다.", Lang: "ko",
			},
			day: "2023-04-07 +00:00",
		},
		{
			file: "empty.html", url: "https://blank.example/x",
			want: Meta{Site: "blank.example", URL: "https://blank.example/x"},
		},
		{
			// Without a page URL nothing can be made absolute or named.
			file: "empty.html",
			want: Meta{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.url, func(t *testing.T) {
			got := Extract(parseFile(t, tt.file), tt.url)
			if d := day(got.Published); d != tt.day {
				t.Errorf("Published = %q, want %q", d, tt.day)
			}
			got.Published = time.Time{}
			if got != tt.want {
				t.Errorf("Extract:\n got  %+v\n want %+v", got, tt.want)
			}
		})
	}
}

func TestExtractNil(t *testing.T) {
	if got := Extract(nil, "https://x.example/"); got != (Meta{}) {
		t.Errorf("Extract(nil) = %+v, want zero", got)
	}
}

func TestTitleCrossCheck(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"suffix pipe", `<title>Rates held again | Money Daily</title><h1>Rates held again</h1>`, "Rates held again"},
		{"prefix site", `<meta property="og:site_name" content="Money Daily"><title>Money Daily - Rates held again</title>`, "Rates held again"},
		{"pipe section and site", `<title>Rates held again | Markets | Money Daily</title>`, "Rates held again"},
		{"dash inside headline kept", `<title>Spider-Man returns – and he is tired</title><h1>Spider-Man returns – and he is tired</h1>`, "Spider-Man returns – and he is tired"},
		{"logo h1 skipped", `<meta property="og:site_name" content="Money Daily"><meta property="og:title" content="Rates held again"><h1>Money Daily</h1>`, "Rates held again"},
		{"reworded h1 wins", `<meta property="og:title" content="Central bank holds rates steady in March | Money Daily"><article><h1>Why the central bank held rates steady again</h1></article>`, "Why the central bank held rates steady again"},
		{"unrelated h1 loses", `<meta property="og:title" content="Central bank holds rates"><h1>Our Blog</h1>`, "Central bank holds rates"},
		{"kicker inside h1", `<meta property="og:title" content="Rates held again"><h1><span class="kicker">Markets</span><div>Rates held again</div></h1>`, "Rates held again"},
		{"majority spelling", `<title>Rates can't rise forever</title><meta property="og:title" content="Rates can't rise forever"><h1>Rates can’t rise forever</h1>`, "Rates can't rise forever"},
		{"site from title tail", `<meta property="og:title" content="Rates held again"><title>Rates held again – Penny Notes</title><h1>Penny Notes</h1>`, "Rates held again"},
		{"no metadata", `<article><h1>Only a heading</h1></article>`, "Only a heading"},
		{"nothing", `<p>text</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(parseString(t, tt.html), "https://money.example/a").Title
			if got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBylineSources(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"ld person over org", `<script type="application/ld+json">{"@type":"Article","author":[{"@type":"Organization","name":"Money Daily"},{"@type":"Person","name":"Ana Ruiz"}]}</script>`, "Ana Ruiz"},
		{"ld org alone", `<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Money Daily"}}</script>`, "Money Daily"},
		{"meta by prefix and date", `<meta name="author" content="By Ana Ruiz | March 3, 2024">`, "Ana Ruiz"},
		{"url is no name", `<meta property="article:author" content="https://facebook.com/ana">`, ""},
		{"parsely", `<meta name="parsely-author" content="Ana Ruiz"><meta name="parsely-author" content="Ben Cole">`, "Ana Ruiz and Ben Cole"},
		{"credential kept", `<meta name="author" content="Ana Ruiz, MD">`, "Ana Ruiz, MD"},
		{"job title dropped", `<meta name="author" content="Ana Ruiz, Senior Reporter">`, "Ana Ruiz"},
		{"group byline", `<h1>Rates</h1><p>By the Money Daily Team</p>`, "the Money Daily Team"},
		{"reviewer is no author", `<h1>Rates</h1><p>Reviewed by <a href="/author/x">Dr Lee Park</a></p>`, ""},
		{"printed adds co-author", `<meta name="author" content="Ana Ruiz"><h1>Rates</h1><p>By Ana Ruiz and Ben Cole</p>`, "Ana Ruiz and Ben Cole"},
		{"labelled twitter data", `<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ana Ruiz"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">`, "Ana Ruiz"},
		{"unlabelled twitter data", `<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">`, ""},
		{"rel author", `<h1>Rates</h1><div><a rel="author" href="/u/ana">Ana Ruiz</a></div>`, "Ana Ruiz"},
		{"rel author under the story", `<h1>Rates</h1><p>` + strings.Repeat("Rates held steady again this month. ", 30) + `</p><div class="about"><a rel="author" href="/u/ana">Ana Ruiz</a></div>`, "Ana Ruiz"},
		{"rel author on a site name", `<h1>Rates</h1><p>` + strings.Repeat("Rates held steady again this month. ", 30) + `</p><a rel="author" href="/">money daily</a>`, ""},
		{"sentence is no byline", `<h1>Rates</h1><p>By the end of the year rates will fall.</p>`, ""},
		{"none", `<h1>Rates</h1><p>Text.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(parseString(t, tt.html), "https://money.example/a").Byline
			if got != tt.want {
				t.Errorf("Byline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPublishedSources(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"ld beats meta", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05T10:00:00+01:00"}</script><meta property="article:published_time" content="2020-01-01">`, "2024-03-05 +01:00"},
		{"published over modified", `<meta property="article:modified_time" content="2024-05-01"><meta property="article:published_time" content="2024-03-05">`, "2024-03-05 +00:00"},
		{"modified alone is no date", `<meta property="article:modified_time" content="2024-05-01">`, ""},
		{"parsely", `<meta name="parsely-pub-date" content="2024-03-05T22:00:00-05:00">`, "2024-03-05 -05:00"},
		{"sailthru", `<meta name="sailthru.date" content="2024-03-05 10:00:00">`, "2024-03-05 +00:00"},
		{"unix", `<meta name="pubdate" content="1709632800">`, "2024-03-05 +00:00"},
		{"dc", `<meta name="DC.date.issued" content="05.03.2024">`, "2024-03-05 +00:00"},
		{"citation", `<meta name="citation_publication_date" content="2024/03/05">`, "2024-03-05 +00:00"},
		{"printed under headline", `<h1>Rates</h1><p>March 5, 2024</p>`, "2024-03-05 +00:00"},
		{"printed published beats updated", `<h1>Rates</h1><p>Updated June 1, 2024 · Published 5 March 2024</p>`, "2024-03-05 +00:00"},
		{"printed matches metadata keeps zone", `<meta property="article:published_time" content="2024-03-05T23:00:00-08:00"><h1>Rates</h1><p>Mar. 5, 2024</p>`, "2024-03-05 -08:00"},
		{"unlabelled printed date stands though modified", `<meta property="article:published_time" content="2024-03-05T10:00:00Z"><meta property="article:modified_time" content="2024-06-01T10:00:00Z"><h1>Rates</h1><p>June 1, 2024</p>`, "2024-06-01 +00:00"},
		{"time element", `<article><h1>Rates</h1><p>text</p><time datetime="2024-03-05T08:00:00+09:00">5 March</time></article>`, "2024-03-05 +09:00"},
		{"webpage date alone is weak", `<script type="application/ld+json">{"@type":"WebPage","datePublished":"2024-03-05"}</script>`, ""},
		{"none", `<h1>Rates</h1><p>Rates rose in 2024.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := day(Extract(parseString(t, tt.html), "https://money.example/a").Published)
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPublishedUpdates covers pages that print when they were updated:
// how the label is read, and when the metadata's publication date wins.
func TestPublishedUpdates(t *testing.T) {
	const og = `<meta property="article:published_time" content="2024-03-05T10:00:00Z">`
	const ld = `<script type="application/ld+json">{"@type":"Article","datePublished":"2024-03-05T10:00:00Z"}</script>`
	tests := []struct {
		name, html, want string
	}{
		{"og beats printed update", og + `<h1>Rates</h1><p>Updated June 1, 2024</p>`, "2024-03-05 +00:00"},
		{"json-ld alone does not", ld + `<h1>Rates</h1><p>Updated June 1, 2024</p>`, "2024-06-01 +00:00"},
		{"update without metadata", `<h1>Rates</h1><p>Updated June 1, 2024</p>`, "2024-06-01 +00:00"},
		{"label with on", og + `<h1>Rates</h1><p>Last updated on June 1, 2024</p>`, "2024-03-05 +00:00"},
		{"label in previous run with on", og + `<h1>Rates</h1><p><span>Updated on</span> <b>June 1, 2024</b></p>`, "2024-03-05 +00:00"},
		{"german label", og + `<h1>Zinsen</h1><p>Aktualisiert am 1. Juni 2024</p>`, "2024-03-05 +00:00"},
		{"label inside time", og + `<h1>Rates</h1><time datetime="2024-06-01T09:00:00Z">Last Updated: June 1, 2024</time>`, "2024-03-05 +00:00"},
		{"time gives both dates", `<h1>Rates</h1><time datetime="2024-06-01T09:00:00Z">Updated June 1, 2024<span>9:00 AM</span> Originally published March 5, 2024<span>8:00 AM</span></time>`, "2024-03-05 +00:00"},
		{"itemprop dateModified", og + `<h1>Rates</h1><p><span itemprop="dateModified">June 1, 2024</span></p>`, "2024-03-05 +00:00"},
		{"modified class", og + `<h1>Rates</h1><p><time class="entry-modified-time" datetime="2024-06-01">June 1, 2024</time></p>`, "2024-03-05 +00:00"},
		{"hAtom updated class is no label", og + `<h1>Rates</h1><p><span class="entry-date updated">June 1, 2024</span></p>`, "2024-06-01 +00:00"},
		{"published label beats update", og + `<h1>Rates</h1><p>Updated June 1, 2024</p><p>Published May 2, 2024</p>`, "2024-05-02 +00:00"},
		{"og after the update is no answer", `<meta property="article:published_time" content="2024-07-01T10:00:00Z"><h1>Rates</h1><p>Updated June 1, 2024</p>`, "2024-06-01 +00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := day(Extract(parseString(t, tt.html), "https://money.example/a").Published)
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPublishedCrossChecks covers printed dates weighed against the
// metadata's moments: a site's own time zone, dates after the last edit.
func TestPublishedCrossChecks(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"printed in the site's zone", `<meta property="article:published_time" content="2024-03-05T23:00:00Z"><h1>Rates</h1><p>Published: 06 Mar 2024</p>`, "2024-03-05 +00:00"},
		{"printed a day behind", `<meta property="article:published_time" content="2024-03-05T03:00:00Z"><h1>Rates</h1><p>March 4, 2024</p>`, "2024-03-05 +00:00"},
		{"two days apart is another date", `<meta property="article:published_time" content="2024-03-05T23:00:00Z"><h1>Rates</h1><p>March 7, 2024</p>`, "2024-03-07 +00:00"},
		{"a time with its offset names its day", `<meta property="article:published_time" content="2024-03-05T23:00:00-05:00"><h1>Rates</h1><p>March 6, 2024</p>`, "2024-03-06 +00:00"},
		{"bare date has no zone to shift", `<meta property="article:published_time" content="2024-03-05"><h1>Rates</h1><p>March 6, 2024</p>`, "2024-03-06 +00:00"},
		{"valid through is no date", `<meta property="article:modified_time" content="2024-03-06T10:00:00Z"><h1>Rates</h1><p>Offer valid through 12/31/2024</p>`, ""},
		{"masthead today is no date", `<meta property="article:published_time" content="2024-03-05T10:00:00Z"><meta property="article:modified_time" content="2024-03-06T10:00:00Z"><header><p>Saturday, June 1, 2024</p></header><h1>Rates</h1><p>text</p>`, "2024-03-05 +00:00"},
		{"no metadata to check against", `<h1>Rates</h1><p>December 31, 2024</p>`, "2024-12-31 +00:00"},
		{"labelled update kept", `<meta property="article:modified_time" content="2024-03-06T10:00:00Z"><h1>Rates</h1><p>Updated June 1, 2024</p>`, "2024-06-01 +00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := day(Extract(parseString(t, tt.html), "https://money.example/a").Published)
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPublishedFromURL(t *testing.T) {
	tests := []struct {
		name, html, url, want string
	}{
		{"url alone", `<p>x</p>`, "https://money.example/2024/03/05/rates", "2024-03-05 +00:00"},
		{"url picks the printed date", `<h1>Rates</h1><p>June 1, 2024</p><p>March 5, 2024</p>`,
			"https://money.example/2024/03/05/rates", "2024-03-05 +00:00"},
		{"without url the nearest printed date", `<h1>Rates</h1><p>June 1, 2024</p><p>March 5, 2024</p>`,
			"https://money.example/rates", "2024-06-01 +00:00"},
		{"many dates without url are a listing", `<h1>Rates</h1><ul><li>June 1, 2024</li><li>May 20, 2024</li><li>April 2, 2024</li><li>March 5, 2024</li></ul>`,
			"https://money.example/rates", ""},
		{"metadata beats url", `<meta property="article:published_time" content="2024-03-06T10:00:00Z"><h1>Rates</h1><p>March 5, 2024</p><p>March 6, 2024</p>`,
			"https://money.example/2024/03/05/rates", "2024-03-06 +00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := day(Extract(parseString(t, tt.html), tt.url).Published)
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}
