package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/imagestore"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
)

// pictureSaves is how many pages have their pictures saved at once; each
// fetches up to imagestore.DefaultConcurrency pictures.
const pictureSaves = 2

// pictureSaver saves the article pictures of each page the session keeps
// in the library, in the background: the page is shown (or printed) as
// soon as it is saved, and its pictures follow. Batch modes wait for them
// before exiting; the reader cancels them when it quits, keeping the
// pictures that were whole (the next fetch of the page saves the rest).
type pictureSaver struct {
	ctx    context.Context
	cancel context.CancelFunc
	opts   library.PictureOptions
	slots  chan struct{}
	wg     sync.WaitGroup
	warn   func(string)
}

func newPictureSaver(cfg config.Config, f fetch.Options, warn func(string)) *pictureSaver {
	ctx, cancel := context.WithCancel(context.Background())
	return &pictureSaver{
		ctx: ctx, cancel: cancel, warn: warn, slots: make(chan struct{}, pictureSaves),
		opts: library.PictureOptions{
			Fetch:  f,
			Limits: imagestore.Limits{MaxImage: int64(cfg.ImageMaxSize), MaxPage: int64(cfg.PageImagesMaxSize)},
		},
	}
}

// saved starts saving the pictures of page, just saved in lib and read
// into stories. It returns at once.
func (p *pictureSaver) saved(lib *library.Library, page fetch.Page, stories []story.Story) {
	srcs := library.ArticlePictures(stories)
	if len(srcs) == 0 || p.ctx.Err() != nil {
		return
	}
	p.wg.Go(func() {
		select {
		case p.slots <- struct{}{}:
			defer func() { <-p.slots }()
		case <-p.ctx.Done():
			return
		}
		if _, err := lib.SavePictures(p.ctx, page.URL, srcs, p.opts); err != nil && p.ctx.Err() == nil {
			p.warn(fmt.Sprintf("library: %v", err))
		}
	})
}

// stop cancels the saves in flight and waits for them to end.
func (p *pictureSaver) stop() {
	p.cancel()
	p.wg.Wait()
}

// wait lets the saves in flight finish.
func (p *pictureSaver) wait() {
	p.wg.Wait()
	p.cancel()
}
