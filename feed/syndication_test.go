package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

func TestFeedFiles(t *testing.T) {
	tests := []struct {
		path    string
		titles  []string
		wantErr error
	}{
		{"testdata/feeds/harbour.rss", []string{"Quay festival", "Ferry returns"}, nil},
		// Known by its content, not its name.
		{"testdata/feeds/harbour-feed.txt", []string{"Quay festival", "Ferry returns"}, nil},
		{"testdata/feeds/empty.xml", nil, ErrNoItems},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			docs := Load(context.Background(), tt.path, Options{})
			if len(docs) != 1 {
				t.Fatalf("%d documents", len(docs))
			}
			d := docs[0]
			if tt.wantErr != nil {
				if !errors.Is(d.Err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", d.Err, tt.wantErr)
				}
				return
			}
			if d.Err != nil {
				t.Fatal(d.Err)
			}
			var got []string
			for _, s := range d.Stories {
				got = append(got, s.Title)
				if s.Site != "Harbour Ledger" || !s.Partial {
					t.Errorf("story %q: site %q, partial %v", s.Title, s.Site, s.Partial)
				}
			}
			if len(got) != len(tt.titles) || got[0] != tt.titles[0] || got[1] != tt.titles[1] {
				t.Errorf("titles %q, want %q", got, tt.titles)
			}
		})
	}
}

// TestFeedURL: a feed served over HTTP opens as its items, links made
// absolute against the feed's URL, and is kept in the library so that it
// opens offline too.
func TestFeedURL(t *testing.T) {
	rss, err := os.ReadFile("testdata/feeds/harbour.rss")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	}))
	defer srv.Close()
	lib := openLibrary(t, t.TempDir())
	for _, offline := range []bool{false, true} {
		docs := Load(context.Background(), srv.URL+"/feed", Options{Library: lib, Offline: offline})
		if len(docs) != 1 || docs[0].Err != nil {
			t.Fatalf("offline=%v: %+v", offline, docs)
		}
		ss := docs[0].Stories
		if len(ss) != 2 || ss[1].URL != srv.URL+"/news/ferry" {
			t.Fatalf("offline=%v: stories %+v", offline, ss)
		}
	}
}

// TestFrontPageFile: a saved front page opens as its list of stories, a
// page that is neither an article nor a list stays one partial story.
func TestFrontPageFile(t *testing.T) {
	docs := Load(context.Background(), "testdata/frontpages/harbour-home.html", Options{})
	if len(docs) != 1 || docs[0].Err != nil {
		t.Fatalf("%+v", docs)
	}
	ss := docs[0].Stories
	if len(ss) != 5 || ss[0].Title != "Ferry services resume across the bay" || ss[0].URL != "https://ledger.example/2026/03/04/ferry-services-resume" || ss[0].Site != "Harbour Ledger" {
		t.Fatalf("stories %+v", ss)
	}
}
