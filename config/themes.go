package config

import (
	"slices"
	"strings"

	"charm.land/glamour/v2/styles"
)

// NamedThemes are the glamour styles a theme can name beside tread's own
// (auto, dark, light, notty): glow offers them by name, so tread does too.
// tread's dark and light are glamour's with heading marks taken out, so
// glamour's own entries of those names are not listed again.
func NamedThemes() []string {
	var names []string
	for name := range styles.DefaultStyles {
		switch name {
		case ThemeDark, ThemeLight, ThemeNoTTY:
			continue
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// IsNamedTheme reports whether name (lower case) is one of glamour's
// built-in styles that NamedThemes lists.
func IsNamedTheme(name string) bool {
	return slices.Contains(NamedThemes(), name)
}

// themeList is every theme name, quoted, for error messages.
func themeList() string {
	names := append([]string{ThemeAuto, ThemeDark, ThemeLight, ThemeNoTTY}, NamedThemes()...)
	for i, n := range names {
		names[i] = `"` + n + `"`
	}
	return strings.Join(names, ", ")
}

// looksLikePath reports whether a theme value is meant as a file rather
// than a name: it has a folder separator, a home prefix or an extension.
func looksLikePath(s string) bool {
	return strings.ContainsAny(s, `/\.`) || strings.HasPrefix(s, "~")
}
