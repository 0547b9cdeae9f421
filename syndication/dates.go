package syndication

import (
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// zoneOffsets are the zone names RFC 822 allows (and feeds still use), in
// seconds east of UTC. Go's time.Parse reads an unknown abbreviation as a
// zone of offset zero, so "10:00 EST" would come out five hours early.
var zoneOffsets = map[string]int{
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
}

// itemDate is the item's published date, else its updated date, in UTC;
// zero when it has neither or neither parsed.
func itemDate(gi *gofeed.Item) time.Time {
	switch {
	case gi.PublishedParsed != nil && !gi.PublishedParsed.IsZero():
		return fixZone(*gi.PublishedParsed, gi.Published).UTC()
	case gi.UpdatedParsed != nil && !gi.UpdatedParsed.IsZero():
		return fixZone(*gi.UpdatedParsed, gi.Updated).UTC()
	}
	return time.Time{}
}

// namedZoneLayouts read an RFC 822 date once its zone name is replaced by
// its offset.
var namedZoneLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
}

// fixZone reads raw again when it ends in a zone name Go does not know the
// offset of; t, the parser's reading, stands otherwise.
func fixZone(t time.Time, raw string) time.Time {
	f := strings.Fields(raw)
	if len(f) < 2 {
		return t
	}
	off, ok := zoneOffsets[strings.ToUpper(f[len(f)-1])]
	if !ok {
		return t
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	f[len(f)-1] = fmt.Sprintf("%s%02d%02d", sign, off/3600, off%3600/60)
	numeric := strings.Join(f, " ")
	for _, layout := range namedZoneLayouts {
		if p, err := time.Parse(layout, numeric); err == nil {
			return p
		}
	}
	return t
}
