package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// A synthetic library for benchmarks: n pages of about pageWords words
// drawn from a Zipf distribution over a made-up vocabulary, so that the
// commonest word ("the") is in every page and rareWord in exactly one.
const (
	pageWords = 300
	vocab     = 20000
	rareWord  = "quokkaberry"
)

// genWords is the vocabulary, commonest first.
var genWords = func() []string {
	syl := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fe", "gu", "ho", "ji", "pa", "ze"}
	words := []string{"the", "of", "and", "to", "in"}
	for i := 0; len(words) < vocab; i++ {
		var b strings.Builder
		for n := i + 16; n > 0; n /= 16 {
			b.WriteString(syl[n%16])
		}
		words = append(words, b.String())
	}
	return words
}()

// genURL is the URL of the i-th generated page.
func genURL(i int) string { return fmt.Sprintf("https://site%d.example/news/%d", i%50, i) }

// genHTML is the i-th generated page: a headline and paragraphs.
func genHTML(i, n int, z *rand.Zipf) string {
	var b strings.Builder
	word := func() string { return genWords[z.Uint64()] }
	title := make([]string, 8)
	for j := range title {
		title[j] = word()
	}
	fmt.Fprintf(&b, "<html><head><title>%s</title></head><body><article><h1>%s</h1>\n<p>the", strings.Join(title, " "), strings.Join(title, " "))
	for j := range pageWords {
		if j%60 == 59 {
			b.WriteString(".</p>\n<p>the")
		}
		b.WriteString(" " + word())
	}
	if i == n/2 {
		b.WriteString(" " + rareWord)
	}
	b.WriteString(".</p>\n</article></body></html>\n")
	return b.String()
}

// genExtractor reads the generator's own markup, cheaply: a benchmark of
// the index must not measure the HTML extractor (BenchmarkIndexing does).
var genExtractor = Extractor{Version: "gen-1", Extract: func(p fetch.Page) ([]story.Story, error) {
	s := string(p.Body)
	h1s, h1e := strings.Index(s, "<h1>"), strings.Index(s, "</h1>")
	st := story.Story{Title: s[h1s+4 : h1e], Site: hostOf(p.URL), URL: p.URL}
	for _, para := range strings.Split(s[h1e:], "<p>")[1:] {
		text, _, _ := strings.Cut(para, "</p>")
		st.Body = append(st.Body, story.Block{Kind: story.Paragraph, Text: text})
	}
	return []story.Story{st}, nil
}}

// genLibrary writes n generated pages into dir, without the fsyncs a real
// save makes (a benchmark's folder need not survive a power cut), and
// builds the index with Reconcile as tread does.
func genLibrary(tb testing.TB, dir string, n int, ext Extractor) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(r, 1.1, 1, vocab-1)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		body := []byte(genHTML(i, n, z))
		sum := sha256.Sum256(body)
		u := genURL(i)
		h := header{URL: u, Status: 200, ContentType: "text/html", Charset: "utf-8",
			Fetched: base.Add(time.Duration(i) * time.Minute), Size: int64(len(body)), SHA256: hex.EncodeToString(sum[:])}
		line, err := json.Marshal(h)
		if err != nil {
			tb.Fatal(err)
		}
		data := append(append([]byte(magic), append(line, '\n')...), body...)
		if err := os.WriteFile(filepath.Join(dir, fileName(key(u))), data, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	l, err := OpenWith(dir, Options{Extractor: ext, Warn: func(err error) { tb.Error(err) }})
	if err != nil {
		tb.Fatal(err)
	}
	if err := l.Reconcile(context.Background(), nil); err != nil {
		tb.Fatal(err)
	}
	if err := l.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestGenerateLibrary writes a generated library for measuring tread
// itself (tread --json, --search, the reader): TREAD_GEN_LIBRARY=DIR:N.
func TestGenerateLibrary(t *testing.T) {
	spec := os.Getenv("TREAD_GEN_LIBRARY")
	if spec == "" {
		t.Skip("set TREAD_GEN_LIBRARY=DIR:N to write a generated library")
	}
	dir, count, _ := strings.Cut(spec, ":")
	n, err := strconv.Atoi(count)
	if err != nil {
		t.Fatalf("TREAD_GEN_LIBRARY=%s: %v", spec, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// Marked as extracted by tread's own extractor, so that tread takes
	// the index as current rather than reading every page again.
	ext := genExtractor
	ext.Version = extract.Version
	genLibrary(t, dir, n, ext)
}
