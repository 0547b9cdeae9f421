package picture

// Slots hands out the ids of inline pictures: one per picture, the same
// for as long as it keeps its slot, at most n (MaxSlots at most), the
// least recently used giving its slot up first. It is not safe for
// concurrent use: the reader's Update owns it.
type Slots struct {
	tag  byte
	ids  map[string]int // picture → slot, from 1
	keys []string       // slot-1 → its picture, "" when free
	used []uint64       // slot-1 → when it was last asked for
	tick uint64
}

// NewSlots makes n slots (1..MaxSlots) of ids tagged tag (see InlineID).
func NewSlots(tag byte, n int) *Slots {
	n = min(max(n, 1), MaxSlots)
	return &Slots{tag: tag, ids: map[string]int{}, keys: make([]string, n), used: make([]uint64, n)}
}

// ID is the id of the picture named key, giving it a slot when it has
// none. evicted is the id of the picture whose slot that took (0 when a
// slot was free): the caller deletes it in the terminal and forgets it.
func (s *Slots) ID(key string) (id, evicted uint32) {
	s.tick++
	if slot, ok := s.ids[key]; ok {
		s.used[slot-1] = s.tick
		return InlineID(s.tag, slot), 0
	}
	slot := 0
	for i, k := range s.keys {
		if k == "" {
			slot = i + 1
			break
		}
		if slot == 0 || s.used[i] < s.used[slot-1] {
			slot = i + 1
		}
	}
	if old := s.keys[slot-1]; old != "" {
		delete(s.ids, old)
		evicted = InlineID(s.tag, slot)
	}
	s.keys[slot-1], s.used[slot-1] = key, s.tick
	s.ids[key] = slot
	return InlineID(s.tag, slot), evicted
}

// Held is the ids that have a picture, for freeing them all at the end.
func (s *Slots) Held() []uint32 {
	var out []uint32
	for i, k := range s.keys {
		if k != "" {
			out = append(out, InlineID(s.tag, i+1))
		}
	}
	return out
}
