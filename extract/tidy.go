package extract

import (
	"strings"
	"unicode"

	"github.com/tread-reader/tread/story"
)

// boilerLines are whole paragraphs that label chrome rather than say
// anything: ad slot labels, continuation prompts.
var boilerLines = map[string]bool{
	"advertisement": true, "advertisement:": true, "ad": true, "ads": true,
	"sponsored": true, "story continues below advertisement": true,
	"article continues below advertisement": true, "continue reading below": true,
	"scroll to continue with content": true, "advertisement - scroll to continue": true,
	"story continues below": true, "article continues below": true,
	"continue reading the main story": true, "skip advertisement": true,
	"share": true, "share this:": true, "share this article": true, "share this": true,
	"click to share on facebook": true, "click to share on twitter": true,
	"loading...": true, "loading": true, "related": true, "related:": true,
	"read more": true, "read more:": true, "see also": true, "recommended": true,
	"you may also like": true, "more from": true, "comments": true, "print": true,
	"close": true, "caption": true, "getty": true, "getty images": true, "photo": true,
	"enlarge this image": true, "toggle caption": true, "hide caption": true,
	"expand": true, "view gallery": true, "loading content ...": true, "subscribe": true,
	"advert": true, "don't miss": true, "more:": true, "also read:": true, "also read": true,
	"read more here": true, "watch:": true, "listen:": true,
}

// promoPhrases mark a short paragraph as a call to subscribe, follow or
// share rather than part of the story.
var promoPhrases = []string{"newsletter", "subscribe to", "sign up for", "sign up to",
	"follow us on", "share it with", "give us feedback", "have a tip?", "in your inbox",
	"to your inbox", "click here to subscribe", "join our", "like us on facebook",
	"download our app", "download the app", "turn on notifications"}

// datelinePrefixes start the publication stamps printed beside a body.
var datelinePrefixes = []string{"published", "updated", "last updated", "first published",
	"posted on", "posted:", "updated:", "published:", "reading time", "tempo de leitura"}

// isPromo reports whether a short paragraph is a promotion or a date stamp.
func isPromo(f string) bool {
	if f == "" || len(f) > 200 {
		return false
	}
	for _, p := range promoPhrases {
		if strings.Contains(f, p) {
			return true
		}
	}
	if len(f) < 100 {
		for _, p := range datelinePrefixes {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	return false
}

// isNumberScrap reports whether a paragraph is a bare count or a page
// number: a few characters without a letter.
func isNumberScrap(f string) bool {
	if f == "" || len(f) > 6 {
		return false
	}
	for _, r := range f {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// creditPrefixes start the picture credits that sit loose in the text.
var creditPrefixes = []string{"photo:", "photo by", "image:", "picture:", "credit:", "©",
	"(photo", "photograph:", "source:", "image credit", "photo credit", "getty images"}

// isCredit reports whether a short paragraph is a picture credit.
func isCredit(f string) bool {
	if len(f) > 80 {
		return false
	}
	for _, p := range creditPrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// isURL reports whether a paragraph is nothing but an address.
func isURL(f string) bool {
	return !strings.ContainsAny(f, " \n") && (strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www."))
}

// tidy drops what a reader should not see in the body: the headline and
// anything above the first paragraph that repeats it, chrome labels, and
// headings left with nothing under them.
func tidy(blocks []story.Block, title string) []story.Block {
	out := blocks[:0]
	lead := true
	ft := fold(title)
	for k, b := range blocks {
		f := ""
		if len(b.Text) <= max(len(title)+100, 250) {
			// Only short texts can be the headline, a label or a credit.
			f = fold(b.Text)
		}
		if (lead || k < 8) && ft != "" && f == ft {
			continue
		}
		if b.Kind == story.Paragraph && (isCredit(f) || isURL(f) || isPromo(f) || isNumberScrap(f)) {
			continue
		}
		if lead && b.Kind == story.Heading && b.Level == 1 {
			continue
		}
		if b.Kind != story.Image && b.Kind != story.List && b.Kind != story.Table && boilerLines[f] {
			continue
		}
		if b.Kind == story.Paragraph || b.Kind == story.List || b.Kind == story.Quote {
			lead = false
		}
		out = append(out, b)
	}
	for len(out) > 0 && out[len(out)-1].Kind == story.Heading {
		out = out[:len(out)-1]
	}
	return out
}

// fold lowercases and collapses white space, for comparing short texts.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
