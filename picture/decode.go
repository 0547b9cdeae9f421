package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // GIF: image.Decode gives the first frame
	_ "image/jpeg" // JPEG
	_ "image/png"  // PNG

	_ "golang.org/x/image/webp" // WebP
)

// Limits bound the work on one picture. Both are checked before a pixel is
// decoded, from the data's length and the size its header declares, so a
// decompression bomb costs a header read.
type Limits struct {
	MaxBytes  int64 // data longer than this is refused
	MaxPixels int64 // a declared width × height above this is refused
}

// DefaultLimits allow a 12-megapixel phone photo and refuse more: decoded,
// 16 million pixels is 64MB at most.
var DefaultLimits = Limits{MaxBytes: 20 << 20, MaxPixels: 16_000_000}

func (l Limits) orDefault() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultLimits.MaxPixels
	}
	return l
}

// Errors Decode may wrap, for errors.Is.
var (
	ErrTooLarge  = errors.New("picture too large")
	ErrTooMany   = errors.New("too many pixels")
	ErrFormat    = errors.New("not a picture tread can show")
	ErrEmpty     = errors.New("picture has no pixels")
	ErrNoSupport = errors.New("the terminal shows no pictures")
)

// Format names the encoding of data ("png", "jpeg", "gif", "webp") and
// its declared size, reading only its header; an error wraps ErrFormat.
func Format(data []byte) (format string, width, height int, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", 0, 0, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return format, cfg.Width, cfg.Height, nil
}

// Decode decodes a PNG, JPEG, GIF (its first frame) or WebP picture within
// lim. Data over lim.MaxBytes, or declaring more than lim.MaxPixels pixels,
// is refused before decoding.
func Decode(data []byte, lim Limits) (img image.Image, err error) {
	lim = lim.orDefault()
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("decode picture: %w (%d bytes, the limit is %d)", ErrTooLarge, len(data), lim.MaxBytes)
	}
	format, w, h, err := Format(data)
	if err != nil {
		return nil, fmt.Errorf("decode picture: %w", err)
	}
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("decode picture: %w (%s of %d×%d)", ErrEmpty, format, w, h)
	}
	if int64(w)*int64(h) > lim.MaxPixels {
		return nil, fmt.Errorf("decode picture: %w (%s of %d×%d, the limit is %d)", ErrTooMany, format, w, h, lim.MaxPixels)
	}
	// The decoders are not ours; a panic on hostile data is one bad
	// picture, not a crash of the reader.
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("decode picture: %w: %s decoder failed: %v", ErrFormat, format, r)
		}
	}()
	img, _, err = image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode picture: %s: %w", format, err)
	}
	if img.Bounds().Empty() {
		return nil, fmt.Errorf("decode picture: %w (%s decoded to %v)", ErrEmpty, format, img.Bounds())
	}
	return img, nil
}
