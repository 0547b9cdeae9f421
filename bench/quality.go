package bench

import (
	"errors"
	"fmt"
	"time"

	"github.com/tread-reader/tread/corpus"
)

// Failure is a page an extractor could not handle: an error, a panic or a
// run past the time limit. Its body scores as empty.
type Failure struct {
	Split, ID string
	Err       error
}

// ErrTimeout marks a page that ran past the quality pass's time limit.
var ErrTimeout = errors.New("timed out")

// Scores are one extractor's scores on a set of pages, each computed exactly
// as the corpus README defines it (through the app's corpus package).
type Scores struct {
	AEB corpus.AEBScore // aeb-dev body: shingle P, R and F1 of the means

	// wcxb-dev body: mean per-page word precision, recall and F1.
	WCXBP, WCXBR, WCXBF1 float64
	WCXBPages            int
	// wcxb-dev pages with headline, byline and date right.
	Headline, Byline, Date int

	// Related links over the labelled aeb-dev pages (micro averages).
	Related      corpus.RelatedScore
	RelatedPages int
}

// Quality is one extractor's scores on all the dev pages and on each half of
// corpus.Half, so that a figure on the sites of one half can be set beside
// the figure on all of them.
type Quality struct {
	Name string
	Scores
	Halves map[string]Scores // by corpus.HalfA and corpus.HalfB

	Failures []Failure
}

// Score runs e once over every page and scores the results. A page that runs
// longer than limit is abandoned (its goroutine cannot be stopped, so it is
// left to finish) and reported as a failure.
func Score(e Extractor, pages []Page, limit time.Duration) Quality {
	q := Quality{Name: e.Name, Halves: map[string]Scores{}}
	all := &tally{}
	halves := map[string]*tally{corpus.HalfA: {}, corpus.HalfB: {}}
	for _, p := range pages {
		res, err := runLimited(e, p, limit)
		if err != nil {
			q.Failures = append(q.Failures, Failure{Split: p.Split, ID: p.ID, Err: err})
			res = Result{}
		}
		all.add(p, res)
		halves[corpus.Half(p.URL)].add(p, res)
	}
	q.Scores = all.scores()
	for h, t := range halves {
		q.Halves[h] = t.scores()
	}
	return q
}

// tally gathers per-page scores until they are averaged.
type tally struct {
	counts           []corpus.PageCounts
	sumP, sumR, sumF float64
	s                Scores
}

func (t *tally) add(p Page, res Result) {
	text := res.BodyText()
	switch p.Split {
	case AEB:
		t.counts = append(t.counts, corpus.Shingles(text, p.Body))
		if p.Labelled {
			t.s.Related.Add(corpus.ScoreRelated(res.Related, p.Links))
			t.s.RelatedPages++
		}
	case WCXB:
		pr, rc, f1 := corpus.WordPRF(text, p.Body)
		t.sumP, t.sumR, t.sumF = t.sumP+pr, t.sumR+rc, t.sumF+f1
		t.s.WCXBPages++
		if corpus.SameHeadline(res.Title, p.Title) {
			t.s.Headline++
		}
		if corpus.BylineHas(res.Byline, p.Author) {
			t.s.Byline++
		}
		if corpus.SameDay(res.Published, p.PublishDate) {
			t.s.Date++
		}
	}
}

func (t *tally) scores() Scores {
	s := t.s
	s.AEB = corpus.ScoreAEB(t.counts)
	if n := float64(s.WCXBPages); n > 0 {
		s.WCXBP, s.WCXBR, s.WCXBF1 = t.sumP/n, t.sumR/n, t.sumF/n
	}
	return s
}

func runLimited(e Extractor, p Page, limit time.Duration) (Result, error) {
	type out struct {
		res Result
		err error
	}
	ch := make(chan out, 1)
	go func() {
		res, err := e.Run(p.HTML, p.URL)
		if err == nil {
			// Compute lazy text here too, so a slow one is bounded as well.
			res.Text, res.text = res.BodyText(), nil
		}
		ch <- out{res, err}
	}()
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-t.C:
		return Result{}, fmt.Errorf("%w after %v", ErrTimeout, limit)
	}
}
