package ui

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// benchEdition is a front page of 40 long stories, each with two related
// items: big enough that per-move work which grows with the list shows.
func benchEdition() story.Document {
	var doc story.Document
	for i := range 40 {
		s := story.Story{
			Title: fmt.Sprintf("Story %d: the council's long debate about the harbour continues", i),
			Site:  "Bench Herald", Age: "2 hours ago", Body: body(fmt.Sprintf("story%d", i), 40),
		}
		for r := range 2 {
			s.Related = append(s.Related, story.Story{
				Title: fmt.Sprintf("Related %d.%d", i, r), Site: "Other", Body: body("related", 10),
			})
		}
		doc.Stories = append(doc.Stories, s)
	}
	return doc
}

// cpuPerOp reports the process's CPU time per op as "cpu-ns/op" alongside
// ns/op. On a shared, busy machine wall time mostly measures the queue for
// a CPU; CPU time is what the work costs. Call the returned func at the end.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime(b)
	return func() {
		b.ReportMetric(float64((cpuTime(b)-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// cpuClock is cpuPerOp for benchmarks that stop the timer inside the loop:
// only the CPU time between start and stop counts.
type cpuClock struct {
	b            *testing.B
	total, start time.Duration
}

func (c *cpuClock) startOp() { c.start = cpuTime(c.b) }
func (c *cpuClock) stopOp()  { c.total += cpuTime(c.b) - c.start }
func (c *cpuClock) report() {
	c.b.ReportMetric(float64(c.total.Nanoseconds())/float64(c.b.N), "cpu-ns/op")
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNextStoryWarm measures pressing n when the next story is
// already rendered, and drawing the frame that follows: the cost of a
// keypress the user feels. The cache is warmed first, so no glamour work
// is measured. The commands a move returns (rendering the new neighbour
// ahead) run off the clock, as they run off the event loop in tread.
func BenchmarkNextStoryWarm(b *testing.B) {
	d := newDriver(b, Options{Docs: []story.Document{benchEdition()}, Renderer: render.NewRenderer(0), Style: render.Dark}, 160, 48)
	n := len(d.m.list.visible)
	for range n { // warm: visit every story once, running the renders
		d.press("n")
	}
	d.press("g")
	next := keyMsg("n")
	clock := &cpuClock{b: b}
	b.ReportAllocs()
	b.ResetTimer()
	defer clock.report()
	for i := range b.N {
		if i%(n-1) == n-2 {
			b.StopTimer()
			d.press("g")
			b.StartTimer()
		}
		clock.startOp()
		nm, cmd := d.m.Update(next)
		d.m = nm.(Model)
		_ = d.m.View()
		clock.stopOp()
		if !d.m.reader.ready {
			b.Fatal("a warm move left the reader waiting for a render")
		}
		b.StopTimer()
		d.run(cmd)
		b.StartTimer()
	}
}

// BenchmarkView measures drawing one frame with nothing changed.
func BenchmarkView(b *testing.B) {
	d := newDriver(b, Options{Docs: []story.Document{benchEdition()}, Renderer: render.NewRenderer(0), Style: render.Dark}, 160, 48)
	b.ReportAllocs()
	b.ResetTimer()
	defer cpuPerOp(b)()
	for range b.N {
		_ = d.m.View()
	}
}

// BenchmarkResize measures a resize between two widths whose renders are
// both cached.
func BenchmarkResize(b *testing.B) {
	d := newDriver(b, Options{Docs: []story.Document{benchEdition()}, Renderer: render.NewRenderer(0), Style: render.Dark}, 160, 48)
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	sizes := []tea.WindowSizeMsg{{Width: 160, Height: 48}, {Width: 120, Height: 40}}
	b.ReportAllocs()
	b.ResetTimer()
	defer cpuPerOp(b)()
	for i := range b.N {
		nm, _ := d.m.Update(sizes[i%2])
		d.m = nm.(Model)
		_ = d.m.View()
	}
}

// BenchmarkListStep measures j in a list of n stories with five related
// items each (links only), folded and not: folded, every sixth step
// crosses into the next story and refolds the list, a pass over its
// entries.
func BenchmarkListStep(b *testing.B) {
	for _, fold := range []bool{true, false} {
		for _, n := range []int{100, 1000, 10000} {
			b.Run(fmt.Sprintf("fold=%v/%d", fold, n), func(b *testing.B) {
				benchListStep(b, n, fold)
			})
		}
	}
}

func benchListStep(b *testing.B, n int, fold bool) {
	doc := story.Document{}
	for i := range n {
		st := story.Story{Title: fmt.Sprintf("Story %d on the harbour", i), Site: "Herald", Body: body("x", 1)}
		for r := range 5 {
			st.Related = append(st.Related, story.Story{Title: fmt.Sprintf("Related %d of %d", r, i), URL: fmt.Sprintf("https://h.example/%d/%d", i, r)})
		}
		doc.Stories = append(doc.Stories, st)
	}
	d := newDriver(b, Options{Docs: []story.Document{doc}, Fold: fold, Renderer: render.NewRenderer(0), Style: render.Dark}, 160, 48)
	down, top := keyMsg("j"), keyMsg("g")
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		msg := down
		if i%600 == 599 {
			msg = top
		}
		nm, _ := d.m.Update(msg)
		d.m = nm.(Model)
		_ = d.m.View()
	}
}
