package bench

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tread-reader/tread/corpus"
)

var (
	loadOnce  sync.Once
	loaded    []Page
	loadedErr error
)

// corpusPages loads the corpus once per test binary, or skips.
func corpusPages(tb testing.TB) []Page {
	tb.Helper()
	dir := corpus.Require(tb)
	if _, err := os.Stat(dir); err != nil {
		// TREAD_CORPUS may name a folder that is not there on this machine.
		tb.Skipf("reference corpus absent, skipping: %v", err)
	}
	loadOnce.Do(func() { loaded, loadedErr = LoadPages(dir) })
	if loadedErr != nil {
		tb.Fatalf("load corpus: %v", loadedErr)
	}
	return loaded
}

// BenchmarkExtract times each extractor over every aeb-dev and wcxb-dev
// page; one op is one pass, and ns/page, B/page and allocs/page are the
// per-page figures. Run it a few times over, so the extractors take turns,
// and compare with benchstat:
//
//	for i in 1 2 3 4 5 6; do go test -run '^$' -bench Extract -benchmem -count 1 .; done | tee new.txt
//	benchstat -col /x new.txt
func BenchmarkExtract(b *testing.B) {
	pages := corpusPages(b)
	for _, e := range Extractors() {
		b.Run("x="+e.Name, Pass(e, pages))
	}
}

// TestScoresReproducePublished checks the harness against numbers it did not
// make: the corpus README's full-page-text score and the library
// scores on aeb-dev. If these drift, the harness (or a library) changed.
func TestScoresReproducePublished(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 291 pages with each library")
	}
	pages := corpusPages(t)
	want := map[string]float64{
		"html.Parse":  0.665, // README: full page text
		"readeck":     0.951, // issue: readeck go-readability v2.1.3
		"trafilatura": 0.962, // issue: go-trafilatura v1.12.2
	}
	for _, e := range Extractors() {
		w, ok := want[e.Name]
		if !ok {
			continue
		}
		q := Score(e, pages, time.Minute)
		if len(q.Failures) > 0 {
			t.Errorf("%s failed on %d pages, first %s: %v", e.Name, len(q.Failures), q.Failures[0].ID, q.Failures[0].Err)
		}
		if d := q.AEB.F1 - w; d < -0.005 || d > 0.005 {
			t.Errorf("%s aeb-dev F1 = %.4f, want %.3f ± 0.005", e.Name, q.AEB.F1, w)
		}
		if q.AEB.Pages != 91 || q.WCXBPages != 711 {
			t.Errorf("%s scored %d aeb-dev and %d wcxb-dev pages, want 91 and 711", e.Name, q.AEB.Pages, q.WCXBPages)
		}
		a, b := q.Halves[corpus.HalfA], q.Halves[corpus.HalfB]
		if a.AEB.Pages+b.AEB.Pages != 91 || a.WCXBPages+b.WCXBPages != 711 || a.AEB.Pages == 0 || b.WCXBPages == 0 {
			t.Errorf("%s halves scored %d+%d aeb-dev and %d+%d wcxb-dev pages", e.Name, a.AEB.Pages, b.AEB.Pages, a.WCXBPages, b.WCXBPages)
		}
	}
}

