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

// Quality is one extractor's scores on the corpus, each computed exactly as
// the corpus README defines it (through the app's corpus package).
type Quality struct {
	Name string
	AEB  corpus.AEBScore // aeb-dev body: shingle P, R and F1 of the means

	// wcxb-dev body: mean per-page word precision, recall and F1.
	WCXBP, WCXBR, WCXBF1 float64
	WCXBPages            int
	// wcxb-dev pages with headline, byline and date right.
	Headline, Byline, Date int

	Failures []Failure
}

// Score runs e once over every page and scores the results. A page that runs
// longer than limit is abandoned (its goroutine cannot be stopped, so it is
// left to finish) and reported as a failure.
func Score(e Extractor, pages []Page, limit time.Duration) Quality {
	q := Quality{Name: e.Name}
	var counts []corpus.PageCounts
	var sumP, sumR, sumF float64
	for _, p := range pages {
		res, err := runLimited(e, p, limit)
		if err != nil {
			q.Failures = append(q.Failures, Failure{Split: p.Split, ID: p.ID, Err: err})
			res = Result{}
		}
		text := res.BodyText()
		switch p.Split {
		case AEB:
			counts = append(counts, corpus.Shingles(text, p.Body))
		case WCXB:
			pr, rc, f1 := corpus.WordPRF(text, p.Body)
			sumP, sumR, sumF = sumP+pr, sumR+rc, sumF+f1
			q.WCXBPages++
			if corpus.SameHeadline(res.Title, p.Title) {
				q.Headline++
			}
			if corpus.BylineHas(res.Byline, p.Author) {
				q.Byline++
			}
			if corpus.SameDay(res.Published, p.PublishDate) {
				q.Date++
			}
		}
	}
	q.AEB = corpus.ScoreAEB(counts)
	if n := float64(q.WCXBPages); n > 0 {
		q.WCXBP, q.WCXBR, q.WCXBF1 = sumP/n, sumR/n, sumF/n
	}
	return q
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
