package config

import (
	"errors"
	"testing"
)

func TestFeedsSettings(t *testing.T) {
	tests := []struct {
		text    string
		want    bool
		wantErr error
	}{
		{"", true, nil},
		{"[feeds]\nfetch_articles = false\n", false, nil},
		{"[feeds]\nfetch_articles = true\n", true, nil},
		{"[feeds]\nfetch_articles = \"no\"\n", false, errors.New("type")},
		{"[feeds]\nrefresh = 1\n", false, ErrUnknownKey},
	}
	for _, tt := range tests {
		c, err := Load(writeConfig(t, tt.text))
		switch {
		case tt.wantErr == nil && err != nil:
			t.Errorf("%q: %v", tt.text, err)
		case tt.wantErr != nil && err == nil:
			t.Errorf("%q: no error", tt.text)
		case tt.wantErr == ErrUnknownKey && !errors.Is(err, ErrUnknownKey):
			t.Errorf("%q: err = %v", tt.text, err)
		case tt.wantErr == nil && c.FetchArticles != tt.want:
			t.Errorf("%q: fetch_articles = %v", tt.text, c.FetchArticles)
		}
	}
}
