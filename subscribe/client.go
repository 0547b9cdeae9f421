package subscribe

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/intake"
)

// response is one feed request's outcome.
type response struct {
	status    int
	header    http.Header
	body      []byte
	finalURL  string
	permanent bool // every redirect on the way was permanent (301, 308)
}

// client makes the conditional requests of a refresh. fetch.Fetch cannot:
// it has no request headers of its own and treats 304 as an error.
type client struct {
	http *http.Client
	opts fetch.Options
}

func newClient(opts fetch.Options) *client {
	if opts.Timeout <= 0 {
		opts.Timeout = fetch.DefaultTimeout
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = fetch.DefaultConnectTimeout
	}
	if opts.MaxSize <= 0 {
		opts.MaxSize = fetch.DefaultMaxSize
	}
	if opts.UserAgent == "" {
		opts.UserAgent = fetch.UserAgent()
	}
	d := &net.Dialer{Timeout: opts.ConnectTimeout}
	tr := &http.Transport{
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            d.DialContext,
		TLSHandshakeTimeout:    opts.ConnectTimeout,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: 256 << 10,
	}
	if opts.RootCAs != nil {
		tr.TLSClientConfig = &tls.Config{RootCAs: opts.RootCAs, MinVersion: tls.VersionTLS12}
	}
	return &client{http: &http.Client{Transport: tr, Timeout: opts.Timeout}, opts: opts}
}

// errTooManyRedirects ends a redirect chain past 10 hops.
var errTooManyRedirects = errors.New("stopped after 10 redirects")

// get fetches rawURL with the validators of the last reading. A status
// that is not 200 or 304 is returned as a response, not an error, so that
// the caller can read Retry-After.
func (c *client) get(ctx context.Context, rawURL, etag, lastModified string) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: invalid URL: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	permanent, hops := true, 0
	hc := *c.http
	hc.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if s := r.URL.Scheme; s != "http" && s != "https" {
			return fmt.Errorf("redirect to unsupported scheme %q", s)
		}
		if hops++; hops > 10 {
			return errTooManyRedirects
		}
		if code := r.Response.StatusCode; code != http.StatusMovedPermanently && code != http.StatusPermanentRedirect {
			permanent = false
		}
		// Validators belong to the URL asked; the new one gets its own.
		r.Header.Del("If-None-Match")
		r.Header.Del("If-Modified-Since")
		return nil
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, innermost(err))
	}
	defer resp.Body.Close()
	out := &response{status: resp.StatusCode, header: resp.Header, finalURL: resp.Request.URL.String(), permanent: permanent && hops > 0}
	if resp.StatusCode != http.StatusOK {
		return out, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, innermost(err))
	}
	if int64(len(body)) > c.opts.MaxSize {
		return nil, fmt.Errorf("fetch %s: larger than the %s limit", rawURL, intake.FormatSize(c.opts.MaxSize))
	}
	out.body = body
	return out, nil
}

// innermost is the root cause's text: "connection refused", not the
// three layers of "Get …: dial tcp …:" above it.
func innermost(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		err = oe.Err
	}
	return err
}

// maxRetryAfter caps how long a server may ask tread to wait.
const maxRetryAfter = 24 * time.Hour

// retryAfter reads a Retry-After header, seconds or an HTTP date, as a
// wait from now; ok is false when there is none that parses.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(max(secs, 0)) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = max(t.Sub(now), 0)
	} else {
		return 0, false
	}
	return min(d, maxRetryAfter), true
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("HTTP status %d", code)
}
