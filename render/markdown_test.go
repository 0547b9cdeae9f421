package render

import (
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/story"
)

func TestMarkdownGolden(t *testing.T) {
	tests := []struct {
		name string
		s    story.Story
	}{
		{"kitchen", kitchenSink()},
		{"escaping", escapingStory()},
		{"cjk", cjkStory()},
		{"emoji", emojiStory()},
		{"partial", story.Story{Title: "Page with no clear article", Partial: true, Body: []story.Block{{Text: "Some text."}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "markdown-"+tt.name+".md", Markdown(tt.s))
		})
	}
}

func TestMetaLine(t *testing.T) {
	when := time.Date(2024, 11, 5, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		s    story.Story
		want string
	}{
		{"nothing", story.Story{}, ""},
		{"site only", story.Story{Site: "Valley News"}, "Valley News"},
		{"byline only", story.Story{Byline: "By Ira Fenn"}, "By Ira Fenn"},
		{"age only", story.Story{Age: "8 hours ago"}, "8 hours ago"},
		{"site and age", story.Story{Site: "Valley News", Age: "45 minutes ago"}, "Valley News · 45 minutes ago"},
		{"all three", story.Story{Site: "Valley News", Byline: "By Ira Fenn", Age: "2 weeks ago"}, "Valley News · By Ira Fenn · 2 weeks ago"},
		{"published stands in for age", story.Story{Site: "Valley News", Published: when}, "Valley News · 5 Nov 2024"},
		{"age wins over published", story.Story{Age: "1 day ago", Published: when}, "1 day ago"},
		{"published only", story.Story{Published: when}, "5 Nov 2024"},
		{"blank parts skipped", story.Story{Site: "  ", Byline: "\t", Age: "3 hours ago"}, "3 hours ago"},
		{"whitespace collapsed", story.Story{Site: "Valley\n  News", Byline: "By\tIra   Fenn"}, "Valley News · By Ira Fenn"},
		{"controls stripped", story.Story{Site: "Valley\x1b[2J News\x07", Age: "\x1b]0;x\x07now"}, "Valley News · now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MetaLine(tt.s); got != tt.want {
				t.Errorf("MetaLine = %q, want %q", got, tt.want)
			}
		})
	}
}

// The meta line is emphasised in the markdown, with its text escaped.
func TestMarkdownMetaLine(t *testing.T) {
	s := story.Story{Title: "T", Site: "Two_Rivers *Daily*", Age: "now"}
	want := "# T\n\n*Two\\_Rivers \\*Daily\\* · now*\n"
	if got := Markdown(s); got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}

