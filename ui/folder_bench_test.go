package ui

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// benchPage is page i of a generated folder: a small news page of six
// paragraphs with three related stories, each a paragraph long, as a page
// dump gives them.
func benchPage(i int) story.Document {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	st := story.Story{
		Title: fmt.Sprintf("Harbour notice %06d: the ferry timetable changes again", i), Site: "Coast Herald",
		Byline: "By Ada Marsh", Published: base.Add(time.Duration(i) * time.Minute), Body: body(fmt.Sprintf("page%d", i), 6),
	}
	for r := range 3 {
		st.Related = append(st.Related, story.Story{
			Title: fmt.Sprintf("Related %d of notice %06d", r, i), Site: "Quay Weekly", Age: "2 hours ago", Body: body("related", 1),
		})
	}
	return story.Document{Source: benchPath(i), Stories: []story.Story{st}}
}

func benchPath(i int) string { return fmt.Sprintf("/bench/p%06d.txt", i) }

// benchFolder is a folder of n generated pages, and a Loader that reads
// one of them again by its path, as Options.Load reads a file.
func benchFolder(n int) (Expander, Loader) {
	f := Folder{Total: n, Read: func(_ context.Context, from, k int) []story.Document {
		docs := make([]story.Document, 0, k)
		for i := from; i < from+k; i++ {
			docs = append(docs, benchPage(i))
		}
		return docs
	}}
	load := func(_ context.Context, src string) []story.Document {
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(src, "/bench/p"), ".txt"))
		if err != nil {
			return []story.Document{{Source: src, Err: fmt.Errorf("open %s: no such file", src)}}
		}
		return []story.Document{benchPage(i)}
	}
	return func(context.Context, string) (Folder, bool) { return f, true }, load
}

// BenchmarkFolderList measures listing a folder of n generated pages,
// from start to its last page listed and the first story shown: the time
// it takes, and the heap the reader keeps once it is listed (held-MB,
// after a collection). A folder's stories are kept as list rows, so what
// is held grows with the rows, not with the bodies. 100,000 pages run with
// TREAD_BENCH_100K=1.
func BenchmarkFolderList(b *testing.B) {
	sizes := []int{1000, 10000}
	if os.Getenv("TREAD_BENCH_100K") != "" {
		sizes = append(sizes, 100000)
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			expand, load := benchFolder(n)
			opts := Options{Sources: []string{"/bench"}, Expand: expand, Load: load, Renderer: render.NewRenderer(0), Style: render.Dark, Sort: SortNewest, Fold: true}
			var held uint64
			defer cpuPerOp(b)()
			for range b.N {
				before := heapNow()
				d := newDriver(b, opts, 120, 40)
				if len(d.m.list.all) != 4*n || d.m.pending() != 0 {
					b.Fatalf("%d entries listed, %d sources pending; want %d, 0", len(d.m.list.all), d.m.pending(), 4*n)
				}
				b.StopTimer()
				held += heapNow() - before
				runtime.KeepAlive(d)
				b.StartTimer()
			}
			b.ReportMetric(float64(held)/float64(b.N)/1e6, "held-MB")
		})
	}
}

// heapNow is the live heap after a collection.
func heapNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
