package library

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/regfile"
)

// An entry file is
//
//	tread-page 1\n
//	{"url":…,"fetched":…,"size":N,"sha256":…}\n
//	N bytes of body, as received
//
// One file per page means one rename publishes header and body together.
const magic = "tread-page 1\n"

// maxHeader bounds the JSON line, so a damaged file cannot make a reader
// swallow a whole body looking for a newline.
const maxHeader = 64 << 10

type header struct {
	URL         string      `json:"url"`
	Requested   string      `json:"requested,omitempty"`
	Status      int         `json:"status"`
	ContentType string      `json:"content_type"`
	Charset     string      `json:"charset,omitempty"`
	Header      http.Header `json:"header,omitempty"`
	Fetched     time.Time   `json:"fetched"`
	Size        int64       `json:"size"`
	SHA256      string      `json:"sha256"`
}

// key normalises a URL for matching: the scheme, the host's case, a default
// port and the fragment do not change which page it is. What does not parse
// is compared as written.
func key(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	k := "//" + host + path
	if u.RawQuery != "" {
		k += "?" + u.RawQuery
	}
	return k
}

// maxSlug bounds the readable part of a file name; with the hash and the
// extension a name stays well under every file system's limit.
const maxSlug = 60

// fileName is a safe name for the page at URL key k: a readable slug of
// host and path, then a hash of the whole key that makes it unique.
func fileName(k string) string {
	sum := sha256.Sum256([]byte(k))
	return slug(k, "page") + "-" + hex.EncodeToString(sum[:8]) + fileExt
}

// slug keeps the ASCII letters and digits of s, lower case, runs of
// anything else turned into one dash, at most maxSlug bytes: safe in a file
// name on any system. It is fallback when nothing is left.
func slug(s, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if b.Len() >= maxSlug {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	if out := strings.Trim(b.String(), "-"); out != "" {
		return out
	}
	return fallback
}

// testHookBody, when set by a test, wraps the writer the body goes to, to
// slow a save down enough to kill it halfway.
var testHookBody func(io.Writer) io.Writer

// writePage writes page to dir/name atomically.
func writePage(dir, name string, page fetch.Page) (Entry, error) {
	sum := sha256.Sum256(page.Body)
	h := header{
		URL: page.URL, Status: page.Status, ContentType: page.ContentType, Charset: page.Charset,
		Header: page.Header, Fetched: page.Fetched.UTC(), Size: int64(len(page.Body)),
		SHA256: hex.EncodeToString(sum[:]),
	}
	if page.Requested != page.URL {
		h.Requested = page.Requested
	}
	line, err := json.Marshal(h)
	if err != nil {
		return Entry{}, fmt.Errorf("encode header: %w", err)
	}
	if len(line) >= maxHeader {
		return Entry{}, fmt.Errorf("header of %d bytes is too large", len(line))
	}
	path, err := writeAtomic(dir, name, func(w io.Writer) error {
		if _, err := io.WriteString(w, magic); err != nil {
			return err
		}
		if _, err := w.Write(append(line, '\n')); err != nil {
			return err
		}
		if testHookBody != nil {
			w = testHookBody(w)
		}
		_, err := w.Write(page.Body)
		return err
	})
	if err != nil {
		return Entry{}, err
	}
	return h.entry(path), nil
}

// writeAtomic writes dir/name so that it is never seen half-written: a
// temp file in the same folder, flushed to disk, renamed over the old
// file, and the folder flushed so the rename itself survives a power cut.
func writeAtomic(dir, name string, write func(io.Writer) error) (_ string, err error) {
	final := filepath.Join(dir, name)
	f, err := os.CreateTemp(dir, tempPrefix+name+"-*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	renamed := false
	defer func() {
		if renamed {
			return
		}
		// The file may be closed already; only the removal matters, and a
		// leftover temp is skipped by List and cleaned by Open anyway.
		if cerr := f.Close(); cerr != nil && !errors.Is(cerr, os.ErrClosed) {
			err = errors.Join(err, cerr)
		}
		if rerr := os.Remove(tmp); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	w := bufio.NewWriterSize(f, 256<<10)
	if err := write(w); err != nil {
		return "", err
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		return "", err
	}
	renamed = true
	if err := syncDir(dir); err != nil {
		return "", err
	}
	return final, nil
}

// syncDir flushes a folder's entries, making a rename in it durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		if cerr := d.Close(); cerr != nil {
			err = errors.Join(err, cerr)
		}
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return d.Close()
}

func (h header) entry(path string) Entry {
	return Entry{
		URL: h.URL, Requested: h.Requested, Fetched: h.Fetched, Status: h.Status,
		ContentType: h.ContentType, Charset: h.Charset, Size: h.Size, Path: path,
	}
}

// openEntry opens path and reads its header, checking the file is as long
// as the header says. The returned reader is positioned at the body.
func openEntry(path string) (*os.File, *bufio.Reader, header, error) {
	corrupt := func(err error) (*os.File, *bufio.Reader, header, error) {
		return nil, nil, header{}, fmt.Errorf("%s: %w", path, err)
	}
	// A pipe or device named *.page would block the open, and with it
	// every run that lists the library: refused before it is opened.
	f, fi, err := regfile.Open(path)
	if errors.Is(err, regfile.ErrNotRegular) {
		return corrupt(err)
	}
	if err != nil {
		return nil, nil, header{}, err
	}
	r := bufio.NewReaderSize(f, 4096)
	h, err := readHeader(r, fi.Size())
	if err != nil {
		f.Close()
		return corrupt(err)
	}
	return f, r, h, nil
}

// readHeader reads an entry's first line and header from r, and checks the
// entry is size bytes long as the header says. r is left at the body.
func readHeader(r *bufio.Reader, size int64) (header, error) {
	corrupt := func(format string, args ...any) (header, error) {
		return header{}, fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrCorrupt)
	}
	first := make([]byte, len(magic))
	if _, err := io.ReadFull(r, first); err != nil || string(first) != magic {
		return corrupt("not a tread page")
	}
	line, err := readLine(r, maxHeader)
	if err != nil {
		return corrupt("header: %v", err)
	}
	var h header
	if err := json.Unmarshal(line, &h); err != nil {
		return corrupt("header: %v", err)
	}
	if h.URL == "" || h.Size < 0 || len(h.SHA256) != 2*sha256.Size {
		return corrupt("header incomplete")
	}
	if want := int64(len(magic)+len(line)+1) + h.Size; size != want {
		return corrupt("%d bytes, want %d", size, want)
	}
	return h, nil
}

