package render

import (
	"html"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/sanitize"
)

// Tables are laid out here rather than by glamour, which at reading widths
// cuts headers to an ellipsis ("Av…"), breaks words inside cells
// ("discount|s") and gives room to columns with nothing in them. tread drops
// the empty columns, wraps cells at word boundaries, and when even the
// longest word of each column cannot fit, sets the table out as a list of
// its rows instead.

// tableSep is what stands between two columns, and tableRule's pieces the
// rule under the header.
const (
	tableSep     = " | "
	tableRuleSep = "-|-"
)

// delimRow matches a GFM table's delimiter row.
var delimRow = regexp.MustCompile(`^\|(?:\s*:?-+:?\s*\|)+\s*$`)

// segment is a run of markdown for glamour, or a table tread lays out.
type segment struct {
	md    string
	table [][]string // header first; cells as markdown
}

// splitTables cuts md into markdown and top-level GFM tables. A table that
// cannot fit in width, even as narrow as its longest words, is rewritten
// as markdown (a list of its rows) and stays in the markdown around it.
func splitTables(md string, width int) []segment {
	if !strings.Contains(md, "| --") && !strings.Contains(md, "|--") && !strings.Contains(md, "|:-") && !strings.Contains(md, "| :-") {
		return []segment{{md: md}}
	}
	lines := strings.Split(md, "\n")
	var segs []segment
	var text []string
	fence := ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if f := fenceOf(l, fence); f != fence || fence != "" {
			fence = f
			text = append(text, l)
			continue
		}
		if !strings.HasPrefix(l, "|") || i+1 >= len(lines) || !delimRow.MatchString(lines[i+1]) {
			text = append(text, l)
			continue
		}
		rows := [][]string{tableCells(l)}
		j := i + 2
		for ; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
			rows = append(rows, tableCells(lines[j]))
		}
		i = j - 1
		rows = dropEmptyColumns(rows)
		if len(rows) == 0 || len(rows[0]) == 0 {
			continue
		}
		if _, ok := columnWidths(rows, width); !ok {
			text = append(text, rowsAsList(rows))
			continue
		}
		if len(text) > 0 {
			segs = append(segs, segment{md: strings.Join(text, "\n")})
			text = nil
		}
		segs = append(segs, segment{table: rows})
	}
	if len(text) > 0 {
		segs = append(segs, segment{md: strings.Join(text, "\n")})
	}
	return segs
}

// fenceOf tracks fenced code: given the open fence ("" outside code) and a
// line, it returns the fence open after the line.
func fenceOf(l, open string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 {
		return open
	}
	for _, f := range []string{"```", "~~~"} {
		if !strings.HasPrefix(t, f) {
			continue
		}
		run := t[:len(t)-len(strings.TrimLeft(t, f[:1]))]
		switch {
		case open == "":
			return run
		case strings.HasPrefix(run, open) && strings.TrimSpace(t[len(run):]) == "":
			return ""
		}
	}
	return open
}

// tableCells splits a table row into its cells, minding escaped pipes.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var b strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			b.WriteByte(row[i])
			b.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// dropEmptyColumns removes the columns with no text in any row below the
// header (a "Learn more" column of buttons, say), and pads short rows.
func dropEmptyColumns(rows [][]string) [][]string {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	var keep []int
	for c := range cols {
		for _, r := range rows[min(1, len(rows)-1):] {
			if c < len(r) && cellText(r[c]) != "" {
				keep = append(keep, c)
				break
			}
		}
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(keep))
		for k, c := range keep {
			if c < len(r) {
				out[i][k] = r[c]
			}
		}
	}
	return out
}

// cellText is a cell's markdown as the reader sees it: escapes and
// entities undone, emphasis and code marks taken off.
func cellText(md string) string {
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		c := md[i]
		switch {
		case c == '\\' && i+1 < len(md) && ansiPunct(md[i+1]):
			b.WriteByte(md[i+1])
			i++
		case c == '*' || c == '`' || (c == '_' && (i == 0 || i+1 == len(md) || md[i-1] == ' ' || md[i+1] == ' ')):
		default:
			b.WriteByte(c)
		}
	}
	// Entities can spell controls: the decoded text is cleaned again,
	// but for the LinkMarks of numbered links, which sanitize removes.
	parts := strings.Split(b.String(), string(LinkMark))
	for i, p := range parts {
		parts[i] = sanitize.Text(html.UnescapeString(p))
	}
	return strings.Join(strings.Fields(strings.Join(parts, string(LinkMark))), " ")
}

