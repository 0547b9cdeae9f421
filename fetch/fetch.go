// Package fetch gets one web page over HTTP(S) for tread: bounded in time,
// size and redirects, http and https only, with one-line errors a reader
// can act on. It knows nothing of HTML beyond telling it from other types;
// extraction and storage live elsewhere (extract, library).
package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/syndication"
)

// Defaults for the zero Options.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxSize        = intake.MaxSize
	DefaultMaxRedirects   = 10
)

// Options tunes Fetch. The zero value uses the defaults.
type Options struct {
	// UserAgent is sent as User-Agent; empty means UserAgent().
	UserAgent string
	// Timeout bounds the whole fetch, redirects and body included.
	Timeout time.Duration
	// ConnectTimeout bounds each dial and TLS handshake.
	ConnectTimeout time.Duration
	// MaxSize caps the body in bytes, after decompression.
	MaxSize int64
	// MaxRedirects caps the redirects followed; below zero follows none.
	MaxRedirects int
	// RootCAs, when set, replaces the system's trusted roots (tests trust
	// their own TLS server this way).
	RootCAs *x509.CertPool
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent()
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	} else if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	}
	return o
}

// UserAgent is "tread/<version>", the version from the build (a tagged
// module version, or "dev" for a local build).
func UserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "tread/" + v
}

// Page is a fetched page, its body as received (decompressed, not
// re-encoded).
type Page struct {
	URL         string      // the final URL, after redirects
	Requested   string      // the URL as asked for
	Status      int         // 200, or another 2xx
	ContentType string      // the media type, lower case: "text/html"
	Charset     string      // from Content-Type, lower case; empty when not given
	Header      http.Header // Content-Type, Last-Modified, ETag and Date, when sent
	Body        []byte
	Fetched     time.Time
}

// keptHeaders are the response headers a Page keeps: what a saved copy
// needs to be read again (type and charset) and to be checked for
// freshness later (validators and dates).
var keptHeaders = []string{"Content-Type", "Last-Modified", "Etag", "Date"}

// Fetch gets rawURL. It follows redirects, decompresses gzip, and refuses
// what tread cannot read; every error is an *Error. Cancelling ctx stops it
// at once.
func Fetch(ctx context.Context, rawURL string, opts Options) (*Page, error) {
	return get(ctx, rawURL, opts, pageWant)
}

// get fetches rawURL for Fetch or FetchImage; w says which media types
// the caller can use.
func get(ctx context.Context, rawURL string, opts Options, w want) (*Page, error) {
	opts = opts.withDefaults()
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeoutCause(ctx, opts.Timeout, errOverall)
	defer cancel()

	tr := transport(opts)
	defer tr.CloseIdleConnections()
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, &Error{URL: rawURL, Kind: ErrNetwork, Detail: err.Error(), Err: err}
	}
	// A fresh cookie jar per fetch: some sites bounce through a redirect
	// that sets a cookie, and nothing should outlive the fetch.
	client := &http.Client{Transport: tr, Jar: jar, CheckRedirect: checkRedirect(opts.MaxRedirects)}

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{URL: rawURL, Kind: ErrBadURL, Detail: err.Error(), Err: err}
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", w.accept)

	resp, err := client.Do(req)
	if err != nil {
		return nil, classify(ctx, rawURL, err, opts)
	}
	defer resp.Body.Close()
	return readPage(ctx, rawURL, resp, opts, w)
}

// checkURL parses rawURL and keeps to http and https with a host.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, &Error{URL: fmt.Sprintf("%q", rawURL), Kind: ErrBadURL, Detail: "invalid URL: " + innermost(err), Err: err}
	}
	if err := schemeError(u); err != nil {
		return nil, &Error{URL: rawURL, Kind: err.kind, Detail: err.detail}
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, &Error{URL: rawURL, Kind: ErrBadURL, Detail: "no host in URL"}
	}
	return u, nil
}

func schemeError(u *url.URL) *redirectError {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return nil
	case "":
		return &redirectError{ErrScheme, "no scheme (only http and https URLs are fetched)"}
	}
	return &redirectError{ErrScheme, fmt.Sprintf("unsupported scheme %q (only http and https URLs are fetched)", strings.ToLower(u.Scheme))}
}

// checkRedirect keeps redirects to http and https, at most max of them,
// and stops a loop as soon as a URL comes round a third time (once more is
// allowed: a site may set a cookie and send the reader back).
func checkRedirect(max int) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if err := schemeError(req.URL); err != nil {
			err.detail = "redirect to " + err.detail
			return err
		}
		if len(via) > max {
			return &redirectError{ErrRedirects, fmt.Sprintf("stopped after %d redirects", max)}
		}
		next, seen := req.URL.String(), 0
		for _, r := range via {
			if r.URL.String() == next {
				seen++
			}
		}
		if seen >= 2 {
			return &redirectError{ErrRedirectLoop, "redirect loop at " + next}
		}
		return nil
	}
}

