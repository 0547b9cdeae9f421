package sample

import "github.com/tread-reader/tread/story"

// The sample's words: tread's own, written for it.

func welcome() story.Story {
	return story.Story{
		Title: "Welcome to tread, a reader for the news you saved",
		Site:  Site, Age: "1 minute ago", URL: URL("/welcome"),
		Body: []story.Block{
			para("This is the sample edition. tread shows it when you start it with nothing to read and nothing saved yet, so that you can try the keys before you open your own pages."),
			para("The pane on the left lists the stories. Under the selected story, indented, are the stories its page called related; the related stories of the others are folded away, and f unfolds them all. The pane on the right shows the selected story, cleaned of page furniture and set as readable text."),
			para("Move down the list with j or the down arrow, and up with k or the up arrow. The story on the right follows the selection at once. Press / to filter the list, and esc to see every story again."),
			para("Press tab to move the focus to the story itself. There, j and k scroll a line, space and b turn a page, g and G jump to the top and the bottom, and / searches the story. Press z to hide the list and read at full width, and z again to bring it back."),
			linked(
				story.Run("Press enter on a related story to walk to it, and backspace to come back. This story has two numbered links, to the "),
				story.LinkTo(URL("/walking"), story.Run("guide to walking")),
				story.Run(" and to the "),
				story.LinkTo("https://charm.land", story.Run("Charm libraries")),
				story.Run(" tread is built with: press L to list them: there enter follows one inside tread, o opens it in your browser and y copies its address. Press ? to see every key, and q to quit."),
			),
			image("A reading lamp on a stack of printed pages", "/lamp.png"),
			para("To read your own pages, give tread files, folders or links:"),
			code("sh", "tread https://example.org/news/a-story saved-page.html ~/Downloads/news\ntread --offline    # the library, with no network"),
			para("Every web page tread fetches is saved, so later tread alone opens your library and tread --offline reads it with no network."),
		},
		Related: []story.Story{movingAround(), reading(), walkingLink(), ownPages()},
	}
}

func movingAround() story.Story {
	return story.Story{
		Title: "Moving around the list", Site: "tread guide", Age: "1 minute ago",
		Body: []story.Block{
			para("Use j and k, or the arrow keys, to move through the stories, and n and p to jump to the next or previous story. Related stories sit indented beneath the story that linked to them, and only the selected story's are shown: press f to unfold every story's, and f again to fold them. Press / and type to keep only the stories whose title or site matches, and esc to see them all again. When the window is narrow, tread shows one pane at a time and tab switches between them."),
		},
	}
}

func reading() story.Story {
	return story.Story{
		Title: "Reading a story", Site: "tread guide", Age: "2 minutes ago",
		Body: []story.Block{
			para("Press tab or enter to move into the story. Space and page down turn a page forward, b and page up turn one back, and g and G go to the top and the bottom. Press / to search the story, then n and N to move between the matches. tread keeps your place in every story while it runs, so you can come back to where you stopped."),
			para("Press z for the reading mode: the list steps aside and the story takes the width of the window, up to the reading width, centred. Press z again, or tab, to bring the list back. A story that is alone opens this way."),
		},
	}
}

// walkingLink is a related story that is only a link, as related stories
// on web pages often are: enter walks to its page.
func walkingLink() story.Story {
	return story.Story{Title: "Walking to related stories", Site: "tread guide", URL: URL("/walking")}
}

func ownPages() story.Story {
	return story.Story{
		Title: "Opening your own pages", Site: "tread guide", Age: "4 minutes ago",
		Body: []story.Block{
			para("Name page dumps, saved HTML pages, folders or web addresses on the command line: tread https://example.org/news/a-story. tread keeps a copy of every web page it fetches in its library, opens the library, newest first, when you start it with nothing else, and with --offline never touches the network. Use --json or --dump to print the stories instead, and --export to write them as markdown notes."),
		},
	}
}

// pages are the sample's pages on Host, by path.
var pages = map[string]func() story.Story{
	"/walking": walking,
	"/links":   links,
	"/welcome": welcome,
}

func walking() story.Story {
	return story.Story{
		Title: "Walking to related stories", Site: "tread guide", Age: "3 minutes ago",
		Body: []story.Block{
			para("You walked here: this story was only a link in the sample edition, and tread loaded its page when you pressed enter. The line above the story shows the way you came."),
			para("On a web page, a related story is often only a link. Press enter on it and tread fetches the story, or opens its saved copy, and lists that story's own related stories beneath it, so you can walk as far as you like. Backspace takes you back the way you came, one step at a time."),
			para("This page has a related story of its own, also only a link: select it in the list and press enter to walk one step further."),
		},
		Related: []story.Story{{Title: "Following the links in a story", Site: "tread guide", URL: URL("/links")}},
	}
}

func links() story.Story {
	return story.Story{
		Title: "Following the links in a story", Site: "tread guide", Age: "5 minutes ago",
		Body: []story.Block{
			linked(
				story.Run("In a story, the links are numbered where they stand, like the one back to the "),
				story.LinkTo(URL("/welcome"), story.Run("welcome story")),
				story.Run(". L lists them by number: enter follows one inside tread, o opens it in your browser and y copies its address."),
			),
			para("Backspace twice takes you back along the way you walked, to the sample edition's welcome."),
		},
	}
}
