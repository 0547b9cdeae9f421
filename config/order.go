package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// The orders of the main stories of a folder (and of the library): newest
// first by their date, oldest first, or as the source gives them (a
// folder's file names). Stories with no date go after those with one, and
// file name settles ties.
const (
	SortNewest = "newest"
	SortOldest = "oldest"
	SortSource = "source"
)

// sortOrders lists the orders the sort setting takes.
var sortOrders = []string{SortNewest, SortOldest, SortSource}

func (d *decoder) sort(c *Config, key toml.Key, p toml.Primitive) error {
	s, err := d.str(key, p)
	if err != nil {
		return err
	}
	if !slices.Contains(sortOrders, s) {
		return d.errAt(key, p, fmt.Errorf("unknown order %q: use %s", s, strings.Join(quoteAll(sortOrders), ", ")))
	}
	c.Sort = s
	return nil
}

func (d *decoder) foldRelated(c *Config, key toml.Key, p toml.Primitive) error {
	v, err := d.value(key, p)
	if err != nil {
		return err
	}
	b, ok := v.(bool)
	if !ok {
		return d.errAt(key, p, typeError("true or false", v))
	}
	c.FoldRelated = b
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
