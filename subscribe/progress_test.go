package subscribe

import (
	"testing"
)

// TestArticleProgress: Progress counts the articles of all feeds together,
// as feeds add them and as each is done, a failed one counted as failed;
// the feed with no new item adds none, and a refresh without articles
// says nothing.
func TestArticleProgress(t *testing.T) {
	site := newNewsSite(t)
	site.handle("/a.xml", serveFeed(rss(
		[4]string{"Ferry", "/news/ferry", "a1", date1},
		[4]string{"Quay", "/news/quay", "a2", date2},
		[4]string{"Gone", "/gone/page", "a3", date2},
	), "", ""))
	site.handle("/b.xml", serveFeed(rss([4]string{"Pier", "/news/pier", "b1", date1}), "", ""))
	site.handle("/empty.xml", serveFeed(rss(), "", ""))

	r := refresher(t, true, site.URL+"/a.xml", site.URL+"/b.xml", site.URL+"/empty.xml")
	var seen []ArticleProgress
	r.Progress = func(p ArticleProgress) { seen = append(seen, p) }
	run(t, r)
	// Two feeds queue their articles (2 calls), four articles finish (4).
	if len(seen) != 6 {
		t.Fatalf("%d progress calls, want 6: %+v", len(seen), seen)
	}
	for i, p := range seen {
		if p.Done > p.Total || p.Failed > p.Done || p.Feed == "" {
			t.Errorf("call %d: %+v", i, p)
		}
		if i > 0 && (p.Done < seen[i-1].Done || p.Total < seen[i-1].Total) {
			t.Errorf("call %d went back: %+v after %+v", i, p, seen[i-1])
		}
	}
	if last := seen[len(seen)-1]; last.Total != 4 || last.Done != 4 || last.Failed != 1 {
		t.Errorf("last progress %+v, want 4 of 4 done, 1 failed", last)
	}

	quiet := refresher(t, false, site.URL+"/a.xml")
	quiet.Progress = func(p ArticleProgress) { t.Errorf("progress without articles: %+v", p) }
	run(t, quiet)
}
