package imagestore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tread-reader/tread/picture"
)

// pic is a w×h PNG whose pixels depend on seed, so pictures of different
// seeds differ in their bytes.
func pic(t testing.TB, w, h int, seed uint8) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = uint8(i*7) ^ seed
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func open(t *testing.T, dir string, lim Limits) *Store {
	t.Helper()
	s, err := Open(dir, lim)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOpenWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "images")
	s := open(t, dir, Limits{})
	if _, ok := s.Lookup(hashOf([]byte("x"))); ok {
		t.Error("found a picture in an empty store")
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open and Lookup made the folder: %v", err)
	}
}

func TestPut(t *testing.T) {
	gif := func() []byte {
		var b bytes.Buffer
		b.WriteString("GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
		return b.Bytes()
	}()
	for _, tt := range []struct {
		name string
		data []byte
		lim  Limits
		ext  string
		err  error
	}{
		{"png", pic(t, 4, 3, 1), Limits{}, "png", nil},
		{"gif", gif, Limits{}, "gif", nil},
		{"over the per-picture cap", pic(t, 40, 30, 1), Limits{MaxImage: 1000}, "", ErrTooLarge},
		{"not a picture", []byte("<html>404</html>"), Limits{}, "", picture.ErrFormat},
		{"svg is not one tread shows", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), Limits{}, "", picture.ErrFormat},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t, filepath.Join(t.TempDir(), "images"), tt.lim)
			ref, err := s.Put(tt.data)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				if des, _ := os.ReadDir(s.Dir()); len(des) > 0 {
					t.Errorf("a refused picture left %d files", len(des))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ref.Hash != hashOf(tt.data) || ref.Ext != tt.ext || ref.Size != int64(len(tt.data)) {
				t.Errorf("ref %+v, want hash %s, ext %s", ref, hashOf(tt.data), tt.ext)
			}
			got, err := s.Read(ref)
			if err != nil || !bytes.Equal(got, tt.data) {
				t.Errorf("read back %d bytes, %v", len(got), err)
			}
			if found, ok := s.Lookup(ref.Hash); !ok || found != ref {
				t.Errorf("Lookup = %+v, %v; want %+v", found, ok, ref)
			}
		})
	}
}

// TestPutShared: the same picture put twice is one file, written once.
func TestPutShared(t *testing.T) {
	s := open(t, t.TempDir(), Limits{})
	data := pic(t, 8, 8, 3)
	a, err := s.Put(data)
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(s.Path(a))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Put(data)
	if err != nil || a != b {
		t.Fatalf("second put: %+v, %v; want %+v", b, err, a)
	}
	after, err := os.Stat(s.Path(a))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the shared picture was written again")
	}
	if names, _ := readDir(s); len(names) != 1 {
		t.Errorf("%d files for one picture: %v", len(names), names)
	}
}

func TestRead(t *testing.T) {
	s := open(t, t.TempDir(), Limits{})
	ref, err := s.Put(pic(t, 4, 4, 9))
	if err != nil {
		t.Fatal(err)
	}
	damaged := pic(t, 4, 4, 10)
	if err := os.WriteFile(filepath.Join(s.Dir(), hashOf([]byte("other"))+".png"), damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := Ref{Hash: hashOf([]byte("fifo")), Ext: "png"}
	if err := mkfifo(s.Path(fifo)); err != nil {
		t.Logf("no fifo: %v", err)
		fifo = Ref{}
	}
	for _, tt := range []struct {
		name string
		ref  Ref
		err  string
	}{
		{"stored", ref, ""},
		{"missing", Ref{Hash: hashOf([]byte("none")), Ext: "png"}, "no such picture"},
		{"damaged", Ref{Hash: hashOf([]byte("other")), Ext: "png"}, "damaged"},
		{"a path in the hash", Ref{Hash: "../../etc/passwd", Ext: "png"}, "no such picture"},
		{"an unknown extension", Ref{Hash: ref.Hash, Ext: "exe"}, "no such picture"},
		{"not a regular file", fifo, "not a regular file"},
	} {
		if tt.ref == (Ref{}) {
			continue
		}
		_, err := s.Read(tt.ref)
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.err)
		}
	}
	if s.Path(Ref{Hash: "../x", Ext: "png"}) != "" {
		t.Error("Path of a bad ref is not empty")
	}
}

// readDir lists the pictures in the store's folder by name, leaving out
// the folder of files being written; a missing folder is empty.
func readDir(s *Store) ([]string, error) {
	des, err := os.ReadDir(s.Dir())
	var names []string
	for _, de := range des {
		if de.Name() != tempDir {
			names = append(names, de.Name())
		}
	}
	return names, err
}
