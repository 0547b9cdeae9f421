package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/bench"
	"github.com/tread-reader/tread/corpus"
)

type stat struct{ med, lo, hi float64 }

func summarise(rs []testing.BenchmarkResult, metric string) stat {
	if len(rs) == 0 {
		return stat{}
	}
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = r.Extra[metric]
	}
	slices.Sort(v)
	med := v[len(v)/2]
	if len(v)%2 == 0 {
		med = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return stat{med: med, lo: v[0], hi: v[len(v)-1]}
}

func table(w io.Writer, exts []bench.Extractor, qs []bench.Quality, times [][]testing.BenchmarkResult, timed, total int) {
	fmt.Fprintln(w, "Quality on the dev pages (dev: all of them) and on each half of the sites apart (corpus.Half: "+
		"A, the half to build on; B, held out, judged cross-site):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| extractor | pages | aeb P | aeb R | aeb F1 | wcxb P | wcxb R | wcxb F1 | headline | byline | date | related P / R | failed pages |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	for i, e := range exts {
		q := qs[i]
		for _, set := range []struct {
			name string
			s    bench.Scores
		}{{"dev", q.Scores}, {"A (build)", q.Halves[corpus.HalfA]}, {"B (held out)", q.Halves[corpus.HalfB]}} {
			s := set.s
			meta := [3]string{"—", "—", "—"}
			if n := s.WCXBPages; e.Meta && n > 0 {
				meta = [3]string{pct(s.Headline, n), pct(s.Byline, n), pct(s.Date, n)}
			}
			rel := "—"
			if e.Related && s.RelatedPages > 0 {
				rel = fmt.Sprintf("%.3f / %.3f", corpus.Ratio(s.Related.TP, s.Related.Predicted), corpus.Ratio(s.Related.Found, s.Related.Relevant))
			}
			fails := ""
			if set.name == "dev" {
				fails = fmt.Sprint(len(q.Failures))
			}
			fmt.Fprintf(w, "| %s %s | %d + %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** | %s | %s | %s | %s | %s |\n",
				label(e), set.name, s.AEB.Pages, s.WCXBPages, s.AEB.P, s.AEB.R, s.AEB.F1, s.WCXBP, s.WCXBR, s.WCXBF1,
				meta[0], meta[1], meta[2], rel, fails)
		}
	}
	runs := 0
	if len(times) > 0 {
		runs = len(times[0])
	}
	if runs == 0 {
		return
	}

	var refWall, refCPU float64
	for i, e := range exts {
		if e.Name == "readeck" {
			refWall = summarise(times[i], bench.NsPerPage).med
			refCPU = summarise(times[i], bench.CPUNsPerPage).med
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| extractor | wall ms/page (min–max) | CPU ms/page (min–max) | × readeck wall | × readeck CPU | MB alloc/page | allocs/page |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for i, e := range exts {
		wall, cpu := summarise(times[i], bench.NsPerPage), summarise(times[i], bench.CPUNsPerPage)
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %.2f | %.0f |\n", label(e), span(wall), span(cpu),
			ratio(wall.med, refWall), ratio(cpu.med, refCPU),
			summarise(times[i], bench.BytesPerPage).med/1e6, summarise(times[i], bench.AllocsPerPage).med)
	}
	fmt.Fprintf(w, "\nTime and memory: median of %d interleaved testing.Benchmark passes over %d of %d pages (min–max in brackets).\n",
		runs, timed, total)
}

func label(e bench.Extractor) string {
	if e.Floor {
		return e.Name + " (floor)"
	}
	return e.Name
}

func span(s stat) string {
	return fmt.Sprintf("%.2f (%.2f–%.2f)", s.med/1e6, s.lo/1e6, s.hi/1e6)
}

func ratio(v, ref float64) string {
	if ref <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", v/ref)
}

func pct(n, of int) string {
	return fmt.Sprintf("%.1f%% (%d)", 100*float64(n)/float64(of), n)
}

func failures(w io.Writer, qs []bench.Quality) {
	any := false
	for _, q := range qs {
		for _, f := range q.Failures {
			if !any {
				fmt.Fprintln(w, "\nFailed pages (scored as empty):")
				any = true
			}
			msg := strings.Join(strings.Fields(f.Err.Error()), " ")
			if len(msg) > 120 {
				msg = msg[:120] + "…"
			}
			fmt.Fprintf(w, "- %s %s/%s: %s\n", q.Name, f.Split, f.ID, msg)
		}
	}
}

// slowPages times every page on its own (CPU time, best of three runs: a
// diagnostic, not the headline numbers) and lists those where tread takes
// factor times readeck's time or more, then tread's slowest pages.
func slowPages(w io.Writer, exts []bench.Extractor, pages []bench.Page, factor float64) error {
	var tread, readeck *bench.Extractor
	for i := range exts {
		switch exts[i].Name {
		case "tread":
			tread = &exts[i]
		case "readeck":
			readeck = &exts[i]
		}
	}
	if tread == nil || readeck == nil {
		return nil
	}
	type row struct {
		p     bench.Page
		t, r  time.Duration
		ratio float64
	}
	var all []row
	for _, p := range pages {
		t, terr := best(*tread, p)
		r, rerr := best(*readeck, p)
		if terr != nil || rerr != nil {
			continue // listed with the failures already
		}
		all = append(all, row{p, t, r, float64(t) / float64(r)})
	}
	slow := slices.DeleteFunc(slices.Clone(all), func(x row) bool { return x.ratio < factor })
	slices.SortFunc(slow, func(a, b row) int { return cmp.Compare(b.ratio, a.ratio) })
	fmt.Fprintf(w, "\nPages where tread takes ≥ %.1f× readeck's time (CPU time, best of 3 runs each): %d\n", factor, len(slow))
	for _, x := range slow {
		printRow(w, x.p, x.t, x.r)
	}
	slices.SortFunc(all, func(a, b row) int { return cmp.Compare(b.t, a.t) })
	fmt.Fprintln(w, "\ntread's slowest pages (CPU time, best of 3 runs each):")
	for _, x := range all[:min(5, len(all))] {
		printRow(w, x.p, x.t, x.r)
	}
	return nil
}

func printRow(w io.Writer, p bench.Page, t, r time.Duration) {
	fmt.Fprintf(w, "- %s/%s (%d KB): tread %.1f ms, readeck %.1f ms, %.2f×\n",
		p.Split, p.ID, len(p.HTML)/1000, ms(t), ms(r), float64(t)/float64(r))
}

func best(e bench.Extractor, p bench.Page) (time.Duration, error) {
	var b time.Duration
	for i := range 3 {
		start := bench.CPUTime()
		if _, err := e.Run(p.HTML, p.URL); err != nil {
			return 0, err
		}
		if d := bench.CPUTime() - start; i == 0 || d < b {
			b = d
		}
	}
	return b, nil
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }
