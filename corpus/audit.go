package corpus

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// RuleSites counts, for each entry of a rule table, the corpus sites it
// fires on: a rule that only one site triggers was fitted to that site.
// The zero value is ready to use.
type RuleSites struct {
	sites map[string]map[string]bool // table + "\t" + entry -> sites
}

// Fire records that table's entry fired on a page of site.
func (r *RuleSites) Fire(table, entry, site string) {
	if r.sites == nil {
		r.sites = map[string]map[string]bool{}
	}
	k := table + "\t" + entry
	if r.sites[k] == nil {
		r.sites[k] = map[string]bool{}
	}
	r.sites[k][site] = true
}

// Count is the number of sites table's entry fired on.
func (r *RuleSites) Count(table, entry string) int { return len(r.sites[table+"\t"+entry]) }

// Report gives, for each table in name order, one line with every entry
// and its count of sites, and one more listing the entries that fired on
// exactly one site, with that site.
func (r *RuleSites) Report(tables map[string][]string) []string {
	names := make([]string, 0, len(tables))
	for n := range tables {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		entries := append([]string(nil), tables[n]...)
		sort.Strings(entries)
		var line, single strings.Builder
		for _, e := range entries {
			fmt.Fprintf(&line, " %q:%d", e, r.Count(n, e))
			if r.Count(n, e) == 1 {
				for site := range r.sites[n+"\t"+e] {
					fmt.Fprintf(&single, " %q (%s)", e, site)
				}
			}
		}
		out = append(out, n+":"+line.String())
		if single.Len() > 0 {
			out = append(out, "  "+n+", one site only:"+single.String())
		}
	}
	return out
}

// AuditT is the part of testing.TB that Audit needs.
type AuditT interface {
	Skipper
	Fatalf(format string, args ...any)
	Log(args ...any)
}

// Audit is a rule audit over every corpus page, skipped unless
// TREAD_AUDIT is set: fire is called with each page and its HTML and
// reports the table entries that fire on it; the report of tables is then
// logged, one line a table.
func Audit(t AuditT, tables map[string][]string, fire func(p Page, raw []byte, fire func(table, entry string)) error) {
	t.Helper()
	if os.Getenv("TREAD_AUDIT") == "" {
		t.Skipf("set TREAD_AUDIT=1 to count the sites each rule fires on")
	}
	pages, err := All(Sweep(t))
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	var r RuleSites
	for _, p := range pages {
		raw, err := p.HTML()
		if err != nil {
			t.Fatalf("read %s: %v", p.ID, err)
		}
		site := Site(p.URL)
		if err := fire(p, raw, func(table, entry string) { r.Fire(table, entry, site) }); err != nil {
			t.Fatalf("page %s: %v", p.ID, err)
		}
	}
	for _, line := range r.Report(tables) {
		t.Log(line)
	}
}
