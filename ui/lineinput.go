package ui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/sanitize"
)

// maxInput bounds what the filter and search inputs hold; a huge paste is
// cut rather than searched for.
const maxInput = 200

// lineInput is the one-line text field the filter and the search type into.
// It edits at the end of the line only (type, backspace, ctrl+w, ctrl+u,
// paste), which is all a search box needs, and it keeps control characters
// out: a pasted escape sequence must not reach the status bar.
type lineInput struct {
	prompt      string
	placeholder string
	value       []rune
}

func (in lineInput) Value() string { return string(in.value) }

func (in *lineInput) Reset() { in.value = nil }

// update applies a key or paste and reports whether the value changed.
func (in *lineInput) update(msg tea.Msg) bool {
	before := string(in.value)
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.insert(msg.Content)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "ctrl+h":
			if len(in.value) > 0 {
				in.value = in.value[:len(in.value)-1]
			}
		case "ctrl+w", "alt+backspace":
			in.deleteWord()
		case "ctrl+u":
			in.value = nil
		default:
			if msg.Text != "" && !msg.Mod.Contains(tea.ModCtrl) && !msg.Mod.Contains(tea.ModAlt) {
				in.insert(msg.Text)
			}
		}
	}
	return string(in.value) != before
}

func (in *lineInput) insert(s string) {
	s = sanitize.Text(s)
	for _, r := range s {
		if r == '\n' || r == '\t' {
			r = ' '
		}
		if len(in.value) >= maxInput {
			return
		}
		in.value = append(in.value, r)
	}
}

func (in *lineInput) deleteWord() {
	v := in.value
	for len(v) > 0 && unicode.IsSpace(v[len(v)-1]) {
		v = v[:len(v)-1]
	}
	for len(v) > 0 && !unicode.IsSpace(v[len(v)-1]) {
		v = v[:len(v)-1]
	}
	in.value = v
}

// view draws prompt, text and a block cursor in width cells. When the text
// is longer than the room, its end (where the typing is) stays in view.
func (in lineInput) view(width int, st styles) string {
	prompt := st.inputPrompt.Render(in.prompt)
	room := width - ansi.StringWidth(in.prompt) - 1 // one cell for the cursor
	if room < 1 {
		return clip(prompt, width)
	}
	cursor := st.inputCursor.Render(" ")
	if len(in.value) == 0 {
		return prompt + cursor + st.inputHint.Render(truncate(in.placeholder, room))
	}
	text := string(in.value)
	if ansi.StringWidth(text) > room {
		text = "…" + ansi.TruncateLeft(text, ansi.StringWidth(text)-room+1, "")
	}
	return prompt + st.inputText.Render(strings.TrimRight(text, "\n")) + cursor
}
