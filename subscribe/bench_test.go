package subscribe

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkRefreshUnchanged refreshes 200 unchanged feeds (a 304 each),
// the common cron run; ns/op divided by 200 is the cost of one feed.
func BenchmarkRefreshUnchanged(b *testing.B) {
	site := newNewsSite(b)
	var feeds []string
	for i := range 200 {
		path := fmt.Sprintf("/feed%d", i)
		site.handle(path, serveFeed(rss([4]string{"A", "/news/a", path, date1}), `"same"`, ""))
		feeds = append(feeds, site.URL+path)
	}
	r := refresher(b, false, feeds...)
	if _, err := r.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := r.Run(context.Background())
		if err != nil || !res[0].Unchanged {
			b.Fatalf("%v %+v", err, res[0])
		}
	}
}
