package extract

import (
	"reflect"
	"testing"

	"github.com/tread-reader/tread/story"
)

// The emitter keeps emphasis, code and links as a tree, with the spaces
// a browser would show placed outside the elements, and writes no markup.
func TestInlineTree(t *testing.T) {
	run, el := story.Run, story.Styled
	tests := []struct {
		name, html string
		want       story.Inline
		links      []story.Link
	}{
		{"plain", `<p>Just  words</p>`, run("Just words"), nil},
		{"spaces move out of elements", `<p>Was <em>written </em>by <b> Jill</b></p>`,
			story.Inline{Kids: []story.Inline{run("Was "), el(story.Italic, run("written")), run(" by "), el(story.Bold, run("Jill"))}}, nil},
		{"link inside emphasis", `<p><b>see <a href="https://x.example/a">the <i>plan</i></a></b></p>`,
			story.Inline{Kids: []story.Inline{el(story.Bold, run("see "),
				story.Inline{Link: 1, Kids: []story.Inline{run("the "), el(story.Italic, run("plan"))}})}},
			[]story.Link{{Text: "the plan", URL: "https://x.example/a"}}},
		{"nested same style once", `<p><i><em>quiet</em></i> words</p>`,
			story.Inline{Kids: []story.Inline{el(story.Italic, run("quiet")), run(" words")}}, nil},
		{"empty elements leave no trace", `<p>a<b> </b><a href="https://x.example/e"></a> b</p>`, run("a b"), nil},
		{"markup in text stays text", `<p>*not* [a](https://x.example/) <code>c</code></p>`,
			story.Inline{Kids: []story.Inline{run("*not* [a](https://x.example/) "), el(story.Mono, run("c"))}}, nil},
		{"escapes go whole", "<p>a\x1b]0;PWNED\x07b \x1b[31mred\u202e</p>", run("ab red"), nil},
		{"break", `<p>one<br>two</p>`, run("one\ntwo"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs := emitFragment(t, tc.html)
			if len(bs) != 1 {
				t.Fatalf("got %d blocks: %+v", len(bs), bs)
			}
			if !reflect.DeepEqual(bs[0].Inline, tc.want) {
				t.Errorf("tree\n got %+v\nwant %+v", bs[0].Inline, tc.want)
			}
			if !reflect.DeepEqual(bs[0].Links, tc.links) {
				t.Errorf("links %+v, want %+v", bs[0].Links, tc.links)
			}
			if got := bs[0].Inline.Plain(); got != bs[0].Text {
				t.Errorf("tree text %q, block text %q", got, bs[0].Text)
			}
		})
	}
}
