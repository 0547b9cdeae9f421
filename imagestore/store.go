// Package imagestore keeps the offline copies of articles' pictures: one
// file per distinct picture under a folder the caller gives (the library
// passes <library>/images), named by the sha256 of its bytes so a picture
// shared by many pages is stored once, written atomically so a crash
// leaves either the whole file or none under its name, and bounded by a
// size cap per picture and per page. It fetches with the fetch package and
// knows pictures only as far as telling which it can show (package
// picture); which page uses which picture is the library's to record.
package imagestore

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tread-reader/tread/picture"
)

// Limits cap what is stored: MaxImage bytes for one picture, MaxPage for
// all of one page's pictures together.
type Limits struct {
	MaxImage int64
	MaxPage  int64
}

// DefaultLimits keep a large photo and a page of them.
var DefaultLimits = Limits{MaxImage: 5 << 20, MaxPage: 20 << 20}

func (l Limits) orDefault() Limits {
	if l.MaxImage <= 0 {
		l.MaxImage = DefaultLimits.MaxImage
	}
	if l.MaxPage <= 0 {
		l.MaxPage = DefaultLimits.MaxPage
	}
	return l
}

// Errors a store's errors may wrap, for errors.Is.
var (
	ErrTooLarge   = errors.New("picture over the size cap")
	ErrPageBudget = errors.New("page's pictures over the size cap")
	ErrNotStored  = errors.New("no such picture stored")
	ErrCorrupt    = errors.New("stored picture damaged")
)

// Files being written live in tempDir inside the store, named with
// tempPrefix, and are renamed into the store when whole. Apart, they are
// found on Open without reading a folder of thousands of pictures.
const (
	tempDir    = ".tmp"
	tempPrefix = "tmp-"
)

// staleTemp is how old a temp file must be before Open takes it for the
// leftover of a killed save rather than a save in progress elsewhere.
const staleTemp = time.Hour

// exts maps the formats picture decodes to the extensions files get, so a
// system viewer opened on one knows its type.
var exts = map[string]string{"png": "png", "jpeg": "jpg", "gif": "gif", "webp": "webp"}

// Ref names a stored picture.
type Ref struct {
	Hash string // hex sha256 of the bytes
	Ext  string // "png", "jpg", "gif" or "webp"
	Size int64
}

// Name is the picture's file name in the store: hash.ext.
func (r Ref) Name() string { return r.Hash + "." + r.Ext }

// Store is a folder of pictures.
type Store struct {
	dir string
	lim Limits

	testHookWrite func(io.Writer) io.Writer // the crash test slows writes
}

// Open opens the store in dir with lim (DefaultLimits for zero fields).
// The folder is made on the first Put, not here, so reading offline writes
// nothing; leftovers of a killed save older than an hour are removed.
func Open(dir string, lim Limits) (*Store, error) {
	if dir == "" {
		return nil, errors.New("image store: no folder")
	}
	s := &Store{dir: dir, lim: lim.orDefault()}
	if err := s.removeStaleTemps(); err != nil {
		return nil, fmt.Errorf("image store %s: %w", dir, err)
	}
	return s, nil
}

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// Limits are the store's caps.
func (s *Store) Limits() Limits { return s.lim }

func (s *Store) removeStaleTemps() error {
	tmp := filepath.Join(s.dir, tempDir)
	des, err := os.ReadDir(tmp)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	var errs []error
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), tempPrefix) {
			continue
		}
		if fi, err := de.Info(); err != nil || time.Since(fi.ModTime()) < staleTemp {
			continue
		}
		if err := os.Remove(filepath.Join(tmp, de.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("remove leftover: %w", err))
		}
	}
	return errors.Join(errs...)
}

