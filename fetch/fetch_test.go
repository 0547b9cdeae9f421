package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const page = "<!doctype html><html><head><title>A story</title></head><body><p>Words.</p></body></html>"

// serve starts a local test server for h, closed when the test ends.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// checkError asserts err is a one-line *Error of kind for url whose message
// contains detail.
func checkError(t *testing.T, err error, kind error, url, detail string) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", kind)
	}
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *fetch.Error", err, err)
	}
	if !errors.Is(err, kind) {
		t.Errorf("error %q is %v, want %v", err, fe.Kind, kind)
	}
	if url != "" && !strings.HasPrefix(err.Error(), "fetch "+url+": ") {
		t.Errorf("error %q does not start with %q", err, "fetch "+url+": ")
	}
	if !strings.Contains(err.Error(), detail) {
		t.Errorf("error %q lacks %q", err, detail)
	}
	if strings.ContainsAny(err.Error(), "\r\n") {
		t.Errorf("error %q spans lines", err)
	}
	return fe
}

func TestFetchPage(t *testing.T) {
	var gotUA, gotAccept atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotUA.Store(r.UserAgent())
		gotAccept.Store(r.Header.Get("Accept"))
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.Header().Set("Last-Modified", "Tue, 03 Jun 2025 10:00:00 GMT")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Set-Cookie", "session=secret")
		w.Header().Set("X-Other", "dropped")
		fmt.Fprint(w, page)
	})
	before := time.Now()
	p, err := Fetch(context.Background(), srv.URL+"/story", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.URL != srv.URL+"/story" || p.Requested != srv.URL+"/story" || p.Status != 200 {
		t.Errorf("URL, Requested, Status = %q, %q, %d", p.URL, p.Requested, p.Status)
	}
	if p.ContentType != "text/html" || p.Charset != "utf-8" {
		t.Errorf("ContentType, Charset = %q, %q", p.ContentType, p.Charset)
	}
	if string(p.Body) != page {
		t.Errorf("Body = %q", p.Body)
	}
	if p.Fetched.Before(before) || p.Fetched.After(time.Now()) {
		t.Errorf("Fetched = %v", p.Fetched)
	}
	want := map[string]string{
		"Content-Type": "text/html; charset=UTF-8", "Last-Modified": "Tue, 03 Jun 2025 10:00:00 GMT",
		"Etag": `"v1"`,
	}
	for k, v := range want {
		if got := p.Header.Get(k); got != v {
			t.Errorf("Header %s = %q, want %q", k, got, v)
		}
	}
	if p.Header.Get("Date") == "" {
		t.Error("Date header not kept")
	}
	for _, k := range []string{"Set-Cookie", "X-Other"} {
		if p.Header.Get(k) != "" {
			t.Errorf("Header %s kept", k)
		}
	}
	if ua := gotUA.Load().(string); ua != UserAgent() || !strings.HasPrefix(ua, "tread/") {
		t.Errorf("User-Agent = %q, want %q", ua, UserAgent())
	}
	if a := gotAccept.Load().(string); !strings.HasPrefix(a, "text/html") {
		t.Errorf("Accept = %q", a)
	}

	if _, err := Fetch(context.Background(), srv.URL, Options{UserAgent: "custom/2"}); err != nil {
		t.Fatal(err)
	}
	if ua := gotUA.Load().(string); ua != "custom/2" {
		t.Errorf("User-Agent = %q, want custom/2", ua)
	}
}

