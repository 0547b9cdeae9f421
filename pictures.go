package main

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/imagestore"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/sample"
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

// storedPicture finds the library's copy of the picture at src in the page
// at page.
func (s *session) storedPicture(page, src string) (*imagestore.Store, imagestore.Ref, bool) {
	if !s.libraryExists() {
		return nil, imagestore.Ref{}, false
	}
	lib, err := s.library()
	if err != nil {
		return nil, imagestore.Ref{}, false
	}
	recs, err := lib.Pictures(page)
	if err != nil {
		return nil, imagestore.Ref{}, false
	}
	for _, r := range recs {
		if ref, ok := r.Ref(); ok && r.Src == src {
			store, err := lib.PictureStore(s.pictures.opts.Limits)
			return store, ref, err == nil
		}
	}
	return nil, imagestore.Ref{}, false
}

// pictureFile is the path of the library's copy of a picture, "" when it
// has none: the reader opens it in the system viewer.
func (s *session) pictureFile(page, src string) string {
	store, ref, ok := s.storedPicture(page, src)
	if !ok {
		return ""
	}
	path := store.Path(ref)
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	return path
}

// pictureData is the bytes of a picture for the reader to draw: the
// library's copy, else, online, fetched within the per-picture cap.
func (s *session) pictureData(ctx context.Context, page, src string) ([]byte, error) {
	if data, onHost, err := sample.Picture(src); onHost {
		return data, err // the sample's own: never the network
	}
	if store, ref, ok := s.storedPicture(page, src); ok {
		if data, err := store.Read(ref); err == nil {
			return data, nil
		}
	}
	if s.offline {
		return nil, fmt.Errorf("no saved copy of %s (offline)", src)
	}
	opts := s.fetch
	opts.MaxSize = s.pictures.opts.Limits.MaxImage
	p, err := fetch.FetchImage(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	return p.Body, nil
}