func ansiPunct(c byte) bool {
	return c < 0x80 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// columnWidths lays out the columns in width: each as wide as its widest
// cell when that fits, else at least its longest word with the rest of the
// room shared by need. ok is false when the longest words alone do not fit.
func columnWidths(rows [][]string, width int) (widths []int, ok bool) {
	n := len(rows[0])
	natural, least := make([]int, n), make([]int, n)
	for _, r := range rows {
		for c, cell := range r {
			t := cellText(cell)
			natural[c] = max(natural[c], ansi.StringWidth(t))
			for _, w := range strings.Fields(t) {
				least[c] = max(least[c], ansi.StringWidth(w))
			}
		}
	}
	gaps := ansi.StringWidth(tableSep) * (n - 1)
	if sum(natural)+gaps <= width {
		return natural, true
	}
	if sum(least)+gaps > width {
		return nil, false
	}
	widths = append([]int(nil), least...)
	room, need := width-gaps-sum(least), 0
	for c := range n {
		need += natural[c] - least[c]
	}
	for c := range n {
		widths[c] += room * (natural[c] - least[c]) / need
	}
	return widths, true
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// tableLines sets a table out in width columns, each line indented by
// left: the header in bold when bold is set, a rule, then the rows, with a
// rule between rows too when any of them takes more than one line.
func tableLines(rows [][]string, width, left int, bold bool) []string {
	widths, _ := columnWidths(rows, width)
	cells := make([][][]string, len(rows))
	tall := false
	for i, r := range rows {
		cells[i] = make([][]string, len(r))
		for c, cell := range r {
			cells[i][c] = strings.Split(ansi.Wordwrap(cellText(cell), widths[c], ""), "\n")
			tall = tall || len(cells[i][c]) > 1 && i > 0
		}
	}
	pieces := make([]string, len(widths))
	for c, w := range widths {
		pieces[c] = strings.Repeat("-", w)
	}
	rule := strings.Repeat(" ", left) + strings.Join(pieces, tableRuleSep)
	var out []string
	for i, r := range cells {
		if i > 1 && tall {
			out = append(out, rule)
		}
		out = append(out, rowLines(r, widths, left, bold && i == 0)...)
		if i == 0 {
			out = append(out, rule)
		}
	}
	return out
}

// rowLines is one row of cells, each wrapped to its column, side by side.
func rowLines(row [][]string, widths []int, left int, bold bool) []string {
	height := 0
	for _, c := range row {
		height = max(height, len(c))
	}
	out := make([]string, height)
	for k := range height {
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", left))
		for c, lines := range row {
			if c > 0 {
				b.WriteString(tableSep)
			}
			piece := ""
			if k < len(lines) {
				piece = lines[k]
			}
			pad := strings.Repeat(" ", max(widths[c]-ansi.StringWidth(piece), 0))
			if bold && piece != "" {
				piece = "\x1b[1m" + piece + "\x1b[22m"
			}
			b.WriteString(piece + pad)
		}
		out[k] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// rowsAsList is a table too wide for the pane as markdown: a list item per
// row, led by its first cell, then each other cell after its column's
// header, as prose that wraps: "- Harbour — Monday: 06:30 · Tuesday: 06:45"
// (no line starts with a dash or a dot: the space before each is
// non-breaking, as is the one after a header before a short value).
func rowsAsList(rows [][]string) string {
	head := rows[0]
	var b strings.Builder
	for _, r := range rows[1:] {
		lead := r[0]
		if cellText(lead) == "" {
			lead = "—"
		}
		var rest []string
		for c := 1; c < len(r); c++ {
			if cellText(r[c]) == "" {
				continue
			}
			if h := head[c]; cellText(h) != "" {
				rest = append(rest, h+":"+valueSpace(r[c])+r[c])
			} else {
				rest = append(rest, r[c])
			}
		}
		b.WriteString("- " + lead)
		if len(rest) > 0 {
			b.WriteString("\u00a0— " + strings.Join(rest, "\u00a0· "))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// valueSpace is the space between a column's header and a short value in
// rowsAsList: non-breaking for a value of one short word, so that a line
// does not end on "Monday:" with its time on the next.
func valueSpace(cell string) string {
	if t := cellText(cell); len(t) <= 12 && !strings.Contains(t, " ") {
		return "\u00a0"
	}
	return " "
}
