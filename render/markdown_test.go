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
		{"summary", story.Story{Title: "Feed item with a summary", Partial: true, Summary: true, URL: "https://news.example/a", Body: []story.Block{{Text: "Only the first lines."}}}},
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
		{"footnote mark as a superscript", story.NewBlock(story.Paragraph, run("low tide"), story.Styled(story.Sup, run("12")), run(", so")), "low tide¹², so"},
		{"letter mark in brackets", story.NewBlock(story.Paragraph, run("a claim"), story.Styled(story.Sup, run("b"))), "a claim\\[b\\]"},
		{"linked mark keeps its link", story.NewBlock(story.Paragraph, run("cited"), story.Styled(story.Sup, link("https://src.example/1", run("1")))), "cited\\[[1](https://src.example/1)\\]"},
		{"heading level kept below the headline", story.Block{Kind: story.Heading, Level: 1, Text: "Top"}, "## Top"},
		{"heading level capped", story.Block{Kind: story.Heading, Level: 9, Text: "Deep"}, "###### Deep"},
		{"heading gets the block's level", withLevel(story.NewBlock(story.Heading, run("Hello "), em(run("you"))), 3), "### Hello *you*"},
		{"heading escapes a hashtag", withLevel(story.NewBlock(story.Heading, run("#tread wins")), 2), "## \\#tread wins"},
		{"empty heading dropped", story.Block{Kind: story.Heading, Level: 2, Text: " "}, ""},
		{"caption emphasised", story.NewBlock(story.Caption, run("Photo: "), link("https://a.example", run("Ann"))), "_Photo: [Ann](https://a.example)_"},
		{"caption line by line", story.NewBlock(story.Caption, em(run("One\nTwo"))), "_*One*_\n_*Two*_"},
		{"quote of paragraphs", story.Block{Kind: story.Quote, Blocks: []story.Block{story.NewBlock(story.Paragraph, run("Said "), em(run("so")), run(".")), story.NewBlock(story.Paragraph, run("Twice."))}},
			"> Said *so*.\n>\n> Twice."},
		{"ordered list", story.Block{Kind: story.List, Ordered: true, Items: []string{"a", "", "b"}}, "1. a\n2. b"},
		{"list from text", story.Block{Kind: story.List, Text: "x\ny"}, "- x\n- y"},
		{"code keeps indentation, expands tabs", story.Block{Kind: story.Code, Text: "\n  if x {\n\treturn\n  }\n"}, "```\n  if x {\n    return\n  }\n```"},
		{"code fence outgrows backticks", story.Block{Kind: story.Code, Text: "a ``` b"}, "````\na ``` b\n````"},
		{"code language hint", story.Block{Kind: story.Code, Text: "x", URL: "go"}, "```go\nx\n```"},
		{"code bad language hint dropped", story.Block{Kind: story.Code, Text: "x", URL: "go ```"}, "```\nx\n```"},
		{"empty code dropped", story.Block{Kind: story.Code, Text: "\n\n"}, ""},
		{"image", story.Block{Kind: story.Image, Text: "A cat", URL: "https://i.example/a b.png"}, "*Image: A cat* <https://i.example/a%20b.png>"},
		{"image with an unsafe URL keeps its alt", story.Block{Kind: story.Image, Text: "A cat", URL: "https://i.example/\x1b]0;x\x07.png"}, "*Image: A cat*"},
		{"video", story.Block{Kind: story.Media, Text: "Video: The *beam*", URL: "https://v.example/b.mp4"}, "*Video: The \\*beam\\** <https://v.example/b.mp4>"},
		{"media without address dropped", story.Block{Kind: story.Media, Text: "Video"}, ""},
		{"image without alt", story.Block{Kind: story.Image, URL: "https://i.example/c.png"}, "*Image: c.png* <https://i.example/c.png>"},
		{"image with placeholder alt", story.Block{Kind: story.Image, Text: "image", URL: "https://i.example/c.png"}, "*Image: c.png* <https://i.example/c.png>"},
		{"image with file name alt", story.Block{Kind: story.Image, Text: "abc_123.jpg", URL: "https://i.example/a/c%20d.png?w=300"}, "*Image: c d.png* <https://i.example/a/c%20d.png?w=300>"},
		{"image at a bare host", story.Block{Kind: story.Image, URL: "https://i.example/"}, "*Image* <https://i.example/>"},
		{"image file name cut and escaped", story.Block{Kind: story.Image, URL: "https://i.example/" + strings.Repeat("a", 60) + "_[x].png"}, "*Image: " + strings.Repeat("a", 47) + "…* <https://i.example/" + strings.Repeat("a", 60) + "_[x].png>"},
		{"image file name with an escape", story.Block{Kind: story.Image, URL: "https://i.example/%1B%5D0%3Bx%07*b*.png"}, "*Image: \\*b\\*.png* <https://i.example/%1B%5D0%3Bx%07*b*.png>"},
		{"placeholder alt without link dropped", story.Block{Kind: story.Image, Text: "Photo", URL: "/c.png"}, ""},
		{"relative image keeps its alt", story.Block{Kind: story.Image, Text: "Map", URL: "/img/map.png"}, "*Image: Map*"},
		{"data image with alt keeps alt", story.Block{Kind: story.Image, Text: "Chart", URL: "DATA:image/png;base64,AAAA"}, "*Image: Chart*"},
		{"data image without alt dropped", story.Block{Kind: story.Image, URL: "data:image/png;base64,AAAA"}, ""},
		{"embed", story.Block{Kind: story.Embed, Text: "Big news!\nMore soon.", URL: "https://s.example/p/1"}, "> Big news\\! More soon.\n\n— <https://s.example/p/1>"},
		{"embed without link", story.Block{Kind: story.Embed, Text: "Hi"}, "> Hi"},
		{"embed link only", story.Block{Kind: story.Embed, URL: "https://s.example/p/2"}, "— <https://s.example/p/2>"},
		{"quote paragraphs", story.Block{Kind: story.Quote, Text: "One\nline.\n\n  - Two"}, "> One line.\n> \n> \\- Two"},
		{"table pads short rows", story.Block{Kind: story.Table, Rows: [][]string{{"h1", "h2"}, {"x"}}}, "| h1 | h2 |\n| --- | --- |\n| x |  |"},
		{"empty table dropped", story.Block{Kind: story.Table, Rows: [][]string{{}}}, ""},
		{"paragraph with structure", story.NewBlock(story.Paragraph, run("A "), link("https://l.example", run("link")), run(" and "), story.Styled(story.Bold, run("bold")), run(".")),
			"A [link](https://l.example) and **bold**."},
		{"paragraph with a data link keeps its text", story.NewBlock(story.Paragraph, run("see "), link("data:text/plain,hi", run("file")), run(" now")), "see file now"},
		{"list with structure", story.Block{Kind: story.List, Items: []string{"a", "b"}, ListItems: []story.ListItem{
			{Ordered: true, Num: 3, Inline: run("a")}, {Depth: 1, Inline: story.Styled(story.Mono, run("b`c"))}}}, "3. a\n  - ``b`c``"},
		{"list nested from its start", story.Block{Kind: story.List, Items: []string{"a", "b"}, ListItems: []story.ListItem{
			{Depth: 1, Inline: run("a")}, {Depth: 2, Inline: run("b")}}}, "- a\n  - b"},
		{"table with structure", story.Block{Kind: story.Table, Rows: [][]string{{"h1", "h2"}, {"x"}},
			Cells: [][]story.Inline{{run("h1"), run("a|b")}, {run("x\ny")}}}, "| h1 | a\\|b |\n| --- | --- |\n| x y |  |"},
		{"paragraph tabs become spaces", story.Block{Text: "a\tb"}, "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := blockMarkdown(tt.bl, &linker{}, 0); got != tt.want {
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

func withLevel(b story.Block, level int) story.Block {
	b.Level = level
	return b
}
