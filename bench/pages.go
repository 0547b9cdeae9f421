package bench

import (
	"fmt"

	"github.com/tread-reader/tread/corpus"
)

// Split names.
const (
	AEB  = "aeb-dev"
	WCXB = "wcxb-dev"
)

// Page is one corpus page held in memory with its ground truth, so timing
// never touches the disk or gunzip.
type Page struct {
	Split string
	ID    string
	URL   string
	HTML  []byte

	Body string // ground-truth body (both splits)
	// wcxb-dev only.
	Title, Author, PublishDate string
	// aeb-dev pages of related.json only: the hand-labelled related links.
	Labelled bool
	Links    []corpus.RelatedLink
}

// LoadPages reads aeb-dev then wcxb-dev from the corpus folder dir.
func LoadPages(dir string) ([]Page, error) {
	aeb, err := corpus.AEB(dir)
	if err != nil {
		return nil, fmt.Errorf("load aeb-dev: %w", err)
	}
	wcxb, err := corpus.WCXB(dir)
	if err != nil {
		return nil, fmt.Errorf("load wcxb-dev: %w", err)
	}
	rel, err := corpus.Related(dir)
	if err != nil {
		return nil, fmt.Errorf("load aeb-dev related links: %w", err)
	}
	labels := map[string][]corpus.RelatedLink{}
	for _, p := range rel {
		labels[p.ID] = p.Links
	}
	pages := make([]Page, 0, len(aeb)+len(wcxb))
	for _, p := range aeb {
		data, err := p.HTML()
		if err != nil {
			return nil, fmt.Errorf("read aeb-dev page %s: %w", p.ID, err)
		}
		links, ok := labels[p.ID]
		pages = append(pages, Page{Split: AEB, ID: p.ID, URL: p.URL, HTML: data, Body: p.Body, Labelled: ok, Links: links})
	}
	for _, p := range wcxb {
		data, err := p.HTML()
		if err != nil {
			return nil, fmt.Errorf("read wcxb-dev page %s: %w", p.ID, err)
		}
		pages = append(pages, Page{
			Split: WCXB, ID: p.ID, URL: p.URL, HTML: data, Body: p.Body,
			Title: p.Title, Author: p.Author, PublishDate: p.PublishDate,
		})
	}
	return pages, nil
}

// TotalBytes is the pages' HTML size.
func TotalBytes(pages []Page) int {
	n := 0
	for _, p := range pages {
		n += len(p.HTML)
	}
	return n
}
