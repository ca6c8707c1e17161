package match

// legalForm is one legal-form spelling as folded words, with how it is
// usually written. A qualifier ("(publ)", "& Co.") is stripped like a form
// but names a legal form only when nothing else does.
type legalForm struct {
	words     []string
	display   string
	qualifier bool
}

// trailingForms are stripped from the end of a name, repeatedly, so
// "AB (publ)" and "GmbH & Co. KG" go entirely. Multi-word entries come from
// slashes ("A/S" folds to "a s"); dotted forms fold to one word ("A.m.b.a."
// → "amba"). Longer entries are listed before their own suffixes.
var trailingForms = []legalForm{
	{words: []string{"sp", "z", "oo"}, display: "Sp. z o.o."},
	{words: []string{"a", "s"}, display: "A/S"},
	{words: []string{"i", "s"}, display: "I/S"},
	{words: []string{"k", "s"}, display: "K/S"},
	{words: []string{"p", "s"}, display: "P/S"},
	{words: []string{"aps"}, display: "ApS"},
	{words: []string{"as"}, display: "AS"},
	{words: []string{"asa"}, display: "ASA"},
	{words: []string{"ivs"}, display: "IVS"},
	{words: []string{"amba"}, display: "A.m.b.a."},
	{words: []string{"smba"}, display: "S.m.b.a."},
	{words: []string{"fmba"}, display: "F.m.b.a."},
	{words: []string{"aktieselskab"}, display: "A/S"},
	{words: []string{"aktieselskabet"}, display: "A/S"},
	{words: []string{"anpartsselskab"}, display: "ApS"},
	{words: []string{"anpartsselskabet"}, display: "ApS"},
	{words: []string{"interessentskab"}, display: "I/S"},
	{words: []string{"interessentskabet"}, display: "I/S"},
	{words: []string{"kommanditselskab"}, display: "K/S"},
	{words: []string{"ivaerksaetterselskab"}, display: "IVS"},
	{words: []string{"aksjeselskap"}, display: "AS"},
	{words: []string{"aksjeselskapet"}, display: "AS"},
	{words: []string{"allmennaksjeselskap"}, display: "ASA"},
	{words: []string{"ans"}, display: "ANS"},
	{words: []string{"da"}, display: "DA"},
	{words: []string{"nuf"}, display: "NUF"},
	{words: []string{"enk"}, display: "ENK"},
	{words: []string{"ba"}, display: "BA"},
	{words: []string{"ab"}, display: "AB"},
	{words: []string{"aktiebolag"}, display: "AB"},
	{words: []string{"aktiebolaget"}, display: "AB"},
	{words: []string{"hb"}, display: "HB"},
	{words: []string{"handelsbolag"}, display: "HB"},
	{words: []string{"kb"}, display: "KB"},
	{words: []string{"kommanditbolag"}, display: "KB"},
	{words: []string{"publ"}, display: "(publ)", qualifier: true},
	{words: []string{"oy"}, display: "Oy"},
	{words: []string{"oyj"}, display: "Oyj"},
	{words: []string{"ehf"}, display: "ehf."},
	{words: []string{"hf"}, display: "hf."},
	{words: []string{"ou"}, display: "OÜ"},
	{words: []string{"uab"}, display: "UAB"},
	{words: []string{"sia"}, display: "SIA"},
	{words: []string{"gmbh"}, display: "GmbH"},
	{words: []string{"ag"}, display: "AG"},
	{words: []string{"kg"}, display: "KG"},
	{words: []string{"ohg"}, display: "OHG"},
	{words: []string{"ug"}, display: "UG"},
	{words: []string{"ek"}, display: "e.K."},
	{words: []string{"ltd"}, display: "Ltd"},
	{words: []string{"limited"}, display: "Ltd"},
	{words: []string{"plc"}, display: "Plc"},
	{words: []string{"llp"}, display: "LLP"},
	{words: []string{"inc"}, display: "Inc"},
	{words: []string{"incorporated"}, display: "Inc"},
	{words: []string{"llc"}, display: "LLC"},
	{words: []string{"corp"}, display: "Corp"},
	{words: []string{"corporation"}, display: "Corp"},
	{words: []string{"co"}, display: "Co.", qualifier: true},
	{words: []string{"bv"}, display: "BV"},
	{words: []string{"nv"}, display: "NV"},
	{words: []string{"sa"}, display: "SA"},
	{words: []string{"sas"}, display: "SAS"},
	{words: []string{"sarl"}, display: "SARL"},
	{words: []string{"srl"}, display: "SRL"},
	{words: []string{"spa"}, display: "S.p.A."},
	{words: []string{"sl"}, display: "S.L."},
}

// leadingForms are stripped from the start of a name: Nordic companies are
// often registered as "AB Volvo" or "A/S Storebælt" and typed the other way
// round.
var leadingForms = []legalForm{
	{words: []string{"a", "s"}, display: "A/S"},
	{words: []string{"as"}, display: "AS"},
	{words: []string{"ab"}, display: "AB"},
	{words: []string{"aktieselskabet"}, display: "A/S"},
	{words: []string{"aktiebolaget"}, display: "AB"},
	{words: []string{"oy"}, display: "Oy"},
	{words: []string{"oyj"}, display: "Oyj"},
}

// connectives join the words of a name ("Hansen og Søn", "GmbH & Co. KG").
// They are no evidence of identity, so they are not tokens, and one left
// dangling after a stripped legal form ("Hansen og Co. ApS") goes too.
var connectives = map[string]bool{
	"og": true, "and": true, "und": true, "och": true, "et": true,
	"the": true, "of": true,
}

// stripLegalForms finds the legal forms at the end and then the start of
// words, never taking the last remaining word, so "AS" alone stays a name.
// It returns the bounds of the words that remain and the legal form's
// usual spelling.
func stripLegalForms(words []string) (lo, hi int, form string) {
	lo, hi = 0, len(words)
	qualifier := ""
	note := func(f legalForm) {
		switch {
		case f.qualifier && qualifier == "":
			qualifier = f.display
		case !f.qualifier && form == "":
			form = f.display
		}
	}
	stripped := false
	for hi-lo > 1 {
		if f, ok := formAt(words[lo:hi], trailingForms, true); ok {
			hi -= len(f.words)
			note(f)
			stripped = true
			continue
		}
		if stripped && connectives[words[hi-1]] {
			hi--
			continue
		}
		break
	}
	for hi-lo > 1 {
		f, ok := formAt(words[lo:hi], leadingForms, false)
		if !ok {
			break
		}
		lo += len(f.words)
		note(f)
	}
	if form == "" {
		form = qualifier
	}
	return lo, hi, form
}

// formAt finds the first form in table that ends (atEnd) or starts words
// while leaving at least one word.
func formAt(words []string, table []legalForm, atEnd bool) (legalForm, bool) {
	for _, f := range table {
		n := len(f.words)
		if n >= len(words) {
			continue
		}
		part := words[:n]
		if atEnd {
			part = words[len(words)-n:]
		}
		if equalWords(part, f.words) {
			return f, true
		}
	}
	return legalForm{}, false
}

// equalWords reports two equal word lists.
func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
