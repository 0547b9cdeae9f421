// Command compare prints the side-by-side table of tread's extractor, readeck
// go-readability v2, go-trafilatura and the x/net/html parse floor: body
// scores on aeb-dev and wcxb-dev, wcxb-dev metadata, and time and memory per
// page from repeated testing.Benchmark passes over all pages.
//
//	cd bench && go run ./cmd/compare -count 5
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/bench"
	"github.com/tread-reader/tread/corpus"
)

func main() {
	count := flag.Int("count", 5, "timing passes per extractor (interleaved); 0 skips timing")
	names := flag.String("x", "all", "extractors to run, comma-separated: "+allNames())
	limit := flag.Duration("limit", 30*time.Second, "per-page time limit in the scoring pass")
	slow := flag.Float64("slow", 2, "list pages where tread takes this many times readeck's time (0: off)")
	split := flag.String("split", "all", "pages to time: all, aeb-dev or wcxb-dev (scores always use both)")
	commit := flag.String("commit", os.Getenv("TREAD_COMMIT"), "label for the tread commit measured (default $TREAD_COMMIT, else git about ..)")
	flag.Parse()
	if *commit == "" {
		*commit = treadCommit()
	}
	if err := run(os.Stdout, *count, *names, *split, *limit, *slow, *commit); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func allNames() string {
	var n []string
	for _, e := range bench.Extractors() {
		n = append(n, e.Name)
	}
	return strings.Join(n, ",")
}

func run(w io.Writer, count int, names, split string, limit time.Duration, slow float64, commit string) error {
	exts, err := bench.Select(names)
	if err != nil {
		return err
	}
	dir, err := corpus.Dir()
	if err != nil {
		return fmt.Errorf("find corpus: %w", err)
	}
	pages, err := bench.LoadPages(dir)
	if err != nil {
		return err
	}
	header(w, pages, commit)

	// Scoring first also warms every extractor (lazy regexps, caches)
	// before anything is timed.
	var qs []bench.Quality
	timedOut := map[string]bool{}
	for _, e := range exts {
		fmt.Fprintf(os.Stderr, "scoring %s…\n", e.Name)
		q := bench.Score(e, pages, limit)
		qs = append(qs, q)
		for _, f := range q.Failures {
			if errors.Is(f.Err, bench.ErrTimeout) {
				timedOut[f.ID] = true
			}
		}
	}
	// Every extractor is timed on the same pages: none that hung for any.
	timed := slices.DeleteFunc(slices.Clone(pages), func(p bench.Page) bool {
		return timedOut[p.ID] || (split != "all" && p.Split != split)
	})
	if len(timedOut) > 0 {
		// An abandoned page keeps running in its goroutine and takes CPU
		// from whatever is timed next.
		fmt.Fprintf(w, "**Warning:** %d pages timed out; their runs may still be burning CPU, so treat these timings as suspect.\n\n", len(timedOut))
	}
	if len(timed) == 0 && count > 0 {
		return fmt.Errorf("no pages to time in split %q", split)
	}

	times := make([][]testing.BenchmarkResult, len(exts))
	for round := range count {
		for i, e := range exts {
			fmt.Fprintf(os.Stderr, "timing %s, pass %d/%d…\n", e.Name, round+1, count)
			times[i] = append(times[i], testing.Benchmark(bench.Pass(e, timed)))
		}
	}

	table(w, exts, qs, times, len(timed), len(pages))
	fmt.Fprintf(w, "Load average at the end: %s.\n", loadAvg())
	failures(w, qs)
	if slow > 0 {
		return slowPages(w, exts, timed, slow)
	}
	return nil
}

func header(w io.Writer, pages []bench.Page, commit string) {
	fmt.Fprintf(w, "- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- machine: %s/%s, %d cores (GOMAXPROCS %d), %s, %s\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), cpuModel(), runtime.Version())
	if commit != "" {
		fmt.Fprintf(w, "- tread: %s\n", commit)
	}
	n := map[string]int{}
	for _, p := range pages {
		n[p.Split]++
	}
	fmt.Fprintf(w, "- load average at the start: %s\n", loadAvg())
	fmt.Fprintf(w, "- pages: %d aeb-dev + %d wcxb-dev, %.1f MB of HTML\n\n",
		n[bench.AEB], n[bench.WCXB], float64(bench.TotalBytes(pages))/1e6)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "cpu unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "cpu unknown"
}

// loadAvg is the 1, 5 and 15 minute load average: timings made while other
// work shares the machine read high, and this says so.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// treadCommit names the commit of the tread tree the replace directive points
// at (the parent folder) and the last commit that changed extract/, and says
// when extract/ differs from it.
func treadCommit() string {
	head, err := exec.Command("git", "-C", "..", "log", "-1", "--format=%h").Output()
	if err != nil {
		return ""
	}
	ex, err := exec.Command("git", "-C", "..", "log", "-1", "--format=%h %cI \"%s\"", "--", "extract").Output()
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(head)) + "; extract/ as of " + strings.TrimSpace(string(ex))
	st, err := exec.Command("git", "-C", "..", "status", "--porcelain", "--", "extract").Output()
	if err == nil && len(strings.TrimSpace(string(st))) > 0 {
		s += " plus uncommitted changes (measured as found on disk)"
	}
	return s
}
