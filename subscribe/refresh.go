package subscribe

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/tread-reader/tread/feed"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/syndication"
)

// Refresh bounds.
const (
	// maxArticles is how many new items' articles one refresh fetches per
	// feed, newest first; the rest are listed new with the feed's text.
	maxArticles = 50
	// firstBackoff is the wait after a feed's first failure; it doubles
	// with each failure in a row, up to maxBackoff.
	firstBackoff = 15 * time.Minute
	maxBackoff   = 24 * time.Hour
)

// Refresher updates every subscription. Set the fields, then call Run.
type Refresher struct {
	List      *List
	ListPath  string // where List is saved when a feed moved (301)
	State     *State
	StatePath string // where State is saved after each feed
	// Library keeps the full article of each new item; nil fetches none.
	Library *library.Library
	// Fetch tunes requests: user agent, timeouts, size cap.
	Fetch fetch.Options
	// Articles fetches new items' articles (unless a subscription says
	// articles=off).
	Articles bool
	// PerHost and Total cap requests in flight; 0 means 2 and 8.
	PerHost, Total int
	// Report, when set, hears of each feed as it is done (from any
	// goroutine, one call at a time).
	Report func(Result)
	// Progress, when set, hears of the articles as they are fetched: each
	// time a feed's new items add articles to fetch, and each time one is
	// done (from any goroutine, one call at a time, never at once with
	// Report).
	Progress func(ArticleProgress)
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	mu       sync.Mutex // guards List, State, fetching, progress and the files
	progress ArticleProgress
	limit    *limiter
	client   *client
	fetching map[string]*articleFetch // article URL → its fetch this run
}

// Result is what a refresh did with one feed.
type Result struct {
	Feed      string // the subscription's URL (the new one when it moved)
	Title     string
	New       int // items not seen before
	Saved     int // of which the article is now in the library
	Unchanged bool
	Waiting   time.Time // no request before this: backing off, or Retry-After
	Skipped   bool      // not asked this time, because of Waiting
	MovedFrom string    // the old URL, when the feed moved permanently
	Err       error     // the feed could not be refreshed; its last error
	ItemErrs  []error   // articles that could not be fetched
}

// ArticleProgress counts the articles of one Run, all feeds together.
type ArticleProgress struct {
	Total  int    // articles to fetch so far: grows as feeds are read
	Done   int    // of which finished, saved or failed
	Failed int    // of which failed
	Feed   string // the feed of the article just queued or done: its title, else its URL
}

// ErrNotFeed: a subscription's URL answered with something that is no
// longer a feed (a web page, often a login or error page).
var ErrNotFeed = errors.New("not a feed any more")

// Run refreshes every subscription at once, within the limits, and returns
// each one's result in list order. The state is saved as feeds finish (at
// most once a second, so that the cost of a refresh does not grow with the
// square of the subscriptions) and at the end; a refresh that is killed
// loses no article it saved, and the next one finds those in the library
// and lists their items new once. Only a file that cannot be written is an
// error of Run itself.
func (r *Refresher) Run(ctx context.Context) ([]Result, error) {
	if r.Now == nil {
		r.Now = time.Now
	}
	r.limit = newLimiter(cmp(r.PerHost, DefaultPerHost), cmp(r.Total, DefaultTotal))
	r.client = newClient(r.Fetch)
	subs := append([]Subscription(nil), r.List.Subs...)
	results := make([]Result, len(subs))
	var saveErr error
	lastSave := time.Now()
	var wg sync.WaitGroup
	for i, s := range subs {
		wg.Go(func() {
			res := r.refresh(ctx, s)
			r.mu.Lock()
			defer r.mu.Unlock()
			if err := r.save(res, time.Since(lastSave) >= saveEvery); err != nil {
				saveErr = cmpErr(saveErr, err)
			} else if time.Since(lastSave) >= saveEvery {
				lastSave = time.Now()
			}
			results[i] = res
			if r.Report != nil {
				r.Report(res)
			}
		})
	}
	wg.Wait()
	if err := r.save(Result{}, true); err != nil {
		saveErr = cmpErr(saveErr, err)
	}
	return results, saveErr
}

