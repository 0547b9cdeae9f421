package fetch

import (
	"mime"
	"net/http"
	"strings"
)

// readable reports whether tread can read a page of this media type: HTML,
// and plain text (page dumps served as they were saved).
func readable(mediaType string) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml", "text/plain":
		return true
	}
	return false
}

// mayBeFeed reports whether a media type is one web feeds are served as;
// the body decides (syndication.Is), since JSON and XML are often other data.
func mayBeFeed(mediaType string) bool {
	switch mediaType {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json", "application/json":
		return true
	}
	return false
}

// vague media types say nothing about the content; the bytes are sniffed.
func vague(mediaType string) bool {
	switch mediaType {
	case "", "application/octet-stream", "binary/octet-stream", "application/unknown", "unknown/unknown":
		return true
	}
	return false
}

// parseContentType splits a Content-Type header into a lower-case media
// type and charset. A header too broken to parse gives its first word as
// the type, so it is still named in errors.
func parseContentType(h string) (mediaType, charset string) {
	mt, params, err := mime.ParseMediaType(h)
	if err != nil {
		mt, _, _ = strings.Cut(h, ";")
		return strings.ToLower(strings.TrimSpace(mt)), ""
	}
	return mt, strings.ToLower(strings.Trim(strings.TrimSpace(params["charset"]), `"'`))
}

// sniff guesses the media type of a body from its first bytes.
func sniff(body []byte) (mediaType, charset string) {
	return parseContentType(http.DetectContentType(body))
}

// describeType names a media type in words a reader knows.
func describeType(mt string) string {
	major, minor, _ := strings.Cut(mt, "/")
	switch {
	case readable(mt):
		return "a web page" // in an error only when an image was asked for
	case mt == "application/pdf":
		return "a PDF document"
	case major == "image":
		return "an image"
	case major == "video":
		return "a video"
	case major == "audio":
		return "audio"
	case major == "font":
		return "a font"
	case mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/feed+json":
		return "a news feed"
	case mt == "application/json" || strings.HasSuffix(minor, "+json"):
		return "JSON data"
	case strings.HasSuffix(minor, "xml"):
		return "XML data"
	case mt == "text/css":
		return "a style sheet"
	case strings.Contains(minor, "javascript") || mt == "text/ecmascript":
		return "a script"
	case mt == "text/csv":
		return "a CSV table"
	case mt == "application/zip" || mt == "application/gzip" || mt == "application/x-gzip" ||
		mt == "application/x-tar" || mt == "application/x-7z-compressed" || mt == "application/x-rar-compressed" ||
		mt == "application/vnd.rar" || mt == "application/x-bzip2" || mt == "application/zstd":
		return "an archive"
	case mt == "application/msword" || strings.HasPrefix(minor, "vnd.openxmlformats") ||
		strings.HasPrefix(minor, "vnd.oasis.opendocument") || strings.HasPrefix(minor, "vnd.ms-"):
		return "an office document"
	case vague(mt) || mt == "application/x-executable" || mt == "application/wasm":
		return "binary data"
	}
	return "a file of another kind"
}
