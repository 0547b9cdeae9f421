// Package sample holds the built-in sample edition that tread shows when it
// is started without a source: a short welcome story, in the page-dump
// layout, with related items that explain the keys.
package sample

import _ "embed"

// Source is the name the sample edition is listed under.
const Source = "sample edition"

//go:embed edition.txt
var edition []byte

// Edition returns the sample edition in the page-dump layout.
func Edition() []byte {
	return append([]byte(nil), edition...)
}