func TestPlainTextAndSniffing(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		wantType, wantCharset   string
	}{
		{"plain text dump", "text/plain; charset=windows-1252", "Headline\n\nBody.", "text/plain", "windows-1252"},
		{"no type, html body", "", page, "text/html", ""},
		{"octet-stream, html body", "application/octet-stream", page, "text/html", ""},
		{"xhtml as xml", "application/xml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`, "application/xhtml+xml", ""},
		{"xhtml", "application/xhtml+xml", page, "application/xhtml+xml", ""},
		{"quoted charset", `text/html; charset="ISO-8859-1"`, page, "text/html", "iso-8859-1"},
		{"broken parameters", "text/html; charset", page, "text/html", ""},
		{"utf-16 sniffed", "", "\xff\xfeH\x00i\x00", "text/plain", "utf-16le"},
		{"rss feed", "application/rss+xml; charset=utf-8", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, "application/rss+xml", "utf-8"},
		{"atom as text/xml", "text/xml", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "text/xml", ""},
		{"json feed", "application/json", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, "application/json", ""},
		{"feed of no type", "", `<?xml version="1.0"?><rss version="2.0"></rss>`, "application/xml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = []string{tt.contentType}
				fmt.Fprint(w, tt.body)
			})
			p, err := Fetch(context.Background(), srv.URL, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.ContentType != tt.wantType || p.Charset != tt.wantCharset {
				t.Errorf("ContentType, Charset = %q, %q; want %q, %q", p.ContentType, p.Charset, tt.wantType, tt.wantCharset)
			}
		})
	}
}

func TestNotHTML(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	tests := []struct {
		contentType, body, detail string
	}{
		{"application/pdf", "%PDF-1.7", "not a web page but a PDF document (application/pdf)"},
		{"image/png", png, "an image (image/png)"},
		{"application/json; charset=utf-8", `{"a":1}`, "JSON data (application/json)"},
		{"application/rss+xml", "Service unavailable", "a news feed (application/rss+xml)"},
		{"video/mp4", "....", "a video (video/mp4)"},
		{"application/zip", "PK\x03\x04", "an archive (application/zip)"},
		{"text/css", "p{}", "a style sheet (text/css)"},
		{"application/octet-stream", png, "an image (image/png)"},
		{"", "%PDF-1.4\n", "a PDF document (application/pdf)"},
		{"text/xml", "<?xml version=\"1.0\"?><catalog/>", "XML data (text/xml)"},
		{"application/x-thing", "...", "a file of another kind (application/x-thing)"},
	}
	for _, tt := range tests {
		t.Run(tt.contentType, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = []string{tt.contentType}
				fmt.Fprint(w, tt.body)
			})
			_, err := Fetch(context.Background(), srv.URL+"/file", Options{})
			fe := checkError(t, err, ErrNotHTML, srv.URL+"/file", tt.detail)
			var te *TypeError
			if !errors.As(fe, &te) || te.MediaType == "" {
				t.Errorf("no TypeError in %v", err)
			}
		})
	}
}

// A declared foreign type is refused before its body is read: an endless
// video stream must not be downloaded to be turned away.
func TestNotHTMLRefusedBeforeBody(t *testing.T) {
	srv := serve(t, endless("video/mp4"))
	start := time.Now()
	_, err := Fetch(context.Background(), srv.URL, Options{Timeout: 10 * time.Second})
	checkError(t, err, ErrNotHTML, srv.URL, "a video")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v: the body was read", d)
	}
}

// endless serves a body that never ends, until the client goes away.
func endless(contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		chunk := bytes.Repeat([]byte("<p>more and more words</p>\n"), 1000)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
}

func TestStatusErrors(t *testing.T) {
	for code, detail := range map[int]string{
		404: "404 Not Found", 403: "403 Forbidden", 410: "410 Gone", 500: "500 Internal Server Error",
		503: "503 Service Unavailable", 599: "HTTP status 599", 304: "304 Not Modified",
	} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(code)
			fmt.Fprint(w, "<html>error page</html>")
		})
		_, err := Fetch(context.Background(), srv.URL+"/missing", Options{})
		fe := checkError(t, err, ErrStatus, srv.URL+"/missing", detail)
		var se *StatusError
		if !errors.As(fe, &se) || se.Code != code {
			t.Errorf("%d: StatusError = %v", code, se)
		}
	}
}

