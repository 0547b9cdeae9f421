package extract

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/extract/internal/wordsplit"
	"github.com/tread-reader/tread/extract/meta"
	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// auditTables lists every entry of the rule tables the audit covers, by
// table name.
func auditTables() map[string][]string {
	keys := func(m map[string]bool) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out
	}
	var hints, pairs []string
	for k := range tokenHints {
		hints = append(hints, k)
	}
	for k := range pairHints {
		pairs = append(pairs, k[0]+" "+k[1])
	}
	return map[string][]string{
		"tokenHints": hints, "pairHints": pairs, "strongPrefixes": strongPrefixes,
		"hiddenClasses": keys(hiddenClasses), "boilerLines": keys(boilerLines),
		"promoPhrases": promoPhrases, "datelinePrefixes": datelinePrefixes,
		"pictureAgencies": pictureAgencies, "creditSuffixes": creditSuffixes,
		"appealPhrases": appealPhrases,
	}
}

// auditPage records which table entries fire on one page: the class and id
// words of its elements, and the paragraphs and headings of its body
// before tidy judges them.
func auditPage(fire func(table, entry string), root *html.Node, pageURL string) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "class" || a.Key == "id" {
					auditClass(fire, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	m := meta.Extract(goquery.NewDocumentFromNode(root), pageURL)
	t := buildTree(root)
	t.urls = newResolver(baseHref(root), pageURL, m.URL)
	e := emitter{t: t}
	e.children(t.body(m.ArticleBody))
	e.flush()
	for _, b := range e.blocks {
		if len(b.Text) > 300 {
			continue
		}
		auditBlock(fire, b.Block, fold(b.Text))
	}
}

func auditClass(fire func(table, entry string), class string) {
	for _, w := range strings.Fields(strings.ToLower(class)) {
		if hiddenClasses[w] {
			fire("hiddenClasses", w)
		}
	}
	prev := ""
	for sc := wordsplit.New(class); sc.Next(); {
		w := sc.Word()
		if _, ok := tokenHints[w]; ok {
			fire("tokenHints", w)
		} else if len(w) > 5 {
			for _, p := range strongPrefixes {
				if strings.HasPrefix(w, p) {
					fire("strongPrefixes", p)
				}
			}
		}
		if sc.Joined() {
			if _, ok := pairHints[[2]string{prev, w}]; ok {
				fire("pairHints", prev+" "+w)
			}
		}
		prev = w
	}
}

func auditBlock(fire func(table, entry string), b story.Block, f string) {
	if f == "" {
		return
	}
	for k := range boilerLines {
		if boilerKey(k) == boilerKey(f) && b.Kind != story.Image && b.Kind != story.List && b.Kind != story.Table {
			fire("boilerLines", k)
		}
	}
	if b.Kind == story.Heading && addressesReader(f) {
		for _, p := range appealPhrases {
			if strings.Contains(f, p) {
				fire("appealPhrases", p)
			}
		}
	}
	if b.Kind != story.Paragraph {
		return
	}
	if len(f) <= 200 && addressesReader(f) {
		for _, p := range promoPhrases {
			if strings.Contains(f, p) {
				fire("promoPhrases", p)
			}
		}
	}
	for _, p := range datelinePrefixes {
		if len(f) < 100 && strings.HasPrefix(f, p) {
			fire("datelinePrefixes", p)
		}
	}
	if a := agencyCredit(f); a != "" && len(f) <= 150 {
		fire("pictureAgencies", a)
	}
	for _, p := range creditSuffixes {
		if len(f) <= 150 && strings.HasSuffix(f, p) {
			fire("creditSuffixes", p)
		}
	}
}

// TestRuleAudit prints, for every entry of the extractor's rule tables, the
// number of corpus sites it fires on, and lists the entries that fire on
// exactly one: TREAD_AUDIT=1 go test -run RuleAudit -v ./extract/
func TestRuleAudit(t *testing.T) {
	corpus.Audit(t, auditTables(), func(p corpus.Page, raw []byte, fire func(table, entry string)) error {
		root, err := parse(intake.HTML(raw, ""))
		if err != nil {
			return err
		}
		auditPage(fire, root, p.URL)
		return nil
	})
}
