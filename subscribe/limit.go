package subscribe

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// Default request limits of a refresh.
const (
	DefaultPerHost = 2
	DefaultTotal   = 8
)

// limiter bounds requests in flight: per host and in all.
type limiter struct {
	total   chan struct{}
	perHost int

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func newLimiter(perHost, total int) *limiter {
	return &limiter{total: make(chan struct{}, total), perHost: perHost, hosts: map[string]chan struct{}{}}
}

// acquire waits for a slot on rawURL's host and then one overall, in that
// order so that a request waiting for a busy host holds no overall slot.
// The release function gives both back.
func (l *limiter) acquire(ctx context.Context, rawURL string) (release func(), err error) {
	host := hostOf(rawURL)
	l.mu.Lock()
	h := l.hosts[host]
	if h == nil {
		h = make(chan struct{}, l.perHost)
		l.hosts[host] = h
	}
	l.mu.Unlock()
	select {
	case h <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case l.total <- struct{}{}:
	case <-ctx.Done():
		<-h
		return nil, ctx.Err()
	}
	return func() { <-l.total; <-h }, nil
}

func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return strings.ToLower(u.Host)
}
