package subscribe

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"
)

// StateFileName is the refresh state's file, beside the library folder.
const StateFileName = "feeds-state.json"

// Bounds on the state file.
const (
	maxStateSize = 64 << 20
	// maxSeen is how many item keys a feed remembers; the oldest go first.
	maxSeen = 5000
	// maxNew is how many new items the state lists; the oldest go first.
	maxNew = 20000
)

// FeedState is what tread remembers of one feed between refreshes.
type FeedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Checked      time.Time `json:"checked,omitzero"`   // last request
	Succeeded    time.Time `json:"succeeded,omitzero"` // last 200 or 304
	LastError    string    `json:"last_error,omitempty"`
	Failures     int       `json:"failures,omitempty"` // in a row
	NextTry      time.Time `json:"next_try,omitzero"`  // no request before this
	// Seen maps each item key ("id:…", "link:…", "title:…") to when it
	// was first seen.
	Seen map[string]time.Time `json:"seen,omitempty"`
}

// NewItem is an item first seen by a refresh: what the library's index
// will make an unread story.
type NewItem struct {
	Feed      string    `json:"feed"` // the subscription's URL
	Key       string    `json:"key"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Found     time.Time `json:"found"`
	// Saved says the full article is in the library; Error why not, when
	// fetching it failed.
	Saved bool   `json:"saved,omitempty"`
	Error string `json:"error,omitempty"`
}

// State is the refresh state of every feed.
type State struct {
	Feeds map[string]*FeedState `json:"feeds"`
	New   []NewItem             `json:"new"`
}

// LoadState reads the state file at path; a missing file is a fresh state.
// A damaged one is an error: refreshing over it would fetch every article
// again.
func LoadState(path string) (*State, error) {
	st := &State{Feeds: map[string]*FeedState{}}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read feed state: %w", err)
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxStateSize {
		return nil, fmt.Errorf("read feed state %s: not a regular file under 64MB", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read feed state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("read feed state %s: %w", path, err)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]*FeedState{}
	}
	for k, f := range st.Feeds {
		if f == nil {
			st.Feeds[k] = &FeedState{}
		}
	}
	return st, nil
}

// Save writes the state to path atomically.
func (s *State) Save(path string) error {
	data, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	if err := writeAtomic(path, data); err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	return nil
}

// feed is the state of the feed at url, created when missing.
func (s *State) feed(url string) *FeedState {
	f := s.Feeds[url]
	if f == nil {
		f = &FeedState{}
		s.Feeds[url] = f
	}
	if f.Seen == nil {
		f.Seen = map[string]time.Time{}
	}
	return f
}

// seen reports whether the item of key (syndication.Item.Key: its id,
// else its link, else its title and date) was seen before. An item with an
// id is matched on the id alone: podcasts give many items one link.
func (f *FeedState) seen(key string) bool {
	_, ok := f.Seen[key]
	return ok
}

// remember marks key as seen at now, forgetting the oldest past maxSeen.
func (f *FeedState) remember(key string, now time.Time) {
	if _, ok := f.Seen[key]; !ok {
		f.Seen[key] = now
	}
	if len(f.Seen) <= maxSeen {
		return
	}
	type kt struct {
		k string
		t time.Time
	}
	all := make([]kt, 0, len(f.Seen))
	for k, t := range f.Seen {
		all = append(all, kt{k, t})
	}
	slices.SortFunc(all, func(a, b kt) int { return a.t.Compare(b.t) })
	for _, e := range all[:len(all)-maxSeen] {
		delete(f.Seen, e.k)
	}
}

// addNew lists items as new, forgetting the oldest past maxNew.
func (s *State) addNew(items ...NewItem) {
	s.New = append(s.New, items...)
	if over := len(s.New) - maxNew; over > 0 {
		s.New = slices.Delete(s.New, 0, over)
	}
}