// transport is a fresh transport per fetch with the connect timeout on
// dialing and TLS; Fetch closes its idle connections when done.
func transport(opts Options) *http.Transport {
	d := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            d.DialContext,
		TLSHandshakeTimeout:    opts.ConnectTimeout,
		TLSClientConfig:        &tls.Config{RootCAs: opts.RootCAs, MinVersion: tls.VersionTLS12},
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           4,
		IdleConnTimeout:        10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 256 << 10,
	}
}

// readPage checks the status and type of resp and reads its body within
// the size cap.
func readPage(ctx context.Context, rawURL string, resp *http.Response, opts Options, w want) (*Page, error) {
	fail := func(kind error, detail string, err error) (*Page, error) {
		return nil, &Error{URL: rawURL, Kind: kind, Detail: detail, Err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		se := &StatusError{Code: resp.StatusCode}
		return fail(ErrStatus, se.Error(), se)
	}
	tooLarge := "larger than the " + intake.FormatSize(opts.MaxSize) + " limit"
	if resp.ContentLength > opts.MaxSize {
		return fail(ErrTooLarge, fmt.Sprintf("%s (%s)", tooLarge, intake.FormatSize(resp.ContentLength)), nil)
	}
	mediaType, charset := parseContentType(resp.Header.Get("Content-Type"))
	// Refuse a declared foreign type before reading a byte of it; vague
	// and XML types are decided on the body (XHTML is often served as XML).
	if !w.admits(mediaType) {
		te := &TypeError{MediaType: mediaType, Wanted: w.name}
		return fail(w.kind, te.Error(), te)
	}

	body, err := readCapped(resp.Body, opts.MaxSize)
	switch {
	case errors.Is(err, errTooLarge):
		return fail(ErrTooLarge, tooLarge, nil)
	case err != nil:
		return nil, bodyError(ctx, rawURL, err, opts)
	}
	if body, err = decode(resp, body, opts.MaxSize); errors.Is(err, errTooLarge) {
		return fail(ErrTooLarge, tooLarge+" once decompressed", nil)
	} else if err != nil {
		return fail(ErrEncoding, err.Error(), err)
	}

	mediaType, charset = w.settle(mediaType, charset, body)
	if !w.readable(mediaType) && !(w.feeds && syndication.Is(body)) {
		te := &TypeError{MediaType: mediaType, Wanted: w.name}
		return fail(w.kind, te.Error(), te)
	}

	header := http.Header{}
	for _, k := range keptHeaders {
		if v := resp.Header.Values(k); len(v) > 0 {
			header[http.CanonicalHeaderKey(k)] = append([]string(nil), v...)
		}
	}
	return &Page{
		URL:         resp.Request.URL.String(),
		Requested:   rawURL,
		Status:      resp.StatusCode,
		ContentType: mediaType,
		Charset:     charset,
		Header:      header,
		Body:        body,
		Fetched:     time.Now(),
	}, nil
}

func isXML(mt string) bool { return mt == "text/xml" || mt == "application/xml" }

var errTooLarge = errors.New("too large")

// readCapped reads all of r, failing with errTooLarge past max bytes; it
// never holds more than max+1.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > max {
		return nil, errTooLarge
	}
	return body, nil
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// decode undoes a content encoding the transport left alone: a gzip body
// the server sent unasked ("x-gzip", or a .html.gz file served as HTML with
// no Content-Encoding at all). The decompressed size is capped too, so a
// small bomb cannot fill memory.
func decode(resp *http.Response, body []byte, max int64) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	if resp.Uncompressed {
		enc = "" // the transport already undid it
	}
	switch enc {
	case "", "identity":
		if !bytes.HasPrefix(body, gzipMagic) {
			return body, nil
		}
	case "gzip", "x-gzip":
	default:
		return nil, fmt.Errorf("unsupported content encoding %q", enc)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, &gzipError{err}
	}
	out, err := readCapped(zr, max)
	if err != nil && !errors.Is(err, errTooLarge) {
		return nil, &gzipError{err}
	}
	return out, err
}

// gzipError is a gzip body that would not decompress; it reads as what
// was wrong ("the page said it was gzip but is not").
type gzipError struct{ err error }

func (e *gzipError) Error() string { return gzipDetail(e.err) }
func (e *gzipError) Unwrap() error { return e.err }