// saveEvery is how often Run writes the state while feeds finish.
const saveEvery = time.Second

// cmpErr keeps the first error.
func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

func cmp(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// save writes the list when a feed moved, and the state when state is set.
func (r *Refresher) save(res Result, state bool) error {
	if res.MovedFrom != "" && r.ListPath != "" {
		if err := r.List.Save(r.ListPath); err != nil {
			return err
		}
	}
	if !state || r.StatePath == "" {
		return nil
	}
	return r.State.Save(r.StatePath)
}

// refresh updates one feed.
func (r *Refresher) refresh(ctx context.Context, s Subscription) Result {
	res := Result{Feed: s.URL, Title: s.Title}
	r.mu.Lock()
	st := *r.State.feed(s.URL)
	r.mu.Unlock()
	now := r.Now()
	if now.Before(st.NextTry) {
		res.Waiting, res.Skipped = st.NextTry, true
		if st.LastError != "" {
			res.Err = errors.New(st.LastError)
		}
		return res
	}
	release, err := r.limit.acquire(ctx, s.URL)
	if err != nil {
		res.Err = err
		return res
	}
	resp, err := r.client.get(ctx, s.URL, st.ETag, st.LastModified)
	release()
	now = r.Now()

	r.mu.Lock()
	fs := r.State.feed(s.URL)
	fs.Checked = now
	r.mu.Unlock()
	if err != nil {
		return r.fail(res, err, 0)
	}
	switch resp.status {
	case http.StatusNotModified:
		r.mu.Lock()
		fs.Succeeded, fs.Failures, fs.LastError, fs.NextTry = now, 0, "", time.Time{}
		if e := resp.header.Get("ETag"); e != "" {
			fs.ETag = e
		}
		r.mu.Unlock()
		res.Unchanged = true
		return res
	case http.StatusOK:
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		wait, ok := retryAfter(resp.header, now)
		if !ok {
			wait = 0
		}
		return r.fail(res, fmt.Errorf("fetch %s: %s", s.URL, statusText(resp.status)), wait)
	default:
		return r.fail(res, fmt.Errorf("fetch %s: %s", s.URL, statusText(resp.status)), 0)
	}

	f, err := syndication.Parse(resp.body, resp.finalURL)
	if errors.Is(err, syndication.ErrNotFeed) {
		ct := resp.header.Get("Content-Type")
		return r.fail(res, fmt.Errorf("fetch %s: %w: the server sent %s", s.URL, ErrNotFeed, describe(ct)), 0)
	}
	if err != nil {
		return r.fail(res, fmt.Errorf("read feed %s: %w", s.URL, err), 0)
	}
	if resp.permanent && urlKey(resp.finalURL) != urlKey(s.URL) {
		res.MovedFrom, res.Feed = s.URL, resp.finalURL
		r.move(s.URL, resp.finalURL)
		fs = r.stateOf(resp.finalURL)
	}
	if res.Title == "" {
		res.Title = f.Title
	}
	r.mu.Lock()
	fs.ETag, fs.LastModified = resp.header.Get("ETag"), resp.header.Get("Last-Modified")
	fs.Succeeded, fs.Failures, fs.LastError, fs.NextTry = now, 0, "", time.Time{}
	var fresh []syndication.Item
	for _, it := range f.Items {
		if !fs.seen(it.Key()) {
			fresh = append(fresh, it)
		}
	}
	r.mu.Unlock()
	res.New = len(fresh)
	items := r.articles(ctx, s, fresh, &res)
	r.mu.Lock()
	for _, it := range items {
		fs.remember(it.Key, now)
	}
	r.State.addNew(items...)
	r.mu.Unlock()
	return res
}

// stateOf is the state of the feed at url, under the lock.
func (r *Refresher) stateOf(url string) *FeedState {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.State.feed(url)
}

// move follows a feed that moved for good: the subscription takes the new
// URL and the state moves with it.
func (r *Refresher) move(from, to string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if i := r.List.Find(from); i >= 0 {
		r.List.Subs[i].URL = to
	}
	if st, ok := r.State.Feeds[from]; ok {
		delete(r.State.Feeds, from)
		r.State.Feeds[to] = st
	}
}

// fail records a failed refresh: the error is kept, and the feed backs off
// (for wait, when the server said how long, else longer with each failure
// in a row).
func (r *Refresher) fail(res Result, err error, wait time.Duration) Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	fs := r.State.feed(res.Feed)
	fs.Failures++
	fs.LastError = err.Error()
	if wait <= 0 {
		wait = firstBackoff << min(fs.Failures-1, 10)
		wait = min(wait, maxBackoff)
	}
	fs.NextTry = r.Now().Add(wait)
	res.Err, res.Waiting = err, fs.NextTry
	return res
}

