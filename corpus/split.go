package corpus

import (
	"hash/fnv"
	"net/url"
	"strings"
)

// Halves of the dev pages, split by site so that a rule tuned on the pages
// of one half is judged on sites it has never seen.
const (
	HalfA = "A" // the half to build on
	HalfB = "B" // the half held out
)

// Site is the host of a page URL in lower case, without a leading "www.";
// "" when the URL has no host.
func Site(pageURL string) string {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Half puts a page in HalfA or HalfB by a hash of its site, so every page of
// one site falls in the same half, the same way on every run and machine.
func Half(pageURL string) string {
	h := fnv.New32a()
	h.Write([]byte(Site(pageURL))) // a hash.Hash never returns an error
	if h.Sum32()%2 == 0 {
		return HalfA
	}
	return HalfB
}