func TestSchemes(t *testing.T) {
	tests := []struct {
		url    string
		kind   error
		detail string
	}{
		{"file:///etc/passwd", ErrScheme, `unsupported scheme "file"`},
		{"javascript:alert(1)", ErrScheme, `unsupported scheme "javascript"`},
		{"FTP://example.org/x", ErrScheme, `unsupported scheme "ftp"`},
		{"data:text/html,hi", ErrScheme, `unsupported scheme "data"`},
		{"example.org/page", ErrScheme, "no scheme"},
		{"http://", ErrBadURL, "no host"},
		{"https:///path", ErrBadURL, "no host"},
		{"http://exa mple.org/", ErrBadURL, "invalid URL"},
		{"http://example.org/\x1b[31m", ErrBadURL, "invalid control character"},
		{"http://[::1", ErrBadURL, "invalid URL"},
	}
	for _, tt := range tests {
		_, err := Fetch(context.Background(), tt.url, Options{})
		checkError(t, err, tt.kind, "", tt.detail)
	}
}

func TestRedirects(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	srv := serve(t, mux.ServeHTTP)
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			fmt.Fprint(w, page)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "/b", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "/a", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/self", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "/self", http.StatusFound)
	})
	// A consent wall: the first visit sets a cookie and sends the reader
	// back to the same URL, which then serves the page.
	mux.HandleFunc("/consent", func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("ok"); err == nil {
			fmt.Fprint(w, page)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "ok", Value: "1", Path: "/"})
		http.Redirect(w, r, "/consent", http.StatusFound)
	})
	mux.HandleFunc("/to/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", strings.TrimPrefix(r.URL.RawQuery, "u="))
		w.WriteHeader(http.StatusFound)
	})

	t.Run("followed", func(t *testing.T) {
		p, err := Fetch(context.Background(), srv.URL+"/hop/3", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.URL != srv.URL+"/hop/0" || p.Requested != srv.URL+"/hop/3" {
			t.Errorf("URL, Requested = %q, %q", p.URL, p.Requested)
		}
	})
	t.Run("ten is the limit", func(t *testing.T) {
		if _, err := Fetch(context.Background(), srv.URL+"/hop/10", Options{}); err != nil {
			t.Fatalf("10 redirects: %v", err)
		}
		hits.Store(0)
		_, err := Fetch(context.Background(), srv.URL+"/hop/11", Options{})
		checkError(t, err, ErrRedirects, srv.URL+"/hop/11", "stopped after 10 redirects")
		if n := hits.Load(); n != 11 {
			t.Errorf("%d requests made, want 11", n)
		}
		_, err = Fetch(context.Background(), srv.URL+"/hop/3", Options{MaxRedirects: 2})
		checkError(t, err, ErrRedirects, "", "stopped after 2 redirects")
		_, err = Fetch(context.Background(), srv.URL+"/hop/1", Options{MaxRedirects: -1})
		checkError(t, err, ErrRedirects, "", "stopped after 0 redirects")
	})
	t.Run("loop", func(t *testing.T) {
		hits.Store(0)
		_, err := Fetch(context.Background(), srv.URL+"/a", Options{})
		checkError(t, err, ErrRedirectLoop, srv.URL+"/a", "redirect loop at "+srv.URL+"/a")
		if n := hits.Load(); n > 5 {
			t.Errorf("%d requests before the loop was seen", n)
		}
		hits.Store(0)
		_, err = Fetch(context.Background(), srv.URL+"/self", Options{})
		checkError(t, err, ErrRedirectLoop, "", "redirect loop at "+srv.URL+"/self")
		if n := hits.Load(); n > 3 {
			t.Errorf("%d requests before the loop was seen", n)
		}
	})
	t.Run("cookie bounce", func(t *testing.T) {
		p, err := Fetch(context.Background(), srv.URL+"/consent", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Body) != page {
			t.Errorf("Body = %q", p.Body)
		}
	})
	t.Run("scheme", func(t *testing.T) {
		for _, target := range []string{"file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/"} {
			_, err := Fetch(context.Background(), srv.URL+"/to/?u="+target, Options{})
			checkError(t, err, ErrScheme, srv.URL+"/to/?u="+target, "redirect to unsupported scheme")
		}
	})
}

func TestDNSFailure(t *testing.T) {
	_, err := Fetch(context.Background(), "http://example.invalid/page", Options{})
	checkError(t, err, ErrDNS, "http://example.invalid/page", "lookup example.invalid: ")
	var fe *Error
	if errors.As(err, &fe); fe != nil && !strings.HasSuffix(err.Error(), ": no such host") {
		t.Logf("resolver said %q (no network here?)", err)
	}
}

func TestConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Fetch(context.Background(), "http://"+addr+"/", Options{})
	checkError(t, err, ErrRefused, "http://"+addr+"/", "connection refused by "+addr)
}

func TestTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the failed handshakes are the point
	srv.StartTLS()
	t.Cleanup(srv.Close)
	pool := srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs

	_, err := Fetch(context.Background(), srv.URL, Options{})
	checkError(t, err, ErrTLS, srv.URL, "TLS: x509: certificate signed by unknown authority")

	p, err := Fetch(context.Background(), srv.URL+"/ok", Options{RootCAs: pool})
	if err != nil {
		t.Fatalf("trusted TLS server: %v", err)
	}
	if string(p.Body) != page || !strings.HasPrefix(p.URL, "https://") {
		t.Errorf("URL %q, Body %q", p.URL, p.Body)
	}

	// The test certificate is for 127.0.0.1 and example.com, not localhost.
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	_, err = Fetch(context.Background(), "https://localhost:"+port+"/", Options{RootCAs: pool})
	checkError(t, err, ErrTLS, "", "TLS: x509: certificate is valid for")

	plain := serve(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	httpsURL := "https://" + strings.TrimPrefix(plain.URL, "http://")
	_, err = Fetch(context.Background(), httpsURL, Options{})
	checkError(t, err, ErrTLS, httpsURL, "TLS: the server answered in plain HTTP")
}

func TestTimeouts(t *testing.T) {
	t.Run("slow headers", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		})
		_, err := Fetch(context.Background(), srv.URL, Options{Timeout: 200 * time.Millisecond})
		checkError(t, err, ErrTimeout, srv.URL, "timed out after 200ms")
	})
	t.Run("slow body", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><p>The start")
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		})
		start := time.Now()
		_, err := Fetch(context.Background(), srv.URL, Options{Timeout: 300 * time.Millisecond})
		checkError(t, err, ErrTimeout, srv.URL, "timed out after 300ms")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("gave up after %v", d)
		}
	})
	t.Run("connect", func(t *testing.T) {
		// A server that accepts and then never speaks TLS: the handshake
		// deadline, part of connecting, must end the wait.
		u := "https://" + tcpServer(t, func(c net.Conn) { t.Cleanup(func() { c.Close() }) }) + "/"
		_, err := Fetch(context.Background(), u, Options{ConnectTimeout: 200 * time.Millisecond, Timeout: 10 * time.Second})
		checkError(t, err, ErrTimeout, u, "no connection within 200ms")
	})
	t.Run("caller deadline", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := Fetch(ctx, srv.URL, Options{})
		checkError(t, err, ErrTimeout, srv.URL, "timed out")
	})
}

func TestCancel(t *testing.T) {
	started := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>")
		w.(http.Flusher).Flush()
		close(started)
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	start := time.Now()
	_, err := Fetch(ctx, srv.URL, Options{})
	checkError(t, err, context.Canceled, srv.URL, "canceled")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
	_, err = Fetch(ctx, srv.URL, Options{})
	checkError(t, err, context.Canceled, srv.URL, "canceled")
}

