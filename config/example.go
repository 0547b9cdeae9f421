package config

import _ "embed" // for Example

// Example is a commented settings file showing every setting at its
// default, for the README and for users to start from.
//
//go:embed example.toml
var Example string
