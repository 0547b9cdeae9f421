package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/tread-reader/tread/story"
)

// The fixture stories below are invented for these tests.

// kitchenSink has one block of every kind, including an image inlined as a
// data: URI that must not reach the output, and blocks with structure.
func kitchenSink() story.Story {
	return story.Story{
		Title:  "Harbour town votes to keep its last ferry",
		Site:   "The Coastal Ledger",
		Byline: "By Mara Quill",
		Age:    "3 hours ago",
		URL:    "https://ledger.example/ferry-vote",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "Residents of Kestrel Bay voted by a wide margin on Tuesday to keep the ferry that has crossed the estuary every hour since 1952, overturning a council plan to replace it with a bus."},
			{Kind: story.Image, Text: "The ferry Saltmarsh leaving the north slipway", URL: "https://ledger.example/img/saltmarsh.jpg"},
			{Kind: story.Caption, Text: "The Saltmarsh makes twenty crossings a day. Photo: Ledger staff"},
			{Kind: story.Heading, Level: 2, Text: "What the vote means"},
			story.NewBlock(story.Paragraph, story.Run("The council must now find "), story.Styled(story.Bold, story.Run("£240,000")),
				story.Run(" a year, according to "), story.LinkTo("https://ledger.example/report.pdf", story.Run("its own report")), story.Run(".")),
			{Kind: story.Quote, Text: "We are not a town that gives up its boats.\nNot this year, not ever."},
			{Kind: story.List, Items: []string{"Fares stay at £2 for adults", "Children under 12 travel free", "The last sailing moves to 10pm"}},
			{Kind: story.List, Ordered: true, Items: []string{"Council meets on 4 March", "Budget published in April", "New timetable from June"}},
			heading3(story.Run("Turnout by "), story.Styled(story.Italic, story.Run("ward"))),
			{Kind: story.Table, Rows: [][]string{{"Ward", "Turnout", "Keep"}, {"Quayside", "71%", "88%"}, {"Hill End", "54%", "62%"}}},
			{Kind: story.Image, Text: "Chart of turnout", URL: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"},
			{Kind: story.Image, URL: "data:image/gif;base64,R0lGODlhAQABAAAAACw="},
			story.NewBlock(story.Paragraph, story.Run("A map was attached and "), story.LinkTo("data:text/plain;base64,SGk=", story.Run("a file")), story.Run(" too.")),
			{Kind: story.Code, URL: "sh", Text: "curl https://ledger.example/timetable.txt\n\tgrep 'Kestrel'"},
			{Kind: story.Embed, Text: "Ferry's staying! Thanks everyone who turned out.", URL: "https://social.example/@kestrelferry/1029"},
			{Kind: story.Paragraph, Text: "The vote is advisory, but the council leader said she would not go against it."},
		},
	}
}

// escapingStory is plain text that looks like markdown; every line of it
// must render literally.
func escapingStory() story.Story {
	return story.Story{
		Title:  "# Not a *second* heading [really](x)",
		Site:   "Syntax_Weekly",
		Byline: "By <b>Ann</b> & `Bo`",
		Age:    "5 minutes ago",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "1. This paragraph starts like an ordered list."},
			{Kind: story.Paragraph, Text: "- This one starts like a bullet."},
			{Kind: story.Paragraph, Text: "# This one starts like a heading."},
			{Kind: story.Paragraph, Text: "> This one starts like a quote."},
			{Kind: story.Quote, Text: "Line two of a quote,\n> not nested."},
			{Kind: story.Paragraph, Text: "+ Plus and 2) parens:\n3) both list markers."},
			{Kind: story.Paragraph, Text: "It has *stars*, _underscores_, [brackets](x), <tags>, `ticks`, ~~strikes~~, &amp; and a | pipe."},
			{Kind: story.Paragraph, Text: "Term\n: not a definition"},
			{Kind: story.Paragraph, Text: "Not a heading either\n---"},
			{Kind: story.Paragraph, Text: "    Four spaces do not make code."},
			{Kind: story.List, Items: []string{"1. an item that starts with a number", "- an item that starts with a dash"}},
			{Kind: story.Heading, Level: 2, Text: "## Doubled hashes"},
			{Kind: story.Caption, Text: "*already starred* caption"},
			{Kind: story.Table, Rows: [][]string{{"a|b", "*c*"}, {"[d](e)", "`f`"}}},
		},
	}
}