func TestSizeCap(t *testing.T) {
	t.Run("declared length", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", "50000000")
			w.WriteHeader(200)
			fmt.Fprint(w, "<html>")
		})
		_, err := Fetch(context.Background(), srv.URL, Options{})
		checkError(t, err, ErrTooLarge, srv.URL, "larger than the 20MB limit (47.7MB)")
	})
	t.Run("endless body", func(t *testing.T) {
		srv := serve(t, endless("text/html"))
		_, err := Fetch(context.Background(), srv.URL, Options{MaxSize: 1 << 20})
		checkError(t, err, ErrTooLarge, srv.URL, "larger than the 1MB limit")
	})
	t.Run("exactly the cap", func(t *testing.T) {
		body := strings.Repeat("x", 1000)
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, body)
		})
		if _, err := Fetch(context.Background(), srv.URL, Options{MaxSize: 1000}); err != nil {
			t.Errorf("a body of exactly MaxSize: %v", err)
		}
		_, err := Fetch(context.Background(), srv.URL, Options{MaxSize: 999})
		checkError(t, err, ErrTooLarge, srv.URL, "larger than the 999 bytes limit")
	})
	t.Run("gzip bomb", func(t *testing.T) {
		bomb := gzipped(t, "<html>"+strings.Repeat("\x00", 8<<20))
		for _, enc := range []string{"gzip", "x-gzip", ""} {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				if enc != "" {
					w.Header().Set("Content-Encoding", enc)
				}
				w.Write(bomb)
			})
			_, err := Fetch(context.Background(), srv.URL, Options{MaxSize: 1 << 20})
			checkError(t, err, ErrTooLarge, srv.URL, "larger than the 1MB limit")
		}
	})
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGzip(t *testing.T) {
	zpage := gzipped(t, page)
	tests := []struct {
		name     string
		encoding string // Content-Encoding sent
		body     []byte
		asked    bool // only compress when the client asked for gzip
	}{
		{"negotiated", "gzip", zpage, true},
		{"sent unasked as x-gzip", "x-gzip", zpage, false},
		{"gzip file served as html", "", zpage, false},
		{"identity", "", []byte(page), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.asked && !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
					t.Error("client did not ask for gzip")
				}
				w.Header().Set("Content-Type", "text/html")
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
				w.Write(tt.body)
			})
			p, err := Fetch(context.Background(), srv.URL, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(p.Body) != page {
				t.Errorf("Body = %q", p.Body)
			}
		})
	}
	t.Run("corrupt", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write([]byte("this is not gzip at all"))
		})
		_, err := Fetch(context.Background(), srv.URL, Options{})
		checkError(t, err, ErrEncoding, srv.URL, "the page said it was gzip but is not")
	})
	t.Run("damaged", func(t *testing.T) {
		// Sent unasked, so tread's own decoder meets the damage.
		damaged := append([]byte(nil), zpage...)
		for i := 12; i < len(damaged)-8; i++ {
			damaged[i] ^= 0xA5
		}
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write(damaged)
		})
		_, err := Fetch(context.Background(), srv.URL, Options{})
		checkError(t, err, ErrEncoding, srv.URL, "the page's gzip data is damaged")
	})
	t.Run("unsupported", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "br")
			w.Write([]byte{0x1b, 0x2c, 0x00})
		})
		_, err := Fetch(context.Background(), srv.URL, Options{})
		checkError(t, err, ErrEncoding, srv.URL, `unsupported content encoding "br"`)
	})
}

// TestCharsets: the charset the server names is kept beside the body,
// which is kept as received; decoding is package intake's.
func TestCharsets(t *testing.T) {
	tests := []struct {
		contentType string
		body        string
		charset     string
	}{
		{"text/html; charset=ISO-8859-1", "caf\xe9", "iso-8859-1"},
		{"text/html; charset=windows-1252", "\x93quoted\x94", "windows-1252"},
		{"text/html;charset=Shift_JIS", "\x93\xfa\x96\x7b", "shift_jis"},
		{"text/html; charset=utf-8", "café", "utf-8"},
		{"text/html", "caf\xc3\xa9", ""},
		{"text/html; charset=klingon", "qapla'", "klingon"},
	}
	for _, tt := range tests {
		t.Run(tt.contentType, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				fmt.Fprint(w, tt.body)
			})
			p, err := Fetch(context.Background(), srv.URL, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Charset != tt.charset {
				t.Errorf("Charset = %q, want %q", p.Charset, tt.charset)
			}
			if string(p.Body) != tt.body {
				t.Errorf("Body = %q, want it as received (%q)", p.Body, tt.body)
			}
		})
	}
}

func TestUserAgent(t *testing.T) {
	ua := UserAgent()
	if !strings.HasPrefix(ua, "tread/") || len(ua) <= len("tread/") || strings.ContainsAny(ua, " \t\r\n") {
		t.Errorf("UserAgent() = %q", ua)
	}
}
