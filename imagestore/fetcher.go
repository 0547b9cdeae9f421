package imagestore

import (
	"context"
	"fmt"
	"sync"

	"github.com/tread-reader/tread/fetch"
)

// DefaultConcurrency is how many pictures a page fetches at once.
const DefaultConcurrency = 4

// Result is what became of one picture URL of a page.
type Result struct {
	URL string
	Ref Ref   // the stored picture, when Err is nil
	Err error // a *fetch.Error, or a store error naming the cap or format
}

// Fetcher saves the pictures of pages into a store.
type Fetcher struct {
	Store *Store
	// Options are passed to fetch.FetchImage; MaxSize is lowered to the
	// store's per-picture cap.
	Options fetch.Options
	// Concurrency bounds the fetches in flight; DefaultConcurrency when
	// not above zero.
	Concurrency int
	// Settled, when set, hears each picture's Result as soon as it is
	// settled, in page order and one at a time, so that the caller can
	// record what is stored before the rest arrive (a kill then loses only
	// the pictures not yet settled).
	Settled func(Result)
}

// SavePage fetches and stores the pictures at urls, one article's, within
// the store's per-page cap, and returns one Result per distinct URL in the
// order given. Fetches overlap, but pictures are stored in page order, so
// which ones fit the page's cap does not depend on which server answered
// first, and at most Concurrency bodies are held at once. Cancelling ctx
// stops the fetches; pictures stored by then stay stored, each whole.
func (f *Fetcher) SavePage(ctx context.Context, urls []string) []Result {
	var unique []string
	seen := map[string]bool{}
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			unique = append(unique, u)
		}
	}
	results := make([]Result, len(unique))
	n := f.Concurrency
	if n <= 0 {
		n = DefaultConcurrency
	}
	opts := f.Options
	if lim := f.Store.lim.MaxImage; opts.MaxSize <= 0 || opts.MaxSize > lim {
		opts.MaxSize = lim
	}

	var (
		mu   sync.Mutex
		turn = sync.NewCond(&mu)
		next int   // the index whose turn it is to be stored
		used int64 // bytes of this page's pictures stored so far
		wg   sync.WaitGroup
		sem  = make(chan struct{}, n)
	)
	// commit stores picture i once every earlier one is settled.
	commit := func(i int, data []byte, err error) {
		mu.Lock()
		for next != i {
			turn.Wait()
		}
		if err == nil {
			if used+int64(len(data)) > f.Store.lim.MaxPage {
				err = fmt.Errorf("store picture: %w (%d bytes already, the cap is %d)", ErrPageBudget, used, f.Store.lim.MaxPage)
			} else {
				var ref Ref
				if ref, err = f.Store.Put(data); err == nil {
					used += ref.Size
					results[i].Ref = ref
				}
			}
		}
		results[i].Err = err
		if f.Settled != nil {
			f.Settled(results[i])
		}
		next++
		turn.Broadcast()
		mu.Unlock()
	}
	for i, u := range unique {
		results[i].URL = u
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			// Not started: settled in turn with the context's error.
			wg.Go(func() { commit(i, nil, fmt.Errorf("fetch %s: %w", u, context.Cause(ctx))) })
			continue
		}
		wg.Go(func() {
			defer func() { <-sem }()
			page, err := fetch.FetchImage(ctx, u, opts)
			var data []byte
			if err == nil {
				data = page.Body
			}
			commit(i, data, err)
		})
	}
	wg.Wait()
	return results
}
