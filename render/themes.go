package render

import (
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// tread's built-in styles start from glamour's and take out what reads as
// markdown source rather than as an article: the "##" before headings and,
// in plain text, the stars around emphasis.
var (
	darkStyle  = readerStyle(styles.DarkStyleConfig)
	lightStyle = readerStyle(styles.LightStyleConfig)
	plainStyle = plainText(styles.NoTTYStyleConfig)
)

// readerStyle is a glamour colour style without heading prefixes. Glamour
// tells sub-heading levels apart only by their "##", so weight and slant
// take over: level 2 stays bold, level 3 is the heading colour at normal
// weight, deeper levels are italic as well. News rarely goes below three.
func readerStyle(cfg ansi.StyleConfig) ansi.StyleConfig {
	cfg.H2.Prefix = ""
	for _, h := range []*ansi.StyleBlock{&cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = ""
		h.Bold = ptr(false)
	}
	for _, h := range []*ansi.StyleBlock{&cfg.H4, &cfg.H5, &cfg.H6} {
		h.Italic = ptr(true)
	}
	return cfg
}

// Zero-width marks the plain style puts before headings, so that Render
// can rule a line under them (see underlineHeadings): glamour has no way
// to draw a rule as long as a heading. They are invisible operators from
// mathematics, which news text does not use, and Render strips any the
// markdown holds before it renders.
const (
	headlineMark = '\u2063' // INVISIBLE SEPARATOR, before a level-1 heading
	headingMark  = '\u2064' // INVISIBLE PLUS, before the others
)

// plainText is glamour's no-colour style reading as a text article: no
// "#" before headings (a rule goes under them instead), no stars around
// emphasis, "- " bullets and "> " quotes as in an e-mail.
func plainText(cfg ansi.StyleConfig) ansi.StyleConfig {
	cfg.H1.Prefix = string(headlineMark)
	for _, h := range []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = string(headingMark)
	}
	cfg.Emph.BlockPrefix, cfg.Emph.BlockSuffix = "", ""
	cfg.Strong.BlockPrefix, cfg.Strong.BlockSuffix = "", ""
	cfg.Item.BlockPrefix = "- "
	cfg.BlockQuote.IndentToken = ptr("> ")
	cfg.DefinitionDescription.BlockPrefix = "\n  "
	return cfg
}

// Named is glamour's built-in style of that name (dracula, tokyo-night,
// pink, ascii…) set as a reader style, for themes chosen by name.
func Named(name string) (ansi.StyleConfig, bool) {
	cfg, ok := styles.DefaultStyles[name]
	if !ok || cfg == nil {
		return ansi.StyleConfig{}, false
	}
	return readerStyle(*cfg), true
}

func ptr[T any](v T) *T { return &v }
