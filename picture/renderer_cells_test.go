package picture

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// frame is a program that draws one frame and quits.
type frame struct{ content string }

func (f frame) Init() tea.Cmd { return nil }

func (f frame) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		return f, tea.Quit
	}
	return f, nil
}

func (f frame) View() tea.View {
	v := tea.NewView(f.content)
	v.AltScreen = true
	return v
}

// TestPlaceholdersThroughRenderer draws placeholder rows through Bubble
// Tea's own renderer (ultraviolet's cell buffer and its diff) and finds
// each cell's placeholder and diacritics, and the id's colour, intact in
// what it writes, with a true-colour profile and a 256-colour one (where a
// 24-bit colour would be rounded to the palette, and the id lost).
func TestPlaceholdersThroughRenderer(t *testing.T) {
	id := InlineID(5, 200)
	rows := []string{"ab" + PlaceholderRow(id, 0, 3) + "cd", "ab" + PlaceholderRow(id, 1, 3) + "cd"}
	for _, prof := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256} {
		var out bytes.Buffer
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		p := tea.NewProgram(frame{strings.Join(rows, "\n")}, tea.WithOutput(&out), tea.WithInput(nil),
			tea.WithWindowSize(20, 4), tea.WithColorProfile(prof), tea.WithContext(ctx))
		_, err := p.Run()
		cancel()
		if err != nil {
			t.Fatalf("%v: %v", prof, err)
		}
		for r, row := range rows {
			cells := strings.TrimSuffix(strings.TrimPrefix(row, "ab\x1b[38;5;200m"), "\x1b[39mcd")
			if !strings.Contains(out.String(), "\x1b[38;5;200m"+cells) {
				t.Errorf("%v: row %d's cells not written whole in their colour:\n%q", prof, r, out.String())
			}
		}
	}
}
