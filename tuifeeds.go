package main

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
	"github.com/tread-reader/tread/subscribe"
	"github.com/tread-reader/tread/ui"
)

// feedItemsShown caps the new items listed under a feed in the reader.
const feedItemsShown = 50

// tuiFeeds is the reader's subscriptions section: the subscriptions file
// and the refresh state, read again each time the section is.
type tuiFeeds struct {
	s         *session
	cfg       config.Config
	listPath  string
	statePath string
	lib       *library.Library
}

// subscriptionsIn is the subscriptions file, when it lists any feed.
func subscriptionsIn(o options, sess *session) (string, bool) {
	path, err := subscriptionsPath(o)
	if err != nil {
		return "", false
	}
	list, err := subscribe.LoadList(path)
	if err != nil {
		sess.warn(err.Error())
		return "", false
	}
	return path, len(list.Subs) > 0
}

// statePath is the refresh state's file, beside the library folder.
func statePath(lib *library.Library) string {
	return filepath.Join(filepath.Dir(lib.Dir()), subscribe.StateFileName)
}

// Stories lists each feed as a story: its title, "N unread" and its last
// error as the meta line, and its new items, unread first, then newest,
// as related items that open their article like a related link.
func (f tuiFeeds) Stories(ctx context.Context) []story.Document {
	list, err := subscribe.LoadList(f.listPath)
	if err != nil {
		return []story.Document{{Source: f.listPath, Err: err}}
	}
	state, err := subscribe.LoadState(f.statePath)
	if err != nil {
		return []story.Document{{Source: f.statePath, Err: err}}
	}
	byFeed := map[string][]subscribe.NewItem{}
	for _, it := range state.New {
		byFeed[it.Feed] = append(byFeed[it.Feed], it)
	}
	doc := story.Document{Source: "subscriptions"}
	for _, sub := range list.Subs {
		if ctx.Err() != nil {
			return nil
		}
		doc.Stories = append(doc.Stories, f.feedStory(ctx, sub, state.Feeds[sub.URL], byFeed[sub.URL]))
	}
	return []story.Document{doc}
}

// feedStory is one feed's row and its new items.
func (f tuiFeeds) feedStory(ctx context.Context, sub subscribe.Subscription, st *subscribe.FeedState, items []subscribe.NewItem) story.Story {
	type shown struct {
		it   subscribe.NewItem
		read bool
	}
	var list []shown
	unread := 0
	for _, it := range items {
		read := false
		if row, ok, err := f.lib.Item(ctx, it.URL); err == nil && ok {
			read = row.Read
		}
		if !read {
			unread++
		}
		list = append(list, shown{it, read})
	}
	slices.SortStableFunc(list, func(a, b shown) int {
		if a.read != b.read {
			if a.read {
				return 1
			}
			return -1
		}
		return cmp.Or(b.it.Published.Compare(a.it.Published), b.it.Found.Compare(a.it.Found))
	})
	title := sub.Title
	if title == "" {
		title = sub.URL
	}
	meta := fmt.Sprintf("%d unread", unread)
	text := fmt.Sprintf("%d new stories from %s, %d of them unread.", len(items), sub.URL, unread)
	if st != nil && st.LastError != "" && st.Failures > 0 {
		meta += " · failing: " + st.LastError
		text += " The last refresh failed: " + st.LastError
	}
	s := story.Story{Title: title, Site: meta, Body: []story.Block{story.NewBlock(story.Paragraph, story.Run(text))}}
	for _, e := range list[:min(len(list), feedItemsShown)] {
		s.Related = append(s.Related, story.Story{Title: e.it.Title, URL: e.it.URL, Published: e.it.Published})
	}
	return s
}

// Refresh updates every subscription as --refresh does, telling progress
// as feeds finish, and sums it up in a line.
func (f tuiFeeds) Refresh(ctx context.Context, progress func(ui.RefreshCount)) (string, error) {
	list, err := subscribe.LoadList(f.listPath)
	if err != nil {
		return "", err
	}
	state, err := subscribe.LoadState(f.statePath)
	if err != nil {
		return "", err
	}
	// Report and Progress are called one at a time: count needs no lock.
	count := ui.RefreshCount{Feeds: len(list.Subs)}
	r := newRefresher(f.cfg, f.s, list, f.listPath, f.lib, state, f.statePath, func(subscribe.Result) {
		count.FeedsDone++
		progress(count)
	})
	r.Progress = func(a subscribe.ArticleProgress) {
		count.Articles, count.ArticlesDone = a.Total, a.Done
		progress(count)
	}
	results, err := r.Run(ctx)
	if err != nil {
		return "", err
	}
	summary, last := refreshSummary(results)
	if last != nil {
		return "", fmt.Errorf("%s; %w", summary, last)
	}
	return summary, nil
}
