package fetch

import (
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/tread-reader/tread/sanitize"
)

// Kinds of failure, for errors.Is. Every error Fetch returns is an *Error
// that wraps exactly one of these, or context.Canceled when the caller
// cancelled.
var (
	ErrBadURL       = errors.New("invalid URL")
	ErrScheme       = errors.New("unsupported scheme")
	ErrDNS          = errors.New("host not found")
	ErrRefused      = errors.New("connection refused")
	ErrTLS          = errors.New("TLS failure")
	ErrTimeout      = errors.New("timed out")
	ErrNetwork      = errors.New("network error")
	ErrStatus       = errors.New("HTTP error status")
	ErrNotHTML      = errors.New("not an HTML page")
	ErrNotImage     = errors.New("not an image")
	ErrTooLarge     = errors.New("page too large")
	ErrRedirects    = errors.New("too many redirects")
	ErrRedirectLoop = errors.New("redirect loop")
	ErrEncoding     = errors.New("bad content encoding")
)

// Error is a failed fetch: which URL, what kind of failure, and a one-line
// detail fit to show a reader ("404 Not Found", "lookup example.invalid:
// no such host").
type Error struct {
	URL    string // the URL as requested
	Kind   error  // one of the Err* values, or context.Canceled
	Detail string
	Err    error // the underlying cause, when there is one
}

// Error reads "fetch URL: detail".
func (e *Error) Error() string { return "fetch " + e.URL + ": " + e.Detail }

// Unwrap gives both the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// StatusError carries the status of a response that was not a success.
type StatusError struct {
	Code int
}

// Error is the status line as the standard names it: "404 Not Found".
func (e *StatusError) Error() string {
	if t := http.StatusText(e.Code); t != "" {
		return fmt.Sprintf("%d %s", e.Code, t)
	}
	return fmt.Sprintf("HTTP status %d", e.Code)
}

// TypeError carries the media type of a response that is not a page tread
// can read.
type TypeError struct {
	MediaType string // "application/pdf"
	Wanted    string // what was asked for, "an image"; empty means a web page
}

// Error says what the response was instead: "not a web page but a PDF
// document (application/pdf)".
func (e *TypeError) Error() string {
	wanted := e.Wanted
	if wanted == "" {
		wanted = "a web page"
	}
	return fmt.Sprintf("not %s but %s (%s)", wanted, describeType(e.MediaType), e.MediaType)
}

// errOverall is the cause set on the whole fetch's deadline, to tell it from
// a deadline the caller's context brought.
var errOverall = errors.New("fetch deadline")

