package sample

import (
	"bytes"
	"errors"
	"fmt"
	img "image"
	"image/color"
	"image/png"
	"net/url"
	"strings"
)

// errNoPicture is a sample address with no picture behind it.
var errNoPicture = errors.New("the sample edition has no picture at this address")

// pictures are the sample's pictures by path, drawn here, so that the
// picture key has something to show without the network.
var pictures = map[string]func() img.Image{"/lamp.png": lamp}

// Picture returns the sample's picture at u as PNG, and whether u is on
// Host at all: an address there with no picture is an error, never a
// fetch.
func Picture(u string) (data []byte, onHost bool, err error) {
	p, perr := url.Parse(strings.TrimSpace(u))
	if perr != nil || !strings.EqualFold(p.Hostname(), Host) {
		return nil, false, nil
	}
	draw, ok := pictures[p.Path]
	if !ok {
		return nil, true, errNoPicture
	}
	var b bytes.Buffer
	if err := png.Encode(&b, draw()); err != nil {
		return nil, true, fmt.Errorf("sample picture %s: %w", p.Path, err)
	}
	return b.Bytes(), true, nil
}

// lamp is a reading lamp's warm light falling on a stack of pages.
func lamp() img.Image {
	const w, h = 240, 160
	m := img.NewRGBA(img.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			// light from the lamp's shade at (70, 30), fading with distance
			dx, dy := x-70, y-30
			glow := max(0, 255-(dx*dx+dy*dy)/60)
			c := color.RGBA{uint8(30 + glow*200/255), uint8(24 + glow*160/255), uint8(20 + glow*80/255), 255}
			switch {
			case y >= 20 && y < 40 && x >= 50+(40-y) && x < 90-(40-y)/2: // the shade
				c = color.RGBA{150, 40, 30, 255}
			case x >= 68 && x < 72 && y >= 40 && y < 130: // the stem
				c = color.RGBA{60, 60, 60, 255}
			case y >= 110 && y < 140 && x >= 120 && x < 210 && (y-110)%6 != 5: // pages, sheet by sheet
				c = color.RGBA{235, 230, 215, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}