// Put stores data, a picture tread can show, and returns its Ref. A
// picture already stored is not written again.
func (s *Store) Put(data []byte) (Ref, error) {
	if int64(len(data)) > s.lim.MaxImage {
		return Ref{}, fmt.Errorf("store picture: %w (%d bytes, the cap is %d)", ErrTooLarge, len(data), s.lim.MaxImage)
	}
	format, _, _, err := picture.Format(data)
	if err != nil {
		return Ref{}, fmt.Errorf("store picture: %w", err)
	}
	sum := sha256.Sum256(data)
	ref := Ref{Hash: hex.EncodeToString(sum[:]), Ext: exts[format], Size: int64(len(data))}
	if ref.Ext == "" {
		return Ref{}, fmt.Errorf("store picture: %w (%s)", picture.ErrFormat, format)
	}
	if fi, err := os.Lstat(s.path(ref)); err == nil && fi.Mode().IsRegular() && fi.Size() == ref.Size {
		return ref, nil
	}
	if err := os.MkdirAll(filepath.Join(s.dir, tempDir), 0o755); err != nil {
		return Ref{}, fmt.Errorf("store picture: %w", err)
	}
	if err := s.writeAtomic(ref.Name(), data); err != nil {
		return Ref{}, fmt.Errorf("store picture %s: %w", ref.Name(), err)
	}
	return ref, nil
}

func (s *Store) path(r Ref) string { return filepath.Join(s.dir, r.Name()) }

// Lookup finds the stored picture whose sha256 is hash (in hex).
func (s *Store) Lookup(hash string) (Ref, bool) {
	if !validHash(hash) {
		return Ref{}, false
	}
	for _, ext := range exts {
		r := Ref{Hash: hash, Ext: ext}
		if fi, err := os.Lstat(s.path(r)); err == nil && fi.Mode().IsRegular() {
			r.Size = fi.Size()
			return r, true
		}
	}
	return Ref{}, false
}

// Path is where the picture r is stored, for a system viewer; empty when
// r does not name a picture (a Ref read from a damaged file, say).
func (s *Store) Path(r Ref) string {
	if !validRef(r) {
		return ""
	}
	return s.path(r)
}

// Read returns the bytes of the picture r, checked against its hash.
func (s *Store) Read(r Ref) ([]byte, error) {
	if !validRef(r) {
		return nil, fmt.Errorf("read picture %q: %w", r.Name(), ErrNotStored)
	}
	// Refuse a FIFO or device before opening it: opening one can block.
	fi, err := os.Lstat(s.path(r))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read picture %s: %w", r.Name(), ErrNotStored)
	} else if err != nil {
		return nil, fmt.Errorf("read picture: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read picture %s: not a regular file", r.Name())
	}
	f, err := os.Open(s.path(r))
	if err != nil {
		return nil, fmt.Errorf("read picture: %w", err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("read picture: %w", err)
	} else if !fi.Mode().IsRegular() { // swapped since the Lstat
		return nil, fmt.Errorf("read picture %s: not a regular file", r.Name())
	}
	if fi.Size() > s.lim.MaxImage {
		return nil, fmt.Errorf("read picture %s: %w (%d bytes)", r.Name(), ErrTooLarge, fi.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, s.lim.MaxImage+1))
	if err != nil {
		return nil, fmt.Errorf("read picture %s: %w", r.Name(), err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != r.Hash {
		return nil, fmt.Errorf("read picture %s: %w", r.Name(), ErrCorrupt)
	}
	return data, nil
}

func validHash(h string) bool {
	if len(h) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil && strings.ToLower(h) == h
}

func validRef(r Ref) bool {
	if !validHash(r.Hash) {
		return false
	}
	for _, e := range exts {
		if r.Ext == e {
			return true
		}
	}
	return false
}

// writeAtomic writes dir/name so that it is never seen half-written: a
// temp file on the same file system, flushed to disk, renamed to name, and
// the folder flushed so the rename survives a power cut.
func (s *Store) writeAtomic(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Join(s.dir, tempDir), tempPrefix+name+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	done := false
	defer func() {
		if done {
			return
		}
		if cerr := f.Close(); cerr != nil && !errors.Is(cerr, os.ErrClosed) {
			err = errors.Join(err, cerr)
		}
		if rerr := os.Remove(tmp); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	var w io.Writer = f
	if s.testHookWrite != nil {
		w = s.testHookWrite(w)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(s.dir, name)); err != nil {
		return err
	}
	done = true
	return syncDir(s.dir)
}

// syncDir flushes a folder's entries, making a rename in it durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return errors.Join(fmt.Errorf("sync %s: %w", dir, err), d.Close())
	}
	return d.Close()
}
