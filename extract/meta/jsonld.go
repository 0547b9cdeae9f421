package meta

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Bounds on hostile JSON-LD: a page may carry megabytes of script or nest
// objects thousands deep; neither may cost more than a bounded amount of work.
const (
	maxLDBytes   = 2 << 20 // per script
	maxLDTotal   = 4 << 20 // all scripts together
	maxLDScripts = 64
	maxLDDepth   = 24
	maxLDNodes   = 20000
)

// parseLD decodes one JSON-LD script leniently: comment and CDATA wrappers,
// raw control characters inside strings, trailing commas and several values
// in a row are all things real pages ship.
func parseLD(src string) []any {
	if len(src) > maxLDBytes {
		return nil
	}
	s := unwrapLD(src)
	if s == "" {
		return nil
	}
	vals, err := decodeAll([]byte(s))
	if err == nil {
		return vals
	}
	fixed := repairJSON(s)
	vals2, err2 := decodeAll(fixed)
	if err2 == nil || len(vals2) > len(vals) {
		return vals2
	}
	return vals
}

// unwrapLD strips the HTML comment and CDATA wrappers some CMSs put around
// script contents so that old browsers would not print them.
func unwrapLD(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	for range 4 {
		before := s
		for _, p := range []string{"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["} {
			s = strings.TrimSpace(strings.TrimPrefix(s, p))
		}
		for _, p := range []string{"-->", "//]]>", "/*]]>*/", "]]>", "//"} {
			s = strings.TrimSpace(strings.TrimSuffix(s, p))
		}
		if s == before {
			break
		}
	}
	return s
}

// decodeAll reads every JSON value in b, in order, stopping at the first
// error; values read before it are kept.
func decodeAll(b []byte) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var out []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, v)
		// A stray separator between values (`{…};` or `{…},{…}`) is skipped.
		rest := b[dec.InputOffset():]
		trimmed := bytes.TrimLeft(rest, " \t\r\n;,")
		if len(trimmed) != len(rest) {
			dec = json.NewDecoder(bytes.NewReader(trimmed))
			b = trimmed
		}
	}
}

// repairJSON fixes the common ways hand-written JSON-LD breaks: control
// characters inside strings become spaces, invalid escapes lose their
// backslash, and commas before a closing bracket are dropped.
func repairJSON(s string) []byte {
	out := make([]byte, 0, len(s))
	inStr := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case c == '\\' && i+1 < len(s):
				n := s[i+1]
				if strings.IndexByte(`"\/bfnrtu`, n) >= 0 {
					out = append(out, c, n)
				} else {
					out = append(out, n)
				}
				i++
			case c == '"':
				inStr = false
				out = append(out, c)
			case c < 0x20:
				out = append(out, ' ')
			default:
				out = append(out, c)
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
			out = append(out, c)
		case c == ',':
			j := i + 1
			for j < len(s) && isJSONSpace(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				continue
			}
			out = append(out, c)
		case c < 0x20 && !isJSONSpace(c):
			out = append(out, ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ldGraph is every typed object found in a page's JSON-LD, in document
// order, with an index by @id so references ({"@id": …}) can be followed.
type ldGraph struct {
	objs  []map[string]any
	byID  map[string]map[string]any
	nodes int
}

func (g *ldGraph) add(v any, depth int) {
	if depth > maxLDDepth || g.nodes > maxLDNodes {
		return
	}
	g.nodes++
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			g.add(e, depth+1)
		}
	case map[string]any:
		if id, ok := x["@id"].(string); ok && id != "" && len(x) > 1 {
			if g.byID == nil {
				g.byID = map[string]map[string]any{}
			}
			if old, ok := g.byID[id]; !ok || len(x) > len(old) {
				g.byID[id] = x
			}
		}
		if _, ok := x["@type"]; ok {
			g.objs = append(g.objs, x)
		}
		for k, e := range x {
			switch e.(type) {
			case []any, map[string]any:
				if k != "@context" {
					g.add(e, depth+1)
				}
			}
		}
	}
}

// resolve follows an {"@id": …} reference to the full object when the page
// defines it elsewhere.
func (g *ldGraph) resolve(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	id, ok := m["@id"].(string)
	if !ok {
		return v
	}
	if full, ok := g.byID[id]; ok && len(full) >= len(m) {
		return full
	}
	return v
}

// ldTypes lists an object's @type values without their vocabulary prefix.
func ldTypes(m map[string]any) []string {
	var out []string
	add := func(s string) {
		if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
			s = s[i+1:]
		}
		if s != "" {
			out = append(out, s)
		}
	}
	switch t := m["@type"].(type) {
	case string:
		add(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				add(s)
			}
		}
	}
	return out
}

// hasType reports whether any of m's types satisfies f.
func hasType(m map[string]any, f func(string) bool) bool {
	for _, t := range ldTypes(m) {
		if f(t) {
			return true
		}
	}
	return false
}

func isArticleType(t string) bool {
	return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report"
}

func isPageType(t string) bool {
	return strings.HasSuffix(t, "WebPage") || t == "ItemPage" || t == "QAPage" || t == "FAQPage"
}

func isPersonType(t string) bool { return t == "Person" }

func isOrgType(t string) bool {
	return strings.HasSuffix(t, "Organization") || t == "Corporation" || t == "NewsMediaOrganization" ||
		t == "LocalBusiness" || t == "WebSite" || t == "Brand"
}

// ldString is a field's text: a string, the first string of an array, or the
// name/@value of an object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "name"} {
			if s, ok := x[k].(string); ok {
				return s
			}
		}
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
	}
	return ""
}

// ldURL is a URL-valued field: a string, or an object's url/@id/contentUrl,
// or the first of an array.
func (g *ldGraph) ldURL(v any) string {
	switch x := g.resolve(v).(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := g.ldURL(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s := ldString(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldAgent is an author or publisher as JSON-LD gives it.
type ldAgent struct {
	Name   string
	Person bool // typed Person, or a bare string we cannot tell
	Org    bool
}

// ldAgents reads an author/creator/publisher field: a name, an object, a
// reference, or an array of any of them.
func (g *ldGraph) ldAgents(v any, depth int) []ldAgent {
	if depth > 4 {
		return nil
	}
	switch x := g.resolve(v).(type) {
	case string:
		return []ldAgent{{Name: x}}
	case []any:
		var out []ldAgent
		for _, e := range x {
			out = append(out, g.ldAgents(e, depth+1)...)
		}
		return out
	case map[string]any:
		name := ldString(x["name"])
		if name == "" {
			given, family := ldString(x["givenName"]), ldString(x["familyName"])
			name = strings.TrimSpace(given + " " + family)
		}
		if name == "" {
			return nil
		}
		return []ldAgent{{Name: name, Person: hasType(x, isPersonType), Org: hasType(x, isOrgType)}}
	}
	return nil
}