// cjkStory is Chinese and Japanese without spaces: it can only wrap between
// characters.
func cjkStory() story.Story {
	return story.Story{
		Title:  "山间小镇的图书馆重新开放，居民排队借书",
		Site:   "晨报",
		Byline: "记者 林晓",
		Age:    "2 hours ago",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "经过两年的修缮，这座建于上世纪七十年代的图书馆终于在本周一重新向公众开放。开馆当天清晨，门口已经排起了长队，许多老人带着孙辈前来，孩子们在新布置的儿童阅览区里席地而坐，安静地翻看绘本。"},
			{Kind: story.Heading, Level: 2, Text: "新しい読書室"},
			{Kind: story.Paragraph, Text: "町の図書館は二年間の改修工事を経て今週月曜日に再開しました。開館初日の朝には入口に長い列ができ、子どもたちは新しい児童コーナーで静かに絵本を読んでいました。"},
			{Kind: story.Quote, Text: "这里是我们小时候最喜欢的地方。"},
			{Kind: story.List, Items: []string{"开放时间：每天九点至晚上八点", "借书证免费办理，当天即可使用"}},
		},
	}
}

// emojiStory has emoji in its headline: wide, combined with skin tones and
// zero-width joiners, and a flag.
func emojiStory() story.Story {
	return story.Story{
		Title:  "🌊 Sea wall holds as 🌧️ storm passes 👍🏽 — 👩‍👩‍👧 families return home 🇳🇴",
		Site:   "Fjord Post 📰",
		Byline: "By Ola Nordmann",
		Age:    "1 day ago",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "Crews worked through the night 🌙 to shore up the harbour wall, and by morning ☀️ the water had dropped below the warning line."},
		},
	}
}

// longStory is an invented story of about size bytes of markdown, for
// benchmarks: paragraphs of varied sentences with a heading, list or quote
// now and then.
func longStory(size int) story.Story {
	sentences := []string{
		"The survey boat left the quay at first light and did not return until the tide had turned twice.",
		"Engineers measured the river bed every fifty metres, a job last done before most of them were born.",
		"Local fishermen, who had warned about the shifting sandbanks for years, watched from the harbour wall.",
		"Nobody expected the channel to have moved so far, said the lead surveyor, who asked not to be named.",
		"The findings will be published in full next month, along with a plan for dredging the worst stretches.",
		"Until then, larger vessels will have to wait for high water before they can reach the inner basin.",
		"Shops along the front said trade had already fallen as visiting yachts chose other ports instead.",
		"A public meeting is planned for the end of the month in the old customs house on Water Lane.",
	}
	s := story.Story{
		Title:     "River survey finds the harbour channel has drifted forty metres",
		Site:      "Estuary Gazette",
		Byline:    "By Tomas Reed",
		Published: time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC),
	}
	n := 0
	for i := 0; n < size; i++ {
		var bl story.Block
		switch {
		case i%11 == 5:
			bl = story.Block{Kind: story.Heading, Level: 2, Text: fmt.Sprintf("Section %d: what the soundings show", i/11+1)}
		case i%13 == 7:
			bl = story.Block{Kind: story.List, Items: []string{sentences[i%8], sentences[(i+3)%8], sentences[(i+5)%8]}}
		case i%17 == 3:
			bl = story.Block{Kind: story.Quote, Text: sentences[(i+1)%8]}
		default:
			var p []string
			for j := range 4 + i%3 {
				p = append(p, sentences[(i*3+j)%8])
			}
			bl = story.Block{Kind: story.Paragraph, Text: strings.Join(p, " ")}
		}
		s.Body = append(s.Body, bl)
		n += len(blockMarkdown(bl, &linker{}, 0)) + 2
	}
	return s
}

