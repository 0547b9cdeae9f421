package extract

import (
	"unicode"
	"unicode/utf8"
)

// Thresholds for trusting a JSON-LD articleBody.
const (
	minBodyShingles = 20 // fewer word triples than this: too short to locate anything
	minBodyCoverage = 2  // 1/minBodyCoverage of its triples must be found on the page
)

// matchArticleBody marks the paragraphs whose words are part of the page's
// JSON-LD articleBody. The body text itself has no structure and is
// sometimes truncated or stale, so it only locates the paragraphs; the
// blocks still come from the DOM. Nothing is marked when too little of it
// is found on the page.
func (t *tree) matchArticleBody(body string) {
	set := map[uint64]struct{}{}
	var w wordWindow
	forEachWord(body, func(h uint64) {
		if k, ok := w.push(h); ok {
			set[k] = struct{}{}
		}
	})
	if len(set) < minBodyShingles {
		return
	}
	type tally struct {
		w       wordWindow
		n, hits int32
	}
	tallies := map[int32]*tally{}
	found := map[uint64]struct{}{}
	for i := range t.nodes {
		n := &t.nodes[i]
		if n.flags&fText == 0 || n.owner < 0 || n.chars == 0 {
			continue
		}
		tl := tallies[n.owner]
		if tl == nil {
			tl = &tally{}
			tallies[n.owner] = tl
		}
		forEachWord(t.Node[i].Data, func(h uint64) {
			k, ok := tl.w.push(h)
			if !ok {
				return
			}
			tl.n++
			if _, in := set[k]; in {
				tl.hits++
				found[k] = struct{}{}
			}
		})
	}
	if len(found)*minBodyCoverage < len(set) {
		return
	}
	for owner, tl := range tallies {
		if tl.n > 0 && tl.hits*2 >= tl.n {
			t.nodes[owner].flags |= fMatched
		}
	}
}

// wordWindow keeps the last three word hashes.
type wordWindow struct {
	a, b uint64
	n    int
}

// push adds a word and returns the hash of the last three, once there are
// three.
func (w *wordWindow) push(h uint64) (uint64, bool) {
	a, b := w.a, w.b
	w.a, w.b = b, h
	w.n++
	if w.n < 3 {
		return 0, false
	}
	return a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ h, true
}

// forEachWord calls f with a hash of each word of s (a run of letters and
// digits), case folded.
func forEachWord(s string, f func(uint64)) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune = rune(c)
		n := 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		word := false
		switch {
		case r < utf8.RuneSelf:
			word = 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
			r |= 0x20 * rune(boolInt('A' <= r && r <= 'Z'))
		case r == '\u00ad':
			continue
		default:
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
			r = unicode.ToLower(r)
		}
		if word {
			h = (h ^ uint64(r)) * prime
			in = true
			continue
		}
		if in {
			f(h)
			h, in = offset, false
		}
	}
	if in {
		f(h)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