// classify turns a transport error into an *Error. ctx is the fetch's own
// context, whose cause tells our timeout from the caller's cancellation.
func classify(ctx context.Context, rawURL string, err error, opts Options) *Error {
	e := &Error{URL: rawURL, Err: err}
	var (
		dnsErr  *net.DNSError
		opErr   *net.OpError
		netErr  net.Error
		certErr *tls.CertificateVerificationError
		unkAuth x509.UnknownAuthorityError
		hostErr x509.HostnameError
		invErr  x509.CertificateInvalidError
		recErr  tls.RecordHeaderError
		alert   tls.AlertError
		redir   *redirectError
	)
	switch {
	case errors.As(err, &redir):
		e.Kind, e.Detail, e.Err = redir.kind, redir.detail, nil
	case context.Cause(ctx) == errOverall:
		e.Kind, e.Detail = ErrTimeout, "timed out after "+round(opts.Timeout)
	case errors.Is(err, context.Canceled) || ctx.Err() == context.Canceled:
		e.Kind, e.Detail = context.Canceled, "canceled"
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded:
		e.Kind, e.Detail = ErrTimeout, "timed out"
	case errors.As(err, &dnsErr):
		// Without the resolver's address, which differs per machine and
		// tells the reader nothing.
		e.Kind, e.Detail = ErrDNS, "lookup "+dnsErr.Name+": "+dnsErr.Err
	case badGzip(err):
		e.Kind, e.Detail = ErrEncoding, gzipDetail(err)
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Kind, e.Detail = ErrRefused, "connection refused"
		if errors.As(err, &opErr) && opErr.Addr != nil {
			e.Detail += " by " + opErr.Addr.String()
		}
	case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// net/http flattens the TLS record error into this text alone.
		e.Kind, e.Detail = ErrTLS, "TLS: the server answered in plain HTTP"
	case errors.As(err, &certErr), errors.As(err, &unkAuth), errors.As(err, &hostErr),
		errors.As(err, &invErr), errors.As(err, &recErr), errors.As(err, &alert):
		e.Kind, e.Detail = ErrTLS, "TLS: "+tlsDetail(err)
	case errors.As(err, &netErr) && netErr.Timeout():
		// Only the dial and the TLS handshake have a deadline of their own.
		e.Kind, e.Detail = ErrTimeout, "no connection within "+round(opts.ConnectTimeout)
	case errors.Is(err, io.ErrUnexpectedEOF):
		e.Kind, e.Detail = ErrNetwork, "the server closed the connection in the middle of its answer"
	case errors.Is(err, io.EOF):
		e.Kind, e.Detail = ErrNetwork, "the server closed the connection without answering"
	case strings.Contains(err.Error(), "malformed HTTP "):
		// net/http quotes the offending bytes, hundreds of them, in
		// these: what the server sent is not the reader's to see.
		e.Kind, e.Detail = ErrNetwork, "the server's answer is not HTTP"
	case errors.As(err, new(textproto.ProtocolError)):
		e.Kind, e.Detail = ErrNetwork, "the server's answer has broken headers"
	default:
		e.Kind, e.Detail = ErrNetwork, plain(innermost(err))
	}
	return e
}

// bodyError is the *Error for a failure while reading a response's body,
// where an early end is the body's, not the answer's.
func bodyError(ctx context.Context, rawURL string, err error, opts Options) *Error {
	if errors.Is(err, io.ErrUnexpectedEOF) && ctx.Err() == nil {
		return &Error{URL: rawURL, Kind: ErrNetwork, Detail: "the body ended early", Err: err}
	}
	return classify(ctx, rawURL, err, opts)
}

// badGzip reports whether err is gzip data that would not decompress.
func badGzip(err error) bool {
	return errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) || errors.As(err, new(flate.CorruptInputError))
}

// gzipDetail says what was wrong with a gzip body.
func gzipDetail(err error) string {
	switch {
	case errors.Is(err, gzip.ErrHeader):
		return "the page said it was gzip but is not"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the body ended early"
	}
	return "the page's gzip data is damaged"
}

// maxDetail bounds a detail taken from an error the standard library
// wrote, which may quote what the server sent.
const maxDetail = 160

// plain is an error message made fit for one line of a terminal: control
// characters and escape sequences out, at most maxDetail bytes.
func plain(s string) string {
	s = sanitize.Line(s)
	if len(s) <= maxDetail {
		return s
	}
	n := maxDetail
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// tlsDetail is the certificate problem without the layers of "tls: failed
// to verify certificate:" that wrap it.
func tlsDetail(err error) string {
	var (
		certErr *tls.CertificateVerificationError
		unkAuth x509.UnknownAuthorityError
		hostErr x509.HostnameError
		invErr  x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &unkAuth):
		return unkAuth.Error()
	case errors.As(err, &hostErr):
		return hostErr.Error()
	case errors.As(err, &invErr):
		return invErr.Error()
	case errors.As(err, &certErr):
		return certErr.Err.Error()
	}
	return innermost(err)
}

// innermost is the message of the deepest single-wrapped error: the url and
// net layers each add the URL or address again.
func innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

func round(d time.Duration) string {
	if d >= time.Second {
		d = d.Round(100 * time.Millisecond)
	}
	return d.String()
}

// redirectError is what CheckRedirect returns, so classify can tell a
// refused redirect from a transport failure.
type redirectError struct {
	kind   error
	detail string
}

// Error is the detail shown to the reader.
func (e *redirectError) Error() string { return e.detail }
