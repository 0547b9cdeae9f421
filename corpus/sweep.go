package corpus

// Sweep is Require for tests that run over every page of a split. Such a
// sweep is one goroutine doing pure computation, where the race detector
// finds nothing and costs ten times the time, so under -race it skips,
// saying where it does run: the README's test command runs the suite once
// without -race, and the sweeps (and their score floors) run there.
func Sweep(t Skipper) string {
	t.Helper()
	if raceBuild {
		t.Skipf("corpus sweep: skipped under -race (it runs in the plain go test run)")
	}
	return Require(t)
}
