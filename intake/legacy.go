package intake

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// sniffSample bounds the bytes each candidate encoding decodes.
const sniffSample = 32 << 10

// commonCJK are characters frequent in running Chinese, Japanese and Korean
// text. A right guess decodes many of them; a wrong multi-byte guess turns
// the same bytes into rare characters.
var commonCJK = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會也你对對生能而子那得于着下自之年过過发發后後作里里用道行所然家种種事成方多经經么去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日月の に は を た が で と し て い る も な か こ れ こ と す" {
		if r != ' ' {
			m[r] = true
		}
	}
	for _, r := range "이다는의에가을를고하한지서도로으기사들" {
		m[r] = true
	}
	return m
}()

// sniff guesses the encoding of a page that declares none and is not UTF-8.
// Each candidate decodes a sample and is scored on how plausible the result
// is: frequent CJK characters and letters score, replacement characters
// and stray symbols cost.
func sniff(data []byte) encoding.Encoding {
	sample := highSample(data)
	if len(sample) == 0 {
		return charmap.Windows1252
	}
	candidates := []encoding.Encoding{
		charmap.Windows1252, charmap.Windows1251, charmap.KOI8R, charmap.ISO8859_2,
		japanese.ShiftJIS, japanese.EUCJP, simplifiedchinese.GB18030,
		traditionalchinese.Big5, korean.EUCKR,
	}
	best, bestScore := candidates[0], -1<<62
	for _, enc := range candidates {
		out, err := enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		if s := plausibility(out); s > bestScore {
			best, bestScore = enc, s
		}
	}
	return best
}

// highSample picks the part of the page where non-ASCII bytes are, cut at
// line boundaries so no multi-byte character is split at its ends.
func highSample(data []byte) []byte {
	first := -1
	for i, c := range data {
		if c >= 0x80 {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	start := first
	for start > 0 && first-start < 256 && data[start-1] != '\n' && data[start-1] != '>' {
		start--
	}
	end := min(len(data), start+sniffSample)
	for end < len(data) && end > start && data[end-1] >= 0x80 {
		end--
	}
	return data[start:end]
}

func plausibility(text []byte) int {
	const (
		other = iota
		ascii
		latin
		cyrLower
		cyrUpper
	)
	score, prev := 0, other
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		if r < 0x80 {
			prev = other
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				prev = ascii
			}
			continue
		}
		class := other
		switch {
		case r == utf8.RuneError:
			score -= 20
		case commonCJK[r]:
			score += 6
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			score += 2
		case unicode.Is(unicode.Hangul, r) && r >= 0xAC00:
			score += 2
		case unicode.Is(unicode.Han, r):
			score++
		case unicode.Is(unicode.Cyrillic, r):
			// Cyrillic words are runs of letters in one case; one glued to
			// Latin letters, or case flipping mid-word, is a misreading.
			class = cyrLower
			if unicode.IsUpper(r) {
				class = cyrUpper
			}
			switch {
			case prev == ascii || prev == latin:
				score -= 2
			case prev == cyrLower && class == cyrUpper:
				score -= 2
			default:
				score++
			}
		case unicode.IsLetter(r):
			// Accented Latin letters come one at a time inside words; long
			// runs of them are another script read as Latin-1.
			class = latin
			if prev == latin || prev == cyrLower || prev == cyrUpper {
				score--
			} else {
				score++
			}
		case unicode.IsPunct(r) || unicode.IsSpace(r):
		default:
			score -= 3
		}
		prev = class
	}
	return score
}
