package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/story"
)

// picStory is a long story with n pictures spread through it.
func picStory(n int) story.Document {
	st := story.Story{Title: "The estuary in pictures", Site: "Estuary Courier", URL: picPage}
	for i := range 400 {
		st.Body = append(st.Body, story.Block{Kind: story.Paragraph, Text: strings.Repeat("Mud, reeds and the tide's slow turn. ", 4)})
		if i%(400/n) == 0 {
			st.Body = append(st.Body, story.Block{Kind: story.Image, Text: fmt.Sprintf("View %d", i), URL: fmt.Sprintf("https://news.example/view%d.png", i)})
		}
	}
	return story.Document{Source: "estuary", Stories: []story.Story{st}}
}

// BenchmarkInlineScroll is one line down and the frame after it, in a
// long story whose pictures are in the text, beside the same story with
// pictures off: what the placeholder rows add to a frame.
func BenchmarkInlineScroll(b *testing.B) {
	for _, pics := range []bool{false, true} {
		b.Run(fmt.Sprintf("pictures=%v", pics), func(b *testing.B) {
			opts := Options{Docs: []story.Document{picStory(20)}, Images: "off"}
			var answers []tea.Msg
			if pics {
				opts.Images = "auto"
				answers = []tea.Msg{kittyOK, kittyName, plainDA}
			}
			d := answeredDriver(b, opts, answers, 120, 40)
			if held := d.m.pics.inline != nil && len(d.m.pics.inline.sent) == 20; held != pics {
				b.Fatalf("pictures in the text: %v, want %v", held, pics)
			}
			down, up := keyMsg("j"), keyMsg("k")
			done := cpuPerOp(b)
			b.ResetTimer()
			for i := range b.N {
				k := down
				if i/200%2 == 1 {
					k = up
				}
				m, _ := d.m.Update(k)
				d.m = m.(Model)
				_ = d.m.View()
			}
			done()
		})
	}
}

// BenchmarkInlineLayout is laying a long story's lines out again with its
// 20 pictures, as when one arrives or the pane's height changes.
func BenchmarkInlineLayout(b *testing.B) {
	d := answeredDriver(b, Options{Docs: []story.Document{picStory(20)}, Images: "auto"},
		[]tea.Msg{kittyOK, kittyName, plainDA}, 120, 40)
	in := d.m.pics.inline
	done := cpuPerOp(b)
	b.ResetTimer()
	for range b.N {
		in.gen++ // as a picture arriving does
		if cmd := d.m.layPictures(); cmd != nil {
			b.Fatal("a layout with every picture held started work")
		}
	}
	done()
	b.ReportMetric(float64(len(d.m.reader.lines)), "lines")
}