// IsEntry reports whether data opens as a library entry file does.
func IsEntry(data []byte) bool {
	return bytes.HasPrefix(data, []byte(magic))
}

// ParseEntry reads the bytes of one entry file (a .page file found outside
// a library, say) into the page it saved, checked like Read checks it.
func ParseEntry(data []byte) (fetch.Page, error) {
	r := bufio.NewReader(bytes.NewReader(data))
	h, err := readHeader(r, int64(len(data)))
	if err != nil {
		return fetch.Page{}, fmt.Errorf("read saved page: %w", err)
	}
	return h.page(data[int64(len(data))-h.Size:])
}

// readLine reads up to a newline, giving up after max bytes.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > max {
			return nil, fmt.Errorf("longer than %d bytes", max)
		}
		switch {
		case err == nil:
			return line[:len(line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return nil, errors.New("cut short")
		default:
			return nil, err
		}
	}
}

func readEntry(path string) (Entry, error) {
	f, _, h, err := openEntry(path)
	if err != nil {
		return Entry{}, err
	}
	if err := f.Close(); err != nil {
		return Entry{}, err
	}
	return h.entry(path), nil
}

func readPage(path string) (fetch.Page, error) {
	page, _, err := readPageHeader(path)
	if err != nil {
		return fetch.Page{}, fmt.Errorf("read saved page: %w", err)
	}
	return page, nil
}

// readPageHeader reads the page saved in path and the header it was saved
// with. Its errors start with the path.
func readPageHeader(path string) (fetch.Page, header, error) {
	f, r, h, err := openEntry(path)
	if err != nil {
		return fetch.Page{}, header{}, err
	}
	defer f.Close()
	body := make([]byte, h.Size)
	if _, err := io.ReadFull(r, body); err != nil {
		return fetch.Page{}, header{}, fmt.Errorf("%s: %w", path, err)
	}
	page, err := h.page(body)
	if err != nil {
		return fetch.Page{}, header{}, fmt.Errorf("%s: %w", path, err)
	}
	return page, h, nil
}

// page is the saved page: the header's facts and body, which must match
// the header's checksum.
func (h header) page(body []byte) (fetch.Page, error) {
	if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != h.SHA256 {
		return fetch.Page{}, fmt.Errorf("checksum mismatch: %w", ErrCorrupt)
	}
	requested := h.Requested
	if requested == "" {
		requested = h.URL
	}
	return fetch.Page{
		URL: h.URL, Requested: requested, Status: h.Status, ContentType: h.ContentType,
		Charset: h.Charset, Header: h.Header, Body: body, Fetched: h.Fetched,
	}, nil
}
