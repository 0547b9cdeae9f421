package extract

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Sample paragraphs, long enough to be read as an article.
const (
	russianText  = "Жители старого порта снова увидели огни на набережной. Волонтёры три зимы восстанавливали латунные фонари, и город собрал деньги на новое стекло."
	japaneseText = "古い港の灯りが四十年ぶりに戻ってきました。ボランティアは三つの冬をかけて真鍮の金具を修復し、町は新しいガラスのために寄付を集めました。"
	chineseText  = "旧港口的灯光在四十年后重新亮起。志愿者们花了三个冬天修复黄铜配件，市议会在公众募捐之后支付了新玻璃的费用。"
	koreanText   = "옛 항구의 등불이 사십 년 만에 다시 켜졌습니다. 자원봉사자들은 세 번의 겨울 동안 놋쇠 부품을 복원했고 시는 새 유리를 위해 모금을 했습니다."
	polishText   = "Mieszkańcy starego portu znów zobaczyli światła na nabrzeżu. Wolontariusze przez trzy zimy odnawiali mosiężne latarnie, a miasto zebrało pieniądze."
	frenchText   = "Les habitants du vieux port ont revu les lumières du quai. Les bénévoles ont restauré les lanternes pendant trois hivers, et la ville a payé le verre."
)

func page(meta, body string) string {
	return "<!DOCTYPE html><html><head>" + meta + "<title>t</title></head><body><article><p>" +
		body + "</p><p>" + body + "</p></article></body></html>"
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestCharsets(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	late := `<meta name="description" content="` + strings.Repeat("padding ", 200) + `"><meta charset="windows-1251">`
	tests := []struct {
		name        string
		data        []byte
		contentType string
		want        string
	}{
		{"windows-1251 meta", encode(t, charmap.Windows1251, page(`<meta charset="windows-1251">`, russianText)), "", russianText},
		{"windows-1251 http-equiv", encode(t, charmap.Windows1251, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, russianText)), "", russianText},
		{"windows-1251 meta after 1 KiB", encode(t, charmap.Windows1251, page(late, russianText)), "", russianText},
		{"iso-8859-2 meta", encode(t, charmap.ISO8859_2, page(`<meta charset="iso-8859-2">`, polishText)), "", polishText},
		{"shift_jis meta", encode(t, japanese.ShiftJIS, page(`<meta charset="shift_jis">`, japaneseText)), "", japaneseText},
		{"gb18030 meta", encode(t, simplifiedchinese.GB18030, page(`<meta charset="gb18030">`, chineseText)), "", chineseText},
		{"euc-kr meta", encode(t, korean.EUCKR, page(`<meta charset="euc-kr">`, koreanText)), "", koreanText},
		{"utf-16le bom", encode(t, utf16le, page("", chineseText)), "", chineseText},
		{"utf-16be no bom", encode(t, utf16be, page("", russianText)), "", russianText},
		{"content-type header", encode(t, charmap.Windows1251, page("", russianText)), "text/html; charset=windows-1251", russianText},
		{"header beats meta", encode(t, charmap.Windows1251, page(`<meta charset="iso-8859-1">`, russianText)), "text/html; charset=windows-1251", russianText},
		{"utf-8 mislabelled latin-1", []byte(page(`<meta charset="iso-8859-1">`, frenchText)), "", frenchText},
		{"undeclared windows-1251", encode(t, charmap.Windows1251, page("", russianText)), "", russianText},
		{"undeclared shift_jis", encode(t, japanese.ShiftJIS, page("", japaneseText)), "", japaneseText},
		{"undeclared gb18030", encode(t, simplifiedchinese.GB18030, page("", chineseText)), "", chineseText},
		{"undeclared euc-kr", encode(t, korean.EUCKR, page("", koreanText)), "", koreanText},
		{"undeclared latin-1", encode(t, charmap.Windows1252, page("", frenchText)), "", frenchText},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), page("", frenchText)...), "", frenchText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := PageWithContentType(tt.data, "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Text(); !strings.Contains(got, tt.want) {
				t.Errorf("got %.120q\nwant %.120q", got, tt.want)
			}
		})
	}
}