func TestScorePerfectAndEmpty(t *testing.T) {
	links := []corpus.RelatedLink{
		{URL: "https://a.example/next", Tier: "related"},
		{URL: "https://a.example/popular", Tier: "more"},
	}
	pages := []Page{
		{Split: AEB, ID: "https://a.example/story", Body: "one two three four five six", Labelled: true, Links: links},
		{Split: WCXB, ID: "https://blog.example/story", Body: "Seven eight nine", Title: "Head Line", Author: "Ann Lee and Bo Chan", PublishDate: "2024-03-05"},
	}
	truth := map[string]Page{pages[0].ID: pages[0], pages[1].ID: pages[1]}
	perfect := Extractor{Name: "perfect", Meta: true, Extract: func(data []byte, id string) (Result, error) {
		p := truth[id]
		return Result{
			Text: p.Body, Title: " head  line ", Byline: "By Ann Lee, Bo Chan",
			Published: time.Date(2024, 3, 5, 23, 0, 0, 0, time.UTC),
			Related:   []string{"http://a.example/next/?utm_source=x"},
		}, nil
	}}
	// The page URL doubles as the id here, so the fake knows its page.
	for i := range pages {
		pages[i].URL = pages[i].ID
	}
	q := Score(perfect, pages, time.Second)
	if q.AEB.F1 != 1 || q.WCXBF1 != 1 || q.Headline != 1 || q.Byline != 1 || q.Date != 1 {
		t.Errorf("perfect extractor scored %+v", q)
	}
	if r := q.Related; r.TP != 1 || r.Predicted != 1 || r.Found != 1 || r.Relevant != 1 || q.RelatedPages != 1 {
		t.Errorf("perfect extractor related = %+v over %d pages", r, q.RelatedPages)
	}
	// Each page counts in the half of its site and in no other (the two
	// sites here fall in different halves).
	if corpus.Half(pages[0].URL) == corpus.Half(pages[1].URL) {
		t.Fatal("the two test sites share a half; pick others")
	}
	for _, p := range pages {
		h, other := q.Halves[corpus.Half(p.URL)], q.Halves[otherHalf(corpus.Half(p.URL))]
		if p.Split == AEB && (h.AEB.Pages != 1 || other.AEB.Pages != 0 || h.RelatedPages != 1) {
			t.Errorf("aeb page %s scored in halves %+v and %+v", p.URL, h, other)
		}
		if p.Split == WCXB && (h.WCXBPages != 1 || other.WCXBPages != 0 || h.Headline != 1) {
			t.Errorf("wcxb page %s scored in halves %+v and %+v", p.URL, h, other)
		}
	}

	failing := Extractor{Name: "failing", Extract: func([]byte, string) (Result, error) {
		return Result{}, errors.New("no article")
	}}
	q = Score(failing, pages, time.Second)
	if q.AEB.F1 != 0 || q.WCXBF1 != 0 || q.Headline != 0 || len(q.Failures) != 2 {
		t.Errorf("failing extractor scored %+v", q)
	}
}

func otherHalf(h string) string {
	if h == corpus.HalfA {
		return corpus.HalfB
	}
	return corpus.HalfA
}

func TestRunRecoversPanicAndTimeout(t *testing.T) {
	boom := Extractor{Name: "boom", Extract: func([]byte, string) (Result, error) { panic("nil map") }}
	if _, err := boom.Run(nil, ""); err == nil || !strings.Contains(err.Error(), "boom panicked: nil map") {
		t.Errorf("Run on a panicking extractor: err = %v", err)
	}
	release := make(chan struct{})
	defer close(release)
	hang := Extractor{Name: "hang", Extract: func([]byte, string) (Result, error) {
		<-release
		return Result{}, nil
	}}
	q := Score(hang, []Page{{Split: AEB, ID: "h"}}, 10*time.Millisecond)
	if len(q.Failures) != 1 || !errors.Is(q.Failures[0].Err, ErrTimeout) {
		t.Errorf("hanging extractor failures = %+v, want one timeout", q.Failures)
	}
}

func TestFloorPageText(t *testing.T) {
	page := []byte(`<html><head><title>T</title><style>p{}</style></head><body>
<p>Caf` + "\u00e9" + ` one</p><script>var x</script><div>two<br>three</div></body></html>`)
	for _, e := range Extractors() {
		if !e.Floor {
			continue
		}
		res, err := e.Run(page, "")
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		got := strings.Join(strings.Fields(res.BodyText()), " ")
		if got != "Caf\u00e9 one two three" {
			t.Errorf("%s page text = %q", e.Name, got)
		}
	}
}

func TestSelect(t *testing.T) {
	got, err := Select("readeck, tread")
	if err != nil || len(got) != 2 || got[0].Name != "readeck" || got[1].Name != "tread" {
		t.Errorf("Select = %v, %v", got, err)
	}
	if _, err := Select("nope"); err == nil {
		t.Error("Select accepted an unknown name")
	}
	all, err := Select("all")
	if err != nil || len(all) != len(Extractors()) {
		t.Errorf("Select(all) = %d extractors, %v", len(all), err)
	}
}
