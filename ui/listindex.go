package ui

// listIndex finds entries by key, and main stories by page address and by
// title, for selection and the walk's look-ups. It is built with the
// entries, once per change, so that a look-up as the selection moves costs
// the same at 100 entries and 100,000. It is never changed once built:
// copies of the model share it.
type listIndex struct {
	at      map[entryKey]int // index into all
	byNorm  map[string][]int // main stories by normURL, in list order
	byTitle map[string][]int // main stories by normTitle, in list order
}

func newListIndex(all []entry) listIndex {
	x := listIndex{
		at:      make(map[entryKey]int, len(all)),
		byNorm:  map[string][]int{},
		byTitle: map[string][]int{},
	}
	for i, e := range all {
		x.at[e.key] = i
		if e.related || e.placeholder {
			continue // a library row not read yet is no story to find
		}
		if e.norm != "" {
			x.byNorm[e.norm] = append(x.byNorm[e.norm], i)
		}
		if e.normTitle != "" {
			x.byTitle[e.normTitle] = append(x.byTitle[e.normTitle], i)
		}
	}
	return x
}

// entry is the entry with key k, if it is listed (folded or not).
func (l listPane) entry(k entryKey) (entry, bool) {
	i, ok := l.index.at[k]
	if !ok {
		return entry{}, false
	}
	return l.all[i], true
}

// mainOther is the first main story among is (indexes into all) that is
// not self.
func (l listPane) mainOther(is []int, self entryKey) (entryKey, bool) {
	for _, i := range is {
		if k := l.all[i].key; k != self {
			return k, true
		}
	}
	return entryKey{}, false
}
