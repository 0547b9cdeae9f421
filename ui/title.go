package ui

import (
	"fmt"
	"io"
)

// The window title. View sets the selected story's title, and Bubble Tea
// clears it to empty on exit rather than restoring the user's: terminals
// that keep a title stack (xterm's XTWINOPS; tmux, kitty, foot, VTE and
// others) get the user's title pushed before the program starts and popped
// after it ends. Terminals without one ignore both sequences.
const (
	pushTitle = "\x1b[22;0t" // XTWINOPS 22;0: save icon and window title
	popTitle  = "\x1b[23;0t" // XTWINOPS 23;0: restore them
)

// SaveTitle asks the terminal at w to keep its window title, to be put
// back by RestoreTitle. Call it before the program starts drawing.
func SaveTitle(w io.Writer) error {
	if _, err := io.WriteString(w, pushTitle); err != nil {
		return fmt.Errorf("save window title: %w", err)
	}
	return nil
}

// RestoreTitle puts back the title SaveTitle kept. Call it after the
// program has returned, when Bubble Tea has cleared its own title.
func RestoreTitle(w io.Writer) error {
	if _, err := io.WriteString(w, popTitle); err != nil {
		return fmt.Errorf("restore window title: %w", err)
	}
	return nil
}
