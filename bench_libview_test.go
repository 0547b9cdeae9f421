package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/ui"
)

// readerBenchSizes are the libraries the reader's benchmarks open; 100,000
// pages take minutes to write and are opened when TREAD_BENCH_100K is set.
func readerBenchSizes() []int {
	if os.Getenv("TREAD_BENCH_100K") != "" {
		return []int{1000, 10000, 100000}
	}
	return []int{1000, 10000}
}

// BenchmarkReaderFirstScreen opens the reader on a library of n pages with
// no source, as tread does, until its first frame lists the newest story
// and shows it read from the index: the library opened, the index's
// catch-up started, the first page of rows and the first story loaded and
// rendered. It reports the heap in use then (heap-MB), with the library's
// index open.
func BenchmarkReaderFirstScreen(b *testing.B) {
	for _, n := range readerBenchSizes() {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "library")
			writeLibrary(b, dir, n)
			o, cfg := options{library: dir}, config.Default()
			var heap uint64
			for b.Loop() {
				heap = max(heap, openFirstScreen(b, o, cfg))
			}
			b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
		})
	}
}

// openFirstScreen runs one start of the reader to its first full frame and
// returns the heap in use at that moment.
func openFirstScreen(b *testing.B, o options, cfg config.Config) uint64 {
	ctx, cancel := context.WithCancel(context.Background())
	sess := newSession(o, cfg, nil)
	lib, err := sess.startLibrary(ctx)
	if err != nil || lib == nil {
		b.Fatal(lib, err)
	}
	m := ui.New(ui.Options{Library: tuiLibrary{s: sess, lib: lib}, Load: sess.load})
	msgs := make(chan tea.Msg, 4096)
	runCmd(m.Init(), msgs)
	runCmd(func() tea.Msg { return tea.WindowSizeMsg{Width: 100, Height: 30} }, msgs)
	deadline := time.After(30 * time.Second)
	for done := false; !done; {
		select {
		case msg := <-msgs:
			next, cmd := m.Update(msg)
			m = next.(ui.Model)
			runCmd(cmd, msgs)
			v := m.View().Content
			done = strings.Contains(v, "Story 001 of the harbour") && strings.Contains(v, "with a second clause")
		case <-deadline:
			b.Fatalf("no first screen in 30s:\n%s", m.View().Content)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	cancel()
	sess.bg.Wait()
	if err := lib.Close(); err != nil {
		b.Fatal(err)
	}
	return ms.HeapInuse
}

// runCmd runs cmd in a goroutine, as Bubble Tea does, opening batches and
// sequences, and sends what it returns to msgs. Timers still running when
// the benchmark moves on send into a buffer nobody reads.
func runCmd(cmd tea.Cmd, msgs chan<- tea.Msg) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				runCmd(c, msgs)
			}
			return
		}
		if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				runCmd(v.Index(i).Interface().(tea.Cmd), msgs)
			}
			return
		}
		if msg != nil {
			select {
			case msgs <- msg:
			default:
			}
		}
	}()
}
