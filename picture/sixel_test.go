package picture

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// canonicalSixel rewrites a sixel sequence into one form whatever the
// order of its palette. Charm's encoder numbers its palette in Go's map
// order, so the same picture comes out with its colours numbered
// differently from run to run; renumbered by colour (ties by the pixels
// they paint) and with each band's colour sections in that order, the
// bytes are the same every run and can be pinned by a golden file.
func canonicalSixel(seq string) (string, error) {
	head, rest, ok := strings.Cut(seq, "q")
	if !ok || !strings.HasSuffix(rest, "\x1b\\") {
		return "", fmt.Errorf("not a sixel sequence: %q", seq)
	}
	body := strings.TrimSuffix(rest, "\x1b\\")
	raster, body, _ := strings.Cut(body, "#")
	body = "#" + body

	// The palette: "#i;2;r;g;b" entries, up to the first "#i" with no ';'.
	defs := map[string]string{} // old index → "2;r;g;b"
	var order []string
	for strings.HasPrefix(body, "#") {
		end := strings.IndexFunc(body[1:], func(r rune) bool { return r < '0' || r > '9' }) + 1
		if end <= 0 || end >= len(body) || body[end] != ';' {
			break
		}
		idx := body[1:end]
		next := strings.IndexByte(body[end:], '#')
		if next < 0 {
			return "", fmt.Errorf("palette runs to the end: %q", body)
		}
		defs[idx] = body[end+1 : end+next]
		order = append(order, idx)
		body = body[end+next:]
	}

	// The bands: sections "#i<sixels>" joined by '$', bands ended by '-'.
	type section struct{ idx, data string }
	var bands [][]section
	painted := map[string]string{}
	for band := range strings.SplitSeq(strings.TrimSuffix(body, "-"), "-") {
		var secs []section
		for s := range strings.SplitSeq(band, "$") {
			if s == "" {
				continue
			}
			end := strings.IndexFunc(s[1:], func(r rune) bool { return r < '0' || r > '9' }) + 1
			if !strings.HasPrefix(s, "#") || end <= 0 {
				return "", fmt.Errorf("bad band section %q", s)
			}
			secs = append(secs, section{s[1:end], s[end:]})
			painted[s[1:end]] += fmt.Sprintf("%d:%s;", len(bands), s[end:])
		}
		bands = append(bands, secs)
	}

	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(defs[a], defs[b]), cmp.Compare(painted[a], painted[b]))
	})
	renum := map[string]int{}
	var b strings.Builder
	b.WriteString(head + "q" + raster)
	for i, idx := range order {
		renum[idx] = i
		fmt.Fprintf(&b, "#%d;%s", i, defs[idx])
	}
	for i, secs := range bands {
		slices.SortFunc(secs, func(x, y section) int { return cmp.Compare(renum[x.idx], renum[y.idx]) })
		for j, s := range secs {
			if j > 0 {
				b.WriteByte('$')
			}
			fmt.Fprintf(&b, "#%d%s", renum[s.idx], s.data)
		}
		if i < len(bands)-1 || strings.HasSuffix(body, "-") {
			b.WriteByte('-')
		}
	}
	b.WriteString("\x1b\\")
	return b.String(), nil
}
