package fetch

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"
)

// tcpServer listens on 127.0.0.1 and hands each connection to handle, in
// its own goroutine; it returns the address.
func tcpServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go handle(c)
		}
	}()
	return l.Addr().String()
}

// rawServer answers every connection with answer: it reads the request's
// head, writes answer as it is (nothing at all, half a response, bytes
// that are not HTTP) and closes the connection.
func rawServer(t *testing.T, answer []byte) string {
	t.Helper()
	return "http://" + tcpServer(t, func(c net.Conn) {
		defer c.Close()
		r := bufio.NewReader(c)
		for {
			line, err := r.ReadString('\n')
			if err != nil || line == "\r\n" {
				break
			}
		}
		c.Write(answer)
	}) + "/"
}

// garbage is ~600 bytes that are not an HTTP response, escapes and all.
var garbage = []byte(strings.Repeat("\x1b]0;PWNED\x07\x00\xff garbage ", 30))

// TestBrokenAnswers: a server that closes without answering, a body cut
// short, a body that claims gzip and is not, and an answer that is not
// HTTP each get one line saying what happened, never raw bytes or a bare
// "EOF".
func TestBrokenAnswers(t *testing.T) {
	head := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
	tests := []struct {
		name   string
		answer string
		kind   error
		detail string
	}{
		{"closed without answering", "", ErrNetwork, "the server closed the connection without answering"},
		{"body ended early", head + "Content-Length: 1000\r\n\r\n<html><p>only this", ErrNetwork, "the body ended early"},
		{"chunked body ended early", head + "Transfer-Encoding: chunked\r\n\r\n10\r\n<html><p>only th", ErrNetwork, "the body ended early"},
		{"gzip that is not", head + "Content-Encoding: gzip\r\nContent-Length: 23\r\n\r\nthis is not gzip at all", ErrEncoding, "the page said it was gzip but is not"},
		{"not HTTP", string(garbage), ErrNetwork, "the server's answer is not HTTP"},
		{"markup for an answer", "<html><body>" + strings.Repeat("<p>\x1b[2J hello</p>", 40), ErrNetwork, "the server's answer is not HTTP"},
		{"headers broken", "HTTP/1.1 200 OK\r\nContent-Ty", ErrNetwork, "the server's answer has broken headers"},
		{"headers cut short", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", ErrNetwork, "the server closed the connection in the middle of its answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := rawServer(t, []byte(tt.answer))
			_, err := Fetch(context.Background(), url, Options{MaxRedirects: -1})
			checkError(t, err, tt.kind, url, tt.detail)
			msg := err.Error()
			if strings.ContainsFunc(msg, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\uFFFD' }) || strings.Contains(msg, "garbage") || strings.Contains(msg, "hello") {
				t.Errorf("error %q carries the answer's bytes", msg)
			}
		})
	}
}
