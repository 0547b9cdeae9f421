package subscribe

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestReadOPML(t *testing.T) {
	f, err := os.Open("testdata/nested.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadOPML(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://top.example/feed.xml", Title: "Top feed"},
		{URL: "https://ledger.example/rss", Title: "Café Ledger", Folder: "News"},
		{URL: "https://harbour.example/atom", Title: "Harbour", Folder: "News/Local"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestOPMLRoundTrip: the list written as OPML reads back the same, and so
// does the subscriptions file written from it.
func TestOPMLRoundTrip(t *testing.T) {
	l := &List{Subs: []Subscription{
		{URL: "https://a.example/feed", Title: "A & B <news>"},
		{URL: "https://c.example/rss", Title: "C", Folder: "World/Europe"},
		{URL: "https://d.example/rss", Title: "D", Folder: "World"},
		{URL: "https://e.example/atom", Title: "", Folder: "Tech"},
	}}
	var b bytes.Buffer
	if err := WriteOPML(&b, l, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<opml version="2.0">`) {
		t.Errorf("not OPML 2.0:\n%s", b.String())
	}
	back, err := ReadOPML(&b)
	if err != nil {
		t.Fatal(err)
	}
	want := l.sorted()
	want[len(want)-1].Title = "https://e.example/atom" // a title is required in OPML
	if !reflect.DeepEqual(back, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, want)
	}

	path := filepath.Join(t.TempDir(), FileName)
	if err := (&List{Subs: back}).Save(path); err != nil {
		t.Fatal(err)
	}
	again, err := LoadList(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Subs, back) {
		t.Errorf("file round trip:\n got %+v\nwant %+v", again.Subs, back)
	}
}

func TestBadOPML(t *testing.T) {
	for _, in := range []string{"", "<html><body>no</body></html>", "<opml><body><outline", strings.Repeat("<outline>", 100)} {
		if _, err := ReadOPML(strings.NewReader(in)); err == nil && in != "" {
			t.Errorf("%.30q: no error", in)
		}
	}
	deep := "<opml><body>" + strings.Repeat(`<outline text="x">`, 40) + `<outline xmlUrl="https://x.example/"/>` + strings.Repeat("</outline>", 40) + "</body></opml>"
	if _, err := ReadOPML(strings.NewReader(deep)); err == nil {
		t.Error("40 levels of folders accepted")
	}
}

func TestListFile(t *testing.T) {
	l, err := parseList([]byte("# comment\nhttps://a.example/feed  A feed\n[News / Local]\nhttps://b.example/rss articles=off B\n[]\nhttp://c.example/\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://a.example/feed", Title: "A feed"},
		{URL: "https://b.example/rss", Title: "B", Folder: "News/Local", NoArticles: true},
		{URL: "http://c.example/"},
	}
	if !reflect.DeepEqual(l.Subs, want) {
		t.Errorf("got %+v", l.Subs)
	}
	if _, err := parseList([]byte("https://ok.example/\nnot a url\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad line: err = %v", err)
	}
	if !l.Add(Subscription{URL: "https://d.example/"}) || l.Add(Subscription{URL: "HTTPS://A.example/feed/"}) {
		t.Error("Add did not tell a new URL from a followed one")
	}
	if !l.Remove("https://b.example/rss") || l.Remove("https://b.example/rss") {
		t.Error("Remove")
	}
}
