package library

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search. The user's words never reach SQLite as
// syntax: each becomes a quoted FTS5 string, and the filters become SQL
// parameters, so nothing typed can make a query fail in SQLite.
//
// Syntax: words, all of which must match (word* matches a prefix);
// "an exact phrase"; -word or -"a phrase" to leave pages out; site:NAME
// (publisher or host); by:NAME (byline); after:YYYY-MM-DD and
// before:YYYY-MM-DD (the page's date: published, else saved; both ends
// exclusive); is:unread, is:read, is:starred. Case and accents are
// ignored.
type Query struct {
	match   []string // FTS5 terms that must all match
	exclude []string // FTS5 terms none of which may match
	after   time.Time
	before  time.Time
	unread  bool
	read    bool
	starred bool
}

// ErrQuery marks a query that cannot be understood.
var ErrQuery = errors.New("bad query")

// maxTerms bounds a query's words and filters: FTS5 nests its expression,
// and a pasted page of text is not a search.
const maxTerms = 64

// maxTermBytes bounds one word or phrase; longer ones are cut.
const maxTermBytes = 1024

// ParseQuery reads a query typed by the user. Its errors are one line,
// wrapping ErrQuery.
func ParseQuery(s string) (Query, error) {
	var q Query
	bad := func(format string, args ...any) (Query, error) {
		return Query{}, fmt.Errorf("%w: %s", ErrQuery, fmt.Sprintf(format, args...))
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	terms := 0
	for rest := strings.TrimSpace(s); rest != ""; rest = strings.TrimLeftFunc(rest, unicode.IsSpace) {
		if terms++; terms > maxTerms {
			return bad("more than %d words", maxTerms)
		}
		neg := false
		if len(rest) > 1 && rest[0] == '-' {
			neg, rest = true, rest[1:]
		}
		field := ""
		if name, value, ok := strings.Cut(rest, ":"); ok && isField(name) && value != "" && !unicode.IsSpace(rune(value[0])) {
			field, rest = strings.ToLower(name), value
		}
		var word string
		var phrase bool
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return bad("a quote (\") is not closed")
			}
			word, rest, phrase = rest[1:1+end], rest[2+end:], true
		} else {
			end := strings.IndexFunc(rest, unicode.IsSpace)
			if end < 0 {
				end = len(rest)
			}
			word, rest = rest[:end], rest[end:]
		}
		switch field {
		case "after", "before":
			d, err := time.Parse("2006-01-02", word)
			if err != nil || neg {
				return bad("%s: wants a date as YYYY-MM-DD, not %q", field, clip(word))
			}
			if field == "after" {
				q.after = d.AddDate(0, 0, 1)
			} else {
				q.before = d
			}
			continue
		case "is":
			switch strings.ToLower(word) {
			case "unread":
				q.unread = !neg
				q.read = neg
			case "read":
				q.read = !neg
				q.unread = neg
			case "starred":
				if neg {
					return bad("-is:starred is not supported")
				}
				q.starred = true
			default:
				return bad("is: takes unread, read or starred, not %q", clip(word))
			}
			continue
		}
		term, ok, err := ftsTerm(word, phrase)
		if err != nil {
			return bad("%v", err)
		}
		if !ok {
			continue // nothing searchable in it: punctuation alone
		}
		switch field {
		case "site":
			term = "{site} : " + term
		case "by":
			term = "{byline} : " + term
		}
		if neg {
			q.exclude = append(q.exclude, term)
		} else {
			q.match = append(q.match, term)
		}
	}
	if q.empty() {
		return bad("nothing to search for")
	}
	return q, nil
}

func (q Query) empty() bool {
	return len(q.match) == 0 && len(q.exclude) == 0 && q.after.IsZero() && q.before.IsZero() &&
		!q.unread && !q.read && !q.starred
}

func isField(name string) bool {
	switch strings.ToLower(name) {
	case "site", "by", "after", "before", "is":
		return true
	}
	return false
}

// clip shortens a piece of a query for an error message.
func clip(s string) string {
	if len(s) > 40 {
		for i := 40; i > 0; i-- {
			if utf8.RuneStart(s[i]) {
				return s[:i] + "…"
			}
		}
	}
	return s
}

// ftsTerm is word as an FTS5 string: quoted, its quotes doubled, its CJK
// characters spaced apart as the index spaces them, and a trailing * (not
// in a phrase) made a prefix search. ok is false when word has no letter
// or digit, which FTS5 would find nothing for; a prefix of one letter is
// an error (it stands for most words of a language).
func ftsTerm(word string, phrase bool) (term string, ok bool, err error) {
	prefix := false
	if !phrase {
		trimmed := strings.TrimRight(word, "*")
		prefix = trimmed != word
		word = trimmed
	}
	if len(word) > maxTermBytes {
		word = strings.ToValidUTF8(word[:maxTermBytes], "")
	}
	if strings.IndexFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return "", false, nil
	}
	if prefix && utf8.RuneCountInString(word) < 2 && !hasCJK(word) {
		return "", false, fmt.Errorf("a prefix needs two letters or more, not %q", word+"*")
	}
	term = `"` + strings.ReplaceAll(segment(word), `"`, `""`) + `"`
	if prefix {
		term += "*"
	}
	return term, true, nil
}

// expr is the FTS5 expression of the query's words: "" when it has none
// that must match (exclusions alone are a NOT IN filter, see Search).
func (q Query) expr() string {
	if len(q.match) == 0 {
		return ""
	}
	e := strings.Join(q.match, " AND ")
	if len(q.exclude) > 0 {
		e = "(" + e + ") NOT (" + strings.Join(q.exclude, " OR ") + ")"
	}
	return e
}
