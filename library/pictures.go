package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/imagestore"
	"github.com/tread-reader/tread/regfile"
	"github.com/tread-reader/tread/story"
)

// A page's pictures are kept beside the pages: the pictures themselves in
// <library>/images (package imagestore, content-addressed, so a picture
// shared by pages is stored once), and which of them a page uses in a
// small record, <library>/images/pages/<page file>.json, named like the
// page's own file:
//
//	{"url":"https://…/story","pictures":[{"src":"https://…/a.jpg","hash":"…","ext":"jpg","size":1234},
//	                                     {"src":"https://…/b.jpg","error":"… 404 Not Found"}]}
//
// The record is a file, not a row of the index, so a rebuilt index loses
// nothing; it is rewritten atomically as each picture is stored, so a kill
// while a page's pictures are being saved leaves the ones that were whole.
const (
	picturesDir = "images"
	recordsDir  = "pages"
	recordExt   = ".json"
)

// MaxPagePictures is the most pictures of one page that are saved.
const MaxPagePictures = 64

// maxRecord bounds what is read of a record: MaxPagePictures entries of a
// few hundred bytes each.
const maxRecord = 1 << 20

// PictureRecord is one picture of a page: its address in the page and
// either the stored picture or why it was not stored.
type PictureRecord struct {
	Src  string `json:"src"`
	Hash string `json:"hash,omitempty"`
	Ext  string `json:"ext,omitempty"`
	Size int64  `json:"size,omitempty"`
	Err  string `json:"error,omitempty"`
}

// Ref is the stored picture the record names; ok is false when it was
// not stored.
func (r PictureRecord) Ref() (imagestore.Ref, bool) {
	if r.Hash == "" {
		return imagestore.Ref{}, false
	}
	return imagestore.Ref{Hash: r.Hash, Ext: r.Ext, Size: r.Size}, true
}

type pictureRecords struct {
	URL      string          `json:"url"`
	Pictures []PictureRecord `json:"pictures"`
}

// PictureOptions tune SavePictures.
type PictureOptions struct {
	Fetch       fetch.Options     // user agent, timeouts
	Limits      imagestore.Limits // the caps per picture and per page
	Concurrency int               // fetches at once; imagestore's default when 0
}

// ImagesDir is the folder the library's pictures are kept in.
func (l *Library) ImagesDir() string { return filepath.Join(l.dir, picturesDir) }

// recordPath is where the record of the page at pageURL is kept.
func (l *Library) recordPath(pageURL string) string {
	name := strings.TrimSuffix(fileName(key(pageURL)), fileExt) + recordExt
	return filepath.Join(l.ImagesDir(), recordsDir, name)
}

// Pictures returns the record of the pictures of the page at pageURL,
// in page order; none when nothing was saved for it.
func (l *Library) Pictures(pageURL string) ([]PictureRecord, error) {
	r, err := readRecords(l.recordPath(pageURL))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pictures of %s: %w", pageURL, err)
	}
	return r.Pictures, nil
}

// PictureStore opens the library's picture store with lim.
func (l *Library) PictureStore(lim imagestore.Limits) (*imagestore.Store, error) {
	return imagestore.Open(l.ImagesDir(), lim)
}

// ArticlePictures are the addresses of the pictures of stories' articles,
// in order, each once: the Image blocks of the main stories (not of their
// related ones, nor the page's furniture, which extraction left out), with
// http(s) addresses, at most MaxPagePictures.
func ArticlePictures(stories []story.Story) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range stories {
		for _, b := range s.Body {
			if b.Kind != story.Image || seen[b.URL] || !webURL(b.URL) || len(out) >= MaxPagePictures {
				continue
			}
			seen[b.URL] = true
			out = append(out, b.URL)
		}
	}
	return out
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// SavePictures fetches and stores the pictures at srcs, the article
// pictures of the saved page at pageURL, and records them for the page.
// Pictures the record has already (stored, or refused for good: missing,
// not a picture, over a cap) are not fetched again; the page's cap counts
// the ones stored before. It returns how many pictures it stored.
func (l *Library) SavePictures(ctx context.Context, pageURL string, srcs []string, opts PictureOptions) (int, error) {
	if err := l.checkWritable(); err != nil {
		return 0, fmt.Errorf("save pictures of %s: %w", pageURL, err)
	}
	path := l.recordPath(pageURL)
	rec, err := readRecords(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		l.warn(fmt.Errorf("library: pictures of %s: %w (recorded again)", pageURL, err))
	}
	rec.URL = pageURL
	known := map[string]bool{}
	var used int64
	for _, p := range rec.Pictures {
		known[p.Src] = true
		used += p.Size
	}
	var todo []string
	for _, s := range srcs {
		if !known[s] && len(known)+len(todo) < MaxPagePictures {
			todo = append(todo, s)
		}
	}
	lim := opts.Limits
	if lim.MaxPage <= 0 {
		lim.MaxPage = imagestore.DefaultLimits.MaxPage
	}
	if len(todo) == 0 || used >= lim.MaxPage {
		return 0, nil
	}
	lim.MaxPage -= used
	store, err := l.PictureStore(lim)
	if err != nil {
		return 0, fmt.Errorf("save pictures of %s: %w", pageURL, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, fmt.Errorf("save pictures of %s: %w", pageURL, err)
	}
	stored := 0
	var errs []error
	f := &imagestore.Fetcher{Store: store, Options: opts.Fetch, Concurrency: opts.Concurrency}
	f.Settled = func(r imagestore.Result) {
		p := PictureRecord{Src: r.URL, Hash: r.Ref.Hash, Ext: r.Ref.Ext, Size: r.Ref.Size}
		if r.Err != nil {
			if ctx.Err() != nil {
				return // not refused: tried again next time
			}
			p = PictureRecord{Src: r.URL, Err: r.Err.Error()}
		} else {
			stored++
		}
		rec.Pictures = append(rec.Pictures, p)
		if err := writeRecords(path, rec); err != nil {
			errs = append(errs, err)
		}
	}
	f.SavePage(ctx, todo)
	if len(errs) > 0 {
		return stored, fmt.Errorf("save pictures of %s: %w", pageURL, errors.Join(errs...))
	}
	return stored, nil
}

// writeRecords writes the record at path atomically.
func writeRecords(path string, rec pictureRecords) error {
	_, err := writeAtomic(filepath.Dir(path), filepath.Base(path), func(w io.Writer) error {
		return json.NewEncoder(w).Encode(rec)
	})
	return err
}

// readRecords reads the record at path: a regular file, bounded.
func readRecords(path string) (pictureRecords, error) {
	var rec pictureRecords
	f, fi, err := regfile.Open(path)
	if err != nil {
		return rec, err
	}
	defer f.Close()
	if fi.Size() > maxRecord {
		return rec, fmt.Errorf("%s: %w (record of %d bytes)", filepath.Base(path), ErrCorrupt, fi.Size())
	}
	if err := json.NewDecoder(io.LimitReader(f, maxRecord)).Decode(&rec); err != nil {
		return pictureRecords{}, fmt.Errorf("%s: %w (%w)", filepath.Base(path), ErrCorrupt, err)
	}
	return rec, nil
}
