package render

import "charm.land/glamour/v2/ansi"

// Style names a glamour style: one of the built-ins below or a name given
// to AddStyle.
type Style string

// The built-in styles. Dark is the default; Light is chosen when the terminal
// reports a light background; NoTTY is plain text for pipes and NO_COLOR.
const (
	Dark  Style = "dark"
	Light Style = "light"
	NoTTY Style = "notty"
)

func builtin(s Style) (ansi.StyleConfig, bool) {
	switch s {
	case Dark:
		return darkStyle, true
	case Light:
		return lightStyle, true
	case NoTTY:
		return plainStyle, true
	}
	return ansi.StyleConfig{}, false
}
