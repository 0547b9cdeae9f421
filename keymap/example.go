package keymap

import (
	"fmt"
	"strconv"
	"strings"
)

// Example is the body of the settings example's [keys] section: one
// commented line per action in table order, its default keys and its
// note, as in
//
//	#focus          = ["tab", "shift+tab"]   # switch between list and reader
//
// config's example.toml (and the README, which quotes it) is tested to
// hold exactly these lines after its [keys] header.
func Example() string {
	var b strings.Builder
	for _, in := range table {
		q := make([]string, len(in.Keys))
		for i, k := range in.Keys {
			q[i] = strconv.Quote(k) // key names are printable: TOML reads Go's quoting
		}
		list := "[" + strings.Join(q, ", ") + "]"
		line := fmt.Sprintf("#%-14s = %s", in.Action, list)
		if in.Note != "" {
			line = fmt.Sprintf("#%-14s = %-22s # %s", in.Action, list, in.Note)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
