package related

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/corpus"
)

// maxLabel is the longest text the audit reads as a heading.
const maxLabel = 60

// TestRuleAudit prints, for every class stem, chrome word and heading
// phrase of the related-links finder, the number of corpus sites it fires
// on, and lists those that fire on exactly one:
// TREAD_AUDIT=1 go test -run RuleAudit -v ./extract/related/
func TestRuleAudit(t *testing.T) {
	tables := map[string][]string{
		"relatedStems": relatedStems, "moreStems": moreStems, "adStems": adStems,
		"relatedPhrases": relatedPhrases, "morePhrases": morePhrases,
		"chromeWords": setKeys(chromeWords), "relatedPairs": pairKeys(relatedPairs),
		"morePairs": pairKeys(morePairs), "chromePairs": pairKeys(chromePairs),
	}
	corpus.Audit(t, tables, func(_ corpus.Page, raw []byte, fire func(table, entry string)) error {
		doc, err := parsePage(raw)
		if err != nil {
			return err
		}
		for _, n := range doc.Nodes {
			auditNode(n, fire)
		}
		return nil
	})
}

// auditNode reports the table entries that fire on the elements under n:
// the words of their naming attributes, and their text when it is short
// enough to be a heading.
func auditNode(n *html.Node, fire func(table, entry string)) {
	if n.Type == html.ElementNode {
		ws := attrWords(n)
		for i, w := range ws {
			for table, stems := range map[string][]string{"relatedStems": relatedStems, "moreStems": moreStems, "adStems": adStems} {
				for _, s := range stems {
					if len(w) >= 6 && strings.Contains(w, s) {
						fire(table, s)
					}
				}
			}
			if chromeWords[w] {
				fire("chromeWords", w)
			}
			if i+1 < len(ws) {
				for table, pairs := range map[string][][2]string{"relatedPairs": relatedPairs, "morePairs": morePairs, "chromePairs": chromePairs} {
					if pairIn(w, ws[i+1], pairs) {
						fire(table, w+" "+ws[i+1])
					}
				}
			}
		}
		if text := shortText(n); text != "" {
			t := strings.TrimPrefix(strings.TrimLeft(strings.ToLower(text), " \t:•·-–—|»›>#*"), "the ")
			for table, phrases := range map[string][]string{"relatedPhrases": relatedPhrases, "morePhrases": morePhrases} {
				for _, p := range phrases {
					if opens(t, []string{p}) {
						fire(table, p)
					}
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		auditNode(c, fire)
	}
}

// shortText is the text of an element whose children are all text, when
// it is short enough to be a heading.
func shortText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return ""
		}
		b.WriteString(c.Data)
	}
	s := strings.TrimSpace(b.String())
	if len(s) > maxLabel {
		return ""
	}
	return s
}

func setKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func pairKeys(ps [][2]string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p[0] + " " + p[1]
	}
	return out
}
