package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/tread-reader/tread/render"
)

// styles is every style the UI chrome uses, built for one background. The
// list, status bar, help and inputs all draw from it, so a light terminal
// changes all of them at once when tea.BackgroundColorMsg arrives.
type styles struct {
	title        lipgloss.Style // a main story's title in the list
	relatedTitle lipgloss.Style // a related item's title
	meta         lipgloss.Style // "site · age" under a title
	selTitle     lipgloss.Style // the selected title
	selMeta      lipgloss.Style
	marker       lipgloss.Style // the selection bar, focused list
	markerBlur   lipgloss.Style // the selection bar, list not focused
	divider      lipgloss.Style // the rule between the panes
	dividerFocus lipgloss.Style
	placeholder  lipgloss.Style // "rendering…", empty states
	saved        lipgloss.Style // the offline marker before a related item
	statusBar    lipgloss.Style
	position     lipgloss.Style // "3/12"
	statusErr    lipgloss.Style
	statusNote   lipgloss.Style
	helpTitle    lipgloss.Style
	match        lipgloss.Style // a search match in the reader
	curMatch     lipgloss.Style // the match n/N moved to
	inputPrompt  lipgloss.Style
	inputText    lipgloss.Style
	inputHint    lipgloss.Style
	inputCursor  lipgloss.Style
	help         help.Styles
}

func newStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#6C4FD8"), lipgloss.Color("#A78BFA"))
	dim := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	faint := ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#444444"))
	fg := ld(lipgloss.Color("#1E1E1E"), lipgloss.Color("#E4E4E4"))
	barBg := ld(lipgloss.Color("#E6E3F0"), lipgloss.Color("#2A2838"))
	errFg := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80"))

	s := styles{
		title:        lipgloss.NewStyle().Foreground(fg).Bold(true),
		relatedTitle: lipgloss.NewStyle().Foreground(fg),
		meta:         lipgloss.NewStyle().Foreground(dim),
		selTitle:     lipgloss.NewStyle().Foreground(accent).Bold(true),
		selMeta:      lipgloss.NewStyle().Foreground(accent).Faint(true),
		marker:       lipgloss.NewStyle().Foreground(accent),
		markerBlur:   lipgloss.NewStyle().Foreground(dim),
		divider:      lipgloss.NewStyle().Foreground(faint),
		dividerFocus: lipgloss.NewStyle().Foreground(accent),
		placeholder:  lipgloss.NewStyle().Foreground(dim).Italic(true),
		saved:        lipgloss.NewStyle().Foreground(accent),
		statusBar:    lipgloss.NewStyle().Background(barBg).Foreground(fg),
		position:     lipgloss.NewStyle().Background(accent).Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1A1A1A"))).Bold(true),
		statusErr:    lipgloss.NewStyle().Background(barBg).Foreground(errFg).Bold(true),
		statusNote:   lipgloss.NewStyle().Background(barBg).Foreground(accent),
		helpTitle:    lipgloss.NewStyle().Foreground(accent).Bold(true),
		match:        lipgloss.NewStyle().Reverse(true),
		curMatch:     lipgloss.NewStyle().Background(ld(lipgloss.Color("#F5C518"), lipgloss.Color("#F5C518"))).Foreground(lipgloss.Color("#000000")).Bold(true),
		help:         help.DefaultStyles(dark),
	}
	// The hints sit on the status bar's background.
	s.help.ShortKey = s.help.ShortKey.Background(barBg)
	s.help.ShortDesc = s.help.ShortDesc.Background(barBg)
	s.help.ShortSeparator = s.help.ShortSeparator.Background(barBg)
	s.help.Ellipsis = s.help.Ellipsis.Background(barBg)

	s.inputPrompt = lipgloss.NewStyle().Background(barBg).Foreground(accent).Bold(true)
	s.inputText = lipgloss.NewStyle().Background(barBg).Foreground(fg)
	s.inputHint = lipgloss.NewStyle().Background(barBg).Foreground(dim)
	s.inputCursor = lipgloss.NewStyle().Background(accent)
	return s
}

// chromeStyles is the chrome for a terminal background and glamour style:
// the notty style (NO_COLOR, or chosen) gets chrome without colour too.
func chromeStyles(dark bool, style render.Style) styles {
	if style == render.NoTTY {
		return plainStyles()
	}
	return newStyles(dark)
}

// plainStyles is chrome without colour: bold, reverse video and the
// selection bar's glyph carry what colour would.
func plainStyles() styles {
	none := lipgloss.NewStyle()
	bold := none.Bold(true)
	bar := none.Reverse(true)
	s := styles{
		title:        bold,
		relatedTitle: none,
		meta:         none,
		selTitle:     bold,
		selMeta:      none,
		marker:       none,
		markerBlur:   none,
		divider:      none,
		dividerFocus: none,
		placeholder:  none,
		saved:        none,
		statusBar:    bar,
		position:     bar.Bold(true),
		statusErr:    bar.Bold(true),
		statusNote:   bar,
		helpTitle:    bold,
		match:        bar,
		curMatch:     bar.Bold(true).Underline(true),
		inputPrompt:  bar.Bold(true),
		inputText:    bar,
		inputHint:    bar,
		inputCursor:  none, // a plain cell in the reversed bar
	}
	s.help = help.Styles{
		ShortKey:       bar.Bold(true),
		ShortDesc:      bar,
		ShortSeparator: bar,
		Ellipsis:       bar,
		FullKey:        bold,
		FullDesc:       none,
		FullSeparator:  none,
	}
	return s
}
