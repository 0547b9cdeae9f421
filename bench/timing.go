package bench

import (
	"runtime"
	"testing"
)

// Per-page metrics reported by Pass.
const (
	NsPerPage     = "ns/page"
	CPUNsPerPage  = "cpu-ns/page"
	BytesPerPage  = "B/page"
	AllocsPerPage = "allocs/page"
)

// Pass returns a benchmark whose one operation extracts every page once, in
// order, and which reports time, bytes allocated and allocations per page.
// Taking whole passes keeps every page weighted equally whatever b.N is. A
// page that fails still counts: its cost up to the failure was paid. The
// machine may be shared, so CPU time is reported beside wall time.
func Pass(e Extractor, pages []Page) func(b *testing.B) {
	return func(b *testing.B) {
		if len(pages) == 0 {
			b.Skip("no pages")
		}
		b.ReportAllocs()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		cpu0 := CPUTime()
		b.ResetTimer()
		for range b.N {
			for _, p := range pages {
				// A page an extractor fails on costs its time all the same.
				if res, err := e.Run(p.HTML, p.URL); err == nil {
					runtime.KeepAlive(res.Text)
				}
			}
		}
		b.StopTimer()
		cpu := CPUTime() - cpu0
		runtime.ReadMemStats(&after)
		n := float64(b.N) * float64(len(pages))
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, NsPerPage)
		b.ReportMetric(float64(cpu.Nanoseconds())/n, CPUNsPerPage)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, BytesPerPage)
		b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, AllocsPerPage)
	}
}