func TestDataURIsDropped(t *testing.T) {
	md := Markdown(kitchenSink())
	if strings.Contains(strings.ToLower(md), "data:") || strings.Contains(md, "base64") {
		t.Errorf("markdown keeps a data: URI:\n%s", md)
	}
	for _, want := range []string{"*Image: Chart of turnout*", "A map was attached and a file too."} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestBlockMarkdown(t *testing.T) {
	tests := []struct {
		name string
		bl   story.Block
		want string
	}{
		{"heading level kept below the headline", story.Block{Kind: story.Heading, Level: 1, Text: "Top"}, "## Top"},
		{"heading level capped", story.Block{Kind: story.Heading, Level: 9, Text: "Deep"}, "###### Deep"},
		{"heading MD gets the block's level", story.Block{Kind: story.Heading, Level: 3, MD: "# Hello *you*"}, "### Hello *you*"},
		{"heading MD keeps a hashtag", story.Block{Kind: story.Heading, Level: 2, MD: "#tread wins"}, "## #tread wins"},
		{"empty heading dropped", story.Block{Kind: story.Heading, Level: 2, Text: " "}, ""},
		{"caption MD emphasised", story.Block{Kind: story.Caption, MD: "Photo: [Ann](https://a.example)"}, "*Photo: [Ann](https://a.example)*"},
		{"quote MD gets markers", story.Block{Kind: story.Quote, MD: "Said *so*.\nTwice."}, "> Said *so*.\n> Twice."},
		{"quote MD with markers kept", story.Block{Kind: story.Quote, MD: "> Already"}, "> Already"},
		{"ordered list", story.Block{Kind: story.List, Ordered: true, Items: []string{"a", "", "b"}}, "1. a\n2. b"},
		{"list from text", story.Block{Kind: story.List, Text: "x\ny"}, "- x\n- y"},
		{"code keeps indentation, expands tabs", story.Block{Kind: story.Code, Text: "\n  if x {\n\treturn\n  }\n"}, "```\n  if x {\n    return\n  }\n```"},
		{"code fence outgrows backticks", story.Block{Kind: story.Code, Text: "a ``` b"}, "````\na ``` b\n````"},
		{"code language hint", story.Block{Kind: story.Code, Text: "x", URL: "go"}, "```go\nx\n```"},
		{"code bad language hint dropped", story.Block{Kind: story.Code, Text: "x", URL: "go ```"}, "```\nx\n```"},
		{"empty code dropped", story.Block{Kind: story.Code, Text: "\n\n"}, ""},
		{"image", story.Block{Kind: story.Image, Text: "A cat", URL: "https://i.example/a b.png"}, "*Image: A cat* <https://i.example/a%20b.png>"},
		{"video", story.Block{Kind: story.Media, Text: "Video: The *beam*", URL: "https://v.example/b.mp4"}, "*Video: The \\*beam\\** <https://v.example/b.mp4>"},
		{"media without address dropped", story.Block{Kind: story.Media, Text: "Video"}, ""},
		{"image without alt", story.Block{Kind: story.Image, URL: "https://i.example/c.png"}, "*Image* <https://i.example/c.png>"},
		{"image with placeholder alt", story.Block{Kind: story.Image, Text: "image", URL: "https://i.example/c.png"}, "*Image* <https://i.example/c.png>"},
		{"image with file name alt", story.Block{Kind: story.Image, Text: "abc_123.jpg", URL: "https://i.example/c.png"}, "*Image* <https://i.example/c.png>"},
		{"placeholder alt without link dropped", story.Block{Kind: story.Image, Text: "Photo", URL: "/c.png"}, ""},
		{"relative image keeps its alt", story.Block{Kind: story.Image, Text: "Map", URL: "/img/map.png"}, "*Image: Map*"},
		{"data image with alt keeps alt", story.Block{Kind: story.Image, Text: "Chart", URL: "DATA:image/png;base64,AAAA"}, "*Image: Chart*"},
		{"data image without alt dropped", story.Block{Kind: story.Image, URL: "data:image/png;base64,AAAA"}, ""},
		{"image MD ignored", story.Block{Kind: story.Image, Text: "A", URL: "https://i.example/a.png", MD: "![A](data:image/png;base64,AAAA)"}, "*Image: A* <https://i.example/a.png>"},
		{"embed", story.Block{Kind: story.Embed, Text: "Big news!\nMore soon.", URL: "https://s.example/p/1"}, "> Big news\\! More soon.\n\n— <https://s.example/p/1>"},
		{"embed without link", story.Block{Kind: story.Embed, Text: "Hi"}, "> Hi"},
		{"embed link only", story.Block{Kind: story.Embed, URL: "https://s.example/p/2"}, "— <https://s.example/p/2>"},
		{"quote paragraphs", story.Block{Kind: story.Quote, Text: "One\nline.\n\n  - Two"}, "> One line.\n> \n> \\- Two"},
		{"table pads short rows", story.Block{Kind: story.Table, Rows: [][]string{{"h1", "h2"}, {"x"}}}, "| h1 | h2 |\n| --- | --- |\n| x |  |"},
		{"empty table dropped", story.Block{Kind: story.Table, Rows: [][]string{{}}}, ""},
		{"paragraph MD as is", story.Block{MD: "A [link](https://l.example) and **bold**."}, "A [link](https://l.example) and **bold**."},
		{"paragraph tabs become spaces", story.Block{Text: "a\tb"}, "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := blockMarkdown(tt.bl); got != tt.want {
				t.Errorf("blockMarkdown = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEscapeLineStart(t *testing.T) {
	tests := map[string]string{
		"":                                       "",
		"-":                                      "\\-",
		"- item":                                 "\\- item",
		"--- rule":                               "\\--- rule",
		"-dash":                                  "-dash",
		"+ plus":                                 "\\+ plus",
		"=== under":                              "&#61;== under",
		": def":                                  "&#58; def",
		"::x":                                    "&#58;:x",
		"1. one":                                 "1\\. one",
		"12) twelve":                             "12\\) twelve",
		"1.5 million":                            "1.5 million",
		"2024.":                                  "2024\\.",
		"1234567890. too long for a list marker": "1234567890. too long for a list marker",
		"plain":                                  "plain",
	}
	for in, want := range tests {
		if got := escapeLineStart(in); got != want {
			t.Errorf("escapeLineStart(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropDataURIs(t *testing.T) {
	tests := map[string]string{
		"no uris here":                                   "no uris here",
		"![alt](data:image/png;base64,AAA=)":             "",
		"see [file](data:text/plain,hi) now":             "see file now",
		"x <data:text/plain,hi> y":                       "x y",
		"![keep](https://i.example/a.png)":               "![keep](https://i.example/a.png)",
		"[a \\] b](DATA:x) c":                            "a \\] b c",
		"talk about data: it is not a link":              "talk about data: it is not a link",
		"![a](data:x) and ![b](https://b.example/b.png)": "and ![b](https://b.example/b.png)",
	}
	for in, want := range tests {
		if got := dropDataURIs(in); got != want {
			t.Errorf("dropDataURIs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlaceholderAlt(t *testing.T) {
	for alt, want := range map[string]bool{
		"":                                       true,
		"  ":                                     true,
		"image":                                  true,
		"Image.":                                 true,
		"IMG":                                    true,
		"photo 3":                                true,
		"Picture_12":                             true,
		"graphic":                                true,
		"abc_123.jpg":                            true,
		"Harbour-Wall.JPEG":                      true,
		"hero.webp":                              true,
		"IMG_2041":                               true,
		"DSC01234":                               true,
		"GettyImages-1234567":                    true,
		"shutterstock_1234567890":                true,
		"9f86d081884c7d659a2feaa0":               true,
		"A cat":                                  false,
		"Photo of the harbour wall at dawn":      false,
		"Picture this: a town without its ferry": false,
		"A380":                                   false,
		"Boeing 747":                             false,
		"Map of the estuary.png and tide times":  false,
		"Figure 1: turnout by ward":              false,
	} {
		if got := placeholderAlt(alt); got != want {
			t.Errorf("placeholderAlt(%q) = %v, want %v", alt, got, want)
		}
	}
}
