//go:build !race

package corpus

// raceBuild is true when the test binary was built with -race.
const raceBuild = false
