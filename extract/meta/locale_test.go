package meta

import "testing"

// TestBylineLabels covers bylines labelled in other languages, read as the
// page's declared language reads them.
func TestBylineLabels(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"portuguese after a date", `<html lang="pt-BR"><h1>Chuva</h1><p><b>05/10/2018</b> - Publicado por: Clarissa Borba - Categoria: <a href="/c">Saúde</a></p>`, "Clarissa Borba"},
		{"portuguese with its date", `<html lang="pt-BR"><h1>Chuva</h1><p>Por Ana Souza em 05/10/2018</p>`, "Ana Souza"},
		{"spanish pair", `<html lang="es"><h1>Lluvia</h1><p>Por Juan Pérez y María López</p>`, "Juan Pérez and María López"},
		{"spanish written by", `<html lang="es"><h1>Lluvia</h1><p>Escrito por Lucía Gómez</p>`, "Lucía Gómez"},
		{"german", `<html lang="de-AT"><h1>Regen</h1><p>Von Anna Schmidt | 5. März 2024</p>`, "Anna Schmidt"},
		{"french with its date", `<html lang="fr"><h1>Pluie</h1><p>Par Jean Dupont, le 5 mars 2024</p>`, "Jean Dupont"},
		{"italian", `<html lang="it"><h1>Pioggia</h1><p>di Mario Rossi</p>`, "Mario Rossi"},
		{"dutch", `<html lang="nl"><h1>Regen</h1><p>Door Jan de Vries</p>`, "Jan de Vries"},
		{"swedish", `<html lang="sv"><h1>Regn</h1><p>Av Karin Lind</p>`, "Karin Lind"},
		{"polish autor", `<html lang="pl"><h1>Deszcz</h1><p>Autor: Jan Nowak</p>`, "Jan Nowak"},
		{"russian text label", `<html lang="ru"><h1>Дождь</h1><p><span itemprop="author">Текст: Анна Иванова</span></p>`, "Анна Иванова"},
		{"label with a colon in any language", `<h1>Regen</h1><p>Von: Anna Schmidt</p>`, "Anna Schmidt"},
		{"english name starting with von", `<html lang="en"><meta name="author" content="Von Miller">`, "Von Miller"},
		{"english line starting with door", `<html lang="en-US"><h1>Rates</h1><p>Door Prizes Announced Friday</p>`, ""},
		{"site credit is no author", `<html lang="pt-BR"><meta name="author" content="Prefeitura - Setor de TI"><meta name="generator" content="Prefeitura - Setor de TI"><h1>Chuva</h1><p>Publicado por: Clarissa Borba</p>`, "Clarissa Borba"},
		{"site credit alone stays", `<meta name="author" content="Acme Studio"><meta name="generator" content="Acme Studio"><h1>Rates</h1>`, "Acme Studio"},
		{"english after a separator", `<h1>Rates</h1><p><span>March 5, 2024</span> | By Ana Ruiz</p>`, "Ana Ruiz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(parseString(t, tt.html), "https://money.example/a").Byline
			if got != tt.want {
				t.Errorf("Byline = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPublishedDayFirst covers numeric dates that read either way: the
// page's language decides, and only a US locale or a page that says
// nothing more than "English" reads them month first.
func TestPublishedDayFirst(t *testing.T) {
	const printed = `<h1>Rates</h1><p>05/10/2018</p>`
	tests := []struct {
		name, html, want string
	}{
		{"portuguese", `<html lang="pt-BR">` + printed, "2018-10-05 +00:00"},
		{"content-language meta", `<meta http-equiv="content-language" content="pt_BR">` + printed, "2018-10-05 +00:00"},
		{"british english", `<html lang="en-GB">` + printed, "2018-10-05 +00:00"},
		{"english refined by og:locale", `<html lang="en"><meta property="og:locale" content="en_AU">` + printed, "2018-10-05 +00:00"},
		{"us english", `<html lang="en-US">` + printed, "2018-05-10 +00:00"},
		{"us locale beats bare english", `<html lang="en"><meta property="og:locale" content="en_US">` + printed, "2018-05-10 +00:00"},
		{"bare english", `<html lang="en">` + printed, "2018-05-10 +00:00"},
		{"no language", printed, "2018-05-10 +00:00"},
		{"first number cannot be a month", `<html lang="en-US"><h1>Rates</h1><p>25/10/2018</p>`, "2018-10-25 +00:00"},
		{"dots are day first anywhere", `<html lang="en-US"><h1>Rates</h1><p>05.10.2018</p>`, "2018-10-05 +00:00"},
		{"french meta date", `<html lang="fr"><meta name="date" content="05/10/2018">`, "2018-10-05 +00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := day(Extract(parseString(t, tt.html), "https://money.example/a").Published)
			if got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDayFirst(t *testing.T) {
	tests := []struct {
		tags []string
		want bool
	}{
		{[]string{"pt-BR"}, true},
		{[]string{"de"}, true},
		{[]string{"en-GB"}, true},
		{[]string{"en_IN"}, true},
		{[]string{"en"}, false},
		{[]string{"en-US"}, false},
		{[]string{"es-US"}, false},
		{[]string{"en", "en_US"}, false},
		{[]string{"fr", "en_US"}, false},
		{[]string{"", "en-CA", ""}, true},
		{nil, false},
		{[]string{"en-GB, en-US"}, false},
	}
	for _, tt := range tests {
		if got := dayFirst(tt.tags...); got != tt.want {
			t.Errorf("dayFirst(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}