// heading3 is a level-3 heading of kids.
func heading3(kids ...story.Inline) story.Block {
	b := story.NewBlock(story.Heading, kids...)
	b.Level = 3
	return b
}

// codeStory has a code block whose lines are longer than any pane, one of
// them indented, and one long token with no space to break at. It has no
// comment: chroma picks a comment's 256-colour shade by a tie it breaks
// differently from run to run, which would make the golden files flaky.
func codeStory() story.Story {
	return story.Story{
		Title: "Reading a settings file in a few lines",
		Site:  "Workshop notes",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "The loader below reads the file once and reports the first bad line it meets."},
			{Kind: story.Code, URL: "go", Text: "func load(path string) (Settings, error) {\n" +
				"    data, err := readSmallFile(path, maxSettingsBytes, \"settings files are small and read once at start\")\n" +
				"    if err != nil {\n" +
				"        return Settings{}, fmt.Errorf(\"read settings %s: %w\", path, err)\n" +
				"    }\n" +
				"    return parseSettingsWithDefaultsAppliedAndEveryKeyCheckedAgainstTheTable(data)\n" +
				"}"},
			{Kind: story.Paragraph, Text: "Short lines stay as they are."},
		},
	}
}

// tableStory has a comparison table with an empty column of buttons, and a
// wide timetable that cannot fit a narrow pane.
func tableStory() story.Story {
	return story.Story{
		Title: "Which ferry pass suits you",
		Site:  "Harbour Gazette",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "Three passes are on sale this summer."},
			{Kind: story.Table, Rows: [][]string{
				{"Pass", "Availability", "Discounts", "Learn more"},
				{"Island Rover", "Every crossing, all year round", "None", ""},
				{"Weekend Saver", "Saturdays and Sundays only", "Students and pensioners", ""},
				{"Commuter", "Weekdays before nine and after five", "Employers may pay half", ""},
			}},
			{Kind: story.Paragraph, Text: "The timetable for the first week:"},
			{Kind: story.Table, Rows: [][]string{
				{"Route", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
				{"Harbour to Kestrel Island", "06:30", "06:30", "06:30", "06:30", "06:30", "08:00", "09:15"},
				{"Kestrel Island to Harbour", "17:45", "17:45", "17:45", "17:45", "18:30", "16:00", "15:30"},
			}},
		},
	}
}

// urlStory has a long web address in its text, with many hyphens.
func urlStory() story.Story {
	return story.Story{
		Title: "Timetable changes",
		Site:  "Harbour Gazette",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "The full notice is at https://harbour.example/notices/2026/12/the-ferry-timetable-changes-from-monday-morning-onwards and the council's page has more."},
			{Kind: story.Paragraph, Text: "Short ones like https://harbour.example/a-b stay whole when they fit."},
		},
	}
}

// footnoteStory has footnote marks, a power and a lettered note.
func footnoteStory() story.Story {
	return story.Story{
		Title: "Counting seals",
		Site:  "Harbour Gazette",
		Body: []story.Block{
			story.NewBlock(story.Paragraph, story.Run("The count is made from a boat at low tide"), story.Styled(story.Sup, story.Run("1")),
				story.Run(", so that the animals on the sandbank are not disturbed by walkers."), story.Styled(story.Sup, story.Run("2"))),
			story.NewBlock(story.Paragraph, story.Run("The colony covers about 3 km"), story.Styled(story.Sup, story.Run("2")),
				story.Run(" of sand at low water, the wardens say"), story.Styled(story.Sup, story.Run("a")), story.Run(".")),
		},
	}
}
