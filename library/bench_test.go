package library

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// benchLibrary is a library of n saved pages of 50 KB each.
func benchLibrary(b *testing.B, n int) *Library {
	b.Helper()
	l, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("<p>words words words</p>\n", 2000)
	for i := range n {
		p := testPage(fmt.Sprintf("https://example.org/news/%d", i), time.Now().Add(-time.Duration(i)*time.Minute), body)
		if _, err := l.Save(p); err != nil {
			b.Fatal(err)
		}
	}
	return l
}

// BenchmarkOpen is the start-up cost of a library of 500 pages: every
// header is read.
func BenchmarkOpen(b *testing.B) {
	l := benchLibrary(b, 500)
	for b.Loop() {
		if _, err := Open(l.Dir()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList lists a library of 500 pages.
func BenchmarkList(b *testing.B) {
	l := benchLibrary(b, 500)
	for b.Loop() {
		if entries, warnings := l.List(); len(entries) != 500 || len(warnings) != 0 {
			b.Fatalf("%d entries, %v", len(entries), warnings)
		}
	}
}

// BenchmarkLookup is one check of whether a related item is saved, as the
// list does for each related item shown.
func BenchmarkLookup(b *testing.B) {
	l := benchLibrary(b, 500)
	i := 0
	for b.Loop() {
		if _, ok := l.Lookup(fmt.Sprintf("http://example.org/news/%d", i%1000)); ok != (i%1000 < 500) {
			b.Fatalf("Lookup %d = %v", i, ok)
		}
		i++
	}
}

// BenchmarkSave is one atomic save of a 50 KB page, fsyncs included.
func BenchmarkSave(b *testing.B) {
	l := benchLibrary(b, 0)
	p := testPage("https://example.org/bench", time.Now(), strings.Repeat("<p>words words words</p>\n", 2000))
	for b.Loop() {
		if _, err := l.Save(p); err != nil {
			b.Fatal(err)
		}
	}
}
