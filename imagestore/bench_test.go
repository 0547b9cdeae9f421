package imagestore

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// fill puts n files named like stored pictures in dir, directly: the
// benchmarks measure look-ups in a full store, not filling it.
func fill(b *testing.B, dir string, n int) {
	b.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		sum := sha256.Sum256(binary.BigEndian.AppendUint64(nil, uint64(i)))
		if err := os.WriteFile(filepath.Join(dir, hex.EncodeToString(sum[:])+".jpg"), []byte("x"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreSize shows that finding and reading a picture, and
// putting one already stored, cost the same in a store of 100 pictures
// as in one of 20,000: every step names one file.
func BenchmarkStoreSize(b *testing.B) {
	for _, n := range []int{100, 20_000} {
		dir := filepath.Join(b.TempDir(), "images")
		fill(b, dir, n)
		s, err := Open(dir, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		data := pic(b, 64, 48, 1)
		ref, err := s.Put(data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("open/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Open(dir, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("lookup-read/%d", n), func(b *testing.B) {
			for b.Loop() {
				r, ok := s.Lookup(ref.Hash)
				if !ok {
					b.Fatal("not found")
				}
				if _, err := s.Read(r); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("put-again/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Put(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
