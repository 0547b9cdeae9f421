//go:build race

package ui

// raceBuild is true when the test binary was built with -race: the
// monkey takes fewer steps then, as the detector makes each one slow.
const raceBuild = true