// describe names a Content-Type for an error.
func describe(contentType string) string {
	if contentType == "" {
		return "something else"
	}
	return "a page of type " + contentType
}

// articles fetches the full article of each new item into the library
// (within the limits, the newest maxArticles) and returns the items as
// NewItems.
func (r *Refresher) articles(ctx context.Context, s Subscription, fresh []syndication.Item, res *Result) []NewItem {
	now := r.Now()
	out := make([]NewItem, len(fresh))
	for i, it := range fresh {
		out[i] = NewItem{Feed: res.Feed, Key: it.Key(), Title: it.Title, URL: it.Link, Published: it.Published, Found: now}
	}
	if !r.Articles || s.NoArticles || r.Library == nil {
		return out
	}
	name := res.Title
	if name == "" {
		name = res.Feed
	}
	queued := 0
	for _, it := range out[:min(len(out), maxArticles)] {
		if isFeedURL(it.URL) {
			queued++
		}
	}
	r.tell(name, queued, false, false)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range out[:min(len(out), maxArticles)] {
		if !isFeedURL(out[i].URL) {
			continue
		}
		wg.Go(func() {
			err := r.article(ctx, out[i].URL)
			r.tell(name, 0, true, err != nil)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				out[i].Error = err.Error()
				res.ItemErrs = append(res.ItemErrs, err)
				return
			}
			out[i].Saved = true
			res.Saved++
		})
	}
	wg.Wait()
	return out
}

// tell counts queued articles, or one done (failed or not), and passes the
// counts to Progress.
func (r *Refresher) tell(feed string, queued int, done, failed bool) {
	if r.Progress == nil || queued == 0 && !done {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	p := &r.progress
	p.Total += queued
	if done {
		p.Done++
	}
	if failed {
		p.Failed++
	}
	p.Feed = feed
	r.Progress(*p)
}

// article opens an item's page the way the reader does, from the library
// or fetched, extracted and saved there. Feeds that share an article (a
// site's main feed and a section's) fetch it once: a second asker waits
// for the first.
func (r *Refresher) article(ctx context.Context, link string) error {
	if _, ok := r.Library.Lookup(link); ok {
		return nil
	}
	r.mu.Lock()
	if r.fetching == nil {
		r.fetching = map[string]*articleFetch{}
	}
	if f, ok := r.fetching[link]; ok {
		r.mu.Unlock()
		select {
		case <-f.done:
			return f.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	f := &articleFetch{done: make(chan struct{})}
	r.fetching[link] = f
	r.mu.Unlock()
	f.err = r.fetchArticle(ctx, link)
	close(f.done)
	return f.err
}

// articleFetch is an article being fetched; err is set before done closes.
type articleFetch struct {
	done chan struct{}
	err  error
}

func (r *Refresher) fetchArticle(ctx context.Context, link string) error {
	release, err := r.limit.acquire(ctx, link)
	if err != nil {
		return err
	}
	defer release()
	docs := feed.Load(ctx, link, feed.Options{Library: r.Library, Fetch: r.Fetch})
	for _, d := range docs {
		if d.Err != nil {
			return d.Err
		}
	}
	return nil
}
