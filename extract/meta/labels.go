package meta

import (
	"regexp"
	"strings"
)

// Pages in other languages label their bylines and order their dates their
// own way; the language a page declares picks how its text is read.

// byLabels are the byline labels read on any page: English, and the
// labels of other languages that no name or English sentence begins with.
const byLabels = `(?:written|posted|authored|words|story|text|reported|compiled|published)\s+by|by|author(?:s|\(s\))?|` +
	`(?:publicado|escrito|redactado|postado|publicada|escrita)\s+por|(?:publié|écrit|rédigé)e?\s+par|` +
	`(?:geschrieben|verfasst|veröffentlicht)\s+von|(?:scritto|pubblicato)\s+da|(?:geschreven|gepubliceerd)\s+door|` +
	`(?:skrevet|skrivet|publicerad)\s+av|autor(?:a|es|as)?|auteur(?:e|s)?|autore|autrice|autori`

// shortByLabels are one-word labels ("Von Anna Schmidt", "Par Jean
// Dupont") read only on pages in their language, or with a colon: "Von"
// and "Di" begin names too, and "Door" and "Par" begin English lines.
var shortByLabels = map[string]string{
	"de": "von", "fr": "par", "es": "por", "pt": "por", "gl": "por", "ca": "per", "it": "di",
	"nl": "door", "sv": "av", "no": "av", "nb": "av", "nn": "av", "da": "af",
}

// unknownByLabels are read when a page declares no language: those that
// begin no common name.
const unknownByLabels = "par|por|door|av|af"

var (
	// byPrefixRE is a byline label at the start of a text, for a page of
	// unknown language.
	byPrefixRE = bylineRE(unknownByLabels)
	byLangRE   = map[string]*regexp.Regexp{}
	// englishByRE is the label reader for English pages and for languages
	// without a one-word label here.
	englishByRE = bylineRE("")
)

func init() {
	for lang, label := range shortByLabels {
		byLangRE[lang] = bylineRE(label)
	}
}

func bylineRE(short string) *regexp.Regexp {
	labels := byLabels
	if short != "" {
		labels += "|" + short
	}
	// Labels in other scripts take a colon: Go's \b knows only ASCII.
	return regexp.MustCompile(`(?i)^(?:(?:` + labels + `)\b\s*[:\-–—]?|(?:von|par|por|per|di|da|door|av|af|автор|авторы|текст)\s*:)\s*`)
}

// bylineLabels is the byline label reader for a page's language.
func bylineLabels(lang string) *regexp.Regexp {
	if lang == "" {
		return byPrefixRE
	}
	if re, ok := byLangRE[primaryLang(lang)]; ok {
		return re
	}
	return englishByRE
}

// primaryLang is a language tag's language: "pt" for "pt-BR" or "pt_BR".
func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// monthFirstRegions write numeric dates month first (03/05/2024 is March 5).
var monthFirstRegions = map[string]bool{"us": true, "ph": true, "fm": true, "pw": true, "mh": true}

// dayFirst reports whether a page writes numeric dates day first, from the
// language tags it declares (html lang, Content-Language, og:locale,
// JSON-LD inLanguage). Most of the world writes 05/10/2018 for 5 October;
// a US locale, or English with no region, keeps the month-first reading.
func dayFirst(tags ...string) bool {
	known := false
	for _, t := range tags {
		t = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(t), "_", "-"))
		if t == "" || len(t) > 35 {
			continue
		}
		parts := strings.Split(t, "-")
		region := ""
		if len(parts) > 1 && len(parts[len(parts)-1]) == 2 {
			region = parts[len(parts)-1]
		}
		if monthFirstRegions[region] {
			return false
		}
		if region != "" || parts[0] != "en" {
			known = true
		}
	}
	return known
}
