package corpus

import (
	"hash/fnv"
	"sort"
)

// SiteSample picks up to n pages, one per site, from the sites of half
// (HalfA, HalfB, or "" for both), for reading extraction output by eye on
// many templates rather than many pages of one. The pick is the same on
// every run: sites are ordered by a hash of their name, and each gives its
// page with the smallest id.
func SiteSample(pages []Page, half string, n int) []Page {
	first := map[string]Page{}
	for _, p := range pages {
		s := Site(p.URL)
		if s == "" || half != "" && Half(p.URL) != half {
			continue
		}
		if q, ok := first[s]; !ok || p.ID < q.ID {
			first[s] = p
		}
	}
	sites := make([]string, 0, len(first))
	for s := range first {
		sites = append(sites, s)
	}
	sort.Slice(sites, func(i, j int) bool {
		hi, hj := sampleHash(sites[i]), sampleHash(sites[j])
		if hi != hj {
			return hi < hj
		}
		return sites[i] < sites[j]
	})
	out := make([]Page, 0, min(n, len(sites)))
	for _, s := range sites[:min(n, len(sites))] {
		out = append(out, first[s])
	}
	return out
}

// sampleHash orders sites for SiteSample; it is salted so that the order
// is not the one Half splits by.
func sampleHash(site string) uint64 {
	h := fnv.New64a()
	h.Write([]byte("sample:" + site)) // a hash.Hash never returns an error
	return h.Sum64()
}
