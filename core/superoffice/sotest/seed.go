package sotest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/fields"
)

// Seed is the initial state of a simulated tenant. It loads from JSON
// (LoadSeed); property names match case-insensitively, so both camelCase
// and PascalCase files work. A nil ContactFields and PersonFields (keys
// absent) means "all 37 RabitIQ fields on Contact"; an empty list ([]) means
// none. Nil Countries means the built-in list (DefaultCountries).
type Seed struct {
	// ContactFields are the custom fields (udefs and x_ extra fields) the
	// tenant has on Contact (company).
	ContactFields []CustomFieldDef `json:"contactFields"`
	// PersonFields are the custom fields on Person.
	PersonFields []CustomFieldDef `json:"personFields"`
	// Countries is the tenant's country list.
	Countries []Country `json:"countries"`
	// HomeCountryID is the signed-in user's home country (default 208).
	HomeCountryID int `json:"homeCountryId"`
	// Companies are existing companies (Contact entities).
	Companies []SeedCompany `json:"companies"`
	// Persons are existing persons; ContactID links them to a company.
	Persons []SeedPerson `json:"persons"`
	// Lists are the Category, Business and Task lists; nil: DefaultLists.
	Lists *SeedLists `json:"lists"`
}

// CustomFieldDef is one custom field configured in the tenant.
type CustomFieldDef struct {
	// ProgId is the CustomFields key: "RabitIQ:1" for a udef, "x_name" for
	// an extra field.
	ProgId string `json:"progId"`
	// Label is the field label shown in SuperOffice (FieldLabel/DisplayName).
	Label string `json:"label"`
	// Type is Number, ShortText, LongText, Decimal, Date, UnlimitedDate,
	// Checkbox or List.
	Type string `json:"type"`
	// TextLength is the maximum length of a text field. 0 means the maximum
	// for the type (ShortText 39, LongText 199; extra fields 255).
	TextLength int `json:"textLength,omitempty"`
	// ExtraField marks an extra field (database column x_...) instead of a
	// user-defined field. Extra fields are not in UdefLayout.
	ExtraField bool `json:"extraField,omitempty"`
	// Unpublished marks a udef the admin added but did not publish: it is
	// in UdefLayout but not in UdefLayout/Published, CustomField or
	// CustomFields, and writing it is a violation.
	Unpublished bool `json:"unpublished,omitempty"`
}

// SeedCompany is one existing company.
type SeedCompany struct {
	ID           int               `json:"id"` // 0: assigned
	Name         string            `json:"name"`
	Department   string            `json:"department"`
	OrgNr        string            `json:"orgNr"`
	Number1      string            `json:"number1"`
	Number2      string            `json:"number2"`
	Description  string            `json:"description"`
	CountryID    int               `json:"countryId"` // 0: home country
	Emails       []string          `json:"emails"`
	Urls         []string          `json:"urls"`
	Phones       []string          `json:"phones"`
	Domains      []string          `json:"domains"`
	Street       *SeedAddress      `json:"street"`
	Postal       *SeedAddress      `json:"postal"`
	CustomFields map[string]string `json:"customFields"` // stored (encoded) values
	// OwnerID is the company's owner, the associate "Vores kontakt" names
	// (0: the signed-in user); see otherAssociates for the other users.
	OwnerID int `json:"ownerId"`
	// Category is the name of one of the tenant's Category list items
	// (Seed.Lists, else DefaultLists), or empty for none.
	Category string `json:"category"`
}

// SeedAddress is a structured address.
type SeedAddress struct {
	Address1 string `json:"address1"`
	Address2 string `json:"address2"`
	Zipcode  string `json:"zipcode"`
	City     string `json:"city"`
}

// SeedPerson is one existing person.
type SeedPerson struct {
	ID           int               `json:"id"` // 0: assigned
	ContactID    int               `json:"contactId"`
	Firstname    string            `json:"firstname"`
	MiddleName   string            `json:"middleName"`
	Lastname     string            `json:"lastname"`
	Title        string            `json:"title"`
	Mrmrs        string            `json:"mrmrs"`
	Emails       []string          `json:"emails"`
	OfficePhones []string          `json:"officePhones"`
	MobilePhones []string          `json:"mobilePhones"`
	CountryID    int               `json:"countryId"`
	Description  string            `json:"description"`
	CustomFields map[string]string `json:"customFields"`
}

// LoadSeed reads a seed from a JSON file.
func LoadSeed(path string) (*Seed, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseSeed(raw)
}

// ParseSeed decodes a seed from JSON.
func ParseSeed(raw []byte) (*Seed, error) {
	var s Seed
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("simulator: seed: %w", err)
	}
	return &s, nil
}

// Udef text limits (API.md §4.1: ShortText String[40], LongText String[200]).
const (
	maxShortText = 39
	maxLongText  = 199
	maxExtraText = 255
)

var fieldTypes = map[string]bool{
	"Number": true, "ShortText": true, "LongText": true, "Decimal": true,
	"Date": true, "UnlimitedDate": true, "Checkbox": true, "List": true,
}

// normalizeFields validates field definitions and fills defaults.
func normalizeFields(defs []CustomFieldDef, owner string, seen map[string]string) ([]CustomFieldDef, error) {
	out := make([]CustomFieldDef, 0, len(defs))
	for _, d := range defs {
		if d.ProgId == "" {
			return nil, fmt.Errorf("simulator: %s field without progId", owner)
		}
		if !fieldTypes[d.Type] {
			return nil, fmt.Errorf("simulator: field %s: unknown type %q", d.ProgId, d.Type)
		}
		isX := strings.HasPrefix(strings.ToLower(d.ProgId), "x_")
		if d.ExtraField != isX {
			return nil, fmt.Errorf("simulator: field %s: extra fields, and only they, are named x_<name>", d.ProgId)
		}
		if prev, ok := seen[strings.ToLower(owner+"|"+d.ProgId)]; ok {
			return nil, fmt.Errorf("simulator: field %s defined twice on %s (%s)", d.ProgId, owner, prev)
		}
		seen[strings.ToLower(owner+"|"+d.ProgId)] = d.Label
		if d.Label == "" {
			d.Label = d.ProgId
		}
		maxLen := 0
		switch {
		case d.ExtraField && (d.Type == "ShortText" || d.Type == "LongText"):
			maxLen = maxExtraText
		case d.Type == "ShortText":
			maxLen = maxShortText
		case d.Type == "LongText":
			maxLen = maxLongText
		}
		if maxLen == 0 {
			d.TextLength = 0
		} else if d.TextLength <= 0 {
			d.TextLength = maxLen
		} else if d.TextLength > maxLen && !d.ExtraField {
			return nil, fmt.Errorf("simulator: field %s: TextLength %d exceeds %d for %s", d.ProgId, d.TextLength, maxLen, d.Type)
		}
		out = append(out, d)
	}
	return out, nil
}

// RabitIQFields returns the 37 RabitIQ fields as the setup guide asks an
// admin to create them: udefs "RabitIQ:N" on Contact with the guide's Danish
// labels, Number for numbers, ShortText for Text and LongText for Text
// (Long), each with the maximum TextLength.
func RabitIQFields() []CustomFieldDef {
	all := fields.All()
	out := make([]CustomFieldDef, 0, len(all))
	for _, f := range all {
		d := CustomFieldDef{ProgId: f.ProgID, Label: f.LabelDA}
		switch f.Type {
		case fields.Number:
			d.Type = "Number"
		case fields.Decimal:
			d.Type = "Decimal"
		case fields.LongText:
			d.Type, d.TextLength = "LongText", maxLongText
		default:
			d.Type, d.TextLength = "ShortText", maxShortText
		}
		out = append(out, d)
	}
	return out
}

// DefaultCountries returns the built-in country list. Ids are ISO 3166-1
// numeric codes (documented for Norway 578, UK 826, Germany 276; API.md §6);
// names are Danish, as in a Danish tenant.
func DefaultCountries() []Country {
	type c struct {
		id               int
		da, en, a2, a3   string
		orgText, dial, d string
	}
	list := []c{
		{208, "Danmark", "Denmark", "DK", "DNK", "CVR-nr.", "45", "dk"},
		{578, "Norge", "Norway", "NO", "NOR", "Org.nr.", "47", "no"},
		{752, "Sverige", "Sweden", "SE", "SWE", "Org.nr.", "46", "se"},
		{246, "Finland", "Finland", "FI", "FIN", "Y-tunnus", "358", "fi"},
		{352, "Island", "Iceland", "IS", "ISL", "Kennitala", "354", "is"},
		{276, "Tyskland", "Germany", "DE", "DEU", "USt-IdNr.", "49", "de"},
		{826, "Storbritannien", "United Kingdom", "GB", "GBR", "VAT No.:", "44", "uk"},
		{840, "USA", "United States", "US", "USA", "EIN", "1", "us"},
		{528, "Holland", "Netherlands", "NL", "NLD", "KvK-nr.", "31", "nl"},
		{250, "Frankrig", "France", "FR", "FRA", "SIRET", "33", "fr"},
		{724, "Spanien", "Spain", "ES", "ESP", "CIF", "34", "es"},
		{380, "Italien", "Italy", "IT", "ITA", "P.IVA", "39", "it"},
		{616, "Polen", "Poland", "PL", "POL", "NIP", "48", "pl"},
		{756, "Schweiz", "Switzerland", "CH", "CHE", "UID", "41", "ch"},
		{40, "Østrig", "Austria", "AT", "AUT", "UID", "43", "at"},
		{56, "Belgien", "Belgium", "BE", "BEL", "BTW", "32", "be"},
		{372, "Irland", "Ireland", "IE", "IRL", "VAT No.:", "353", "ie"},
		{233, "Estland", "Estonia", "EE", "EST", "Reg. kood", "372", "ee"},
		{304, "Grønland", "Greenland", "GL", "GRL", "CVR-nr.", "299", "gl"},
		{234, "Færøerne", "Faroe Islands", "FO", "FRO", "V-tal", "298", "fo"},
	}
	out := make([]Country, 0, len(list))
	for i, x := range list {
		out = append(out, Country{
			CountryId: x.id, Name: x.da, EnglishName: x.en,
			TwoLetterISOCountry: x.a2, ThreeLetterISOCountry: x.a3,
			OrgNrText: x.orgText, DialInPrefix: x.dial, InterAreaPrefix: "00",
			ZipPrefix: x.a2, DomainName: x.d, Rank: i + 1, AddressLayoutId: 1,
			ImageDescription: x.en,
		})
	}
	return out
}

// Country is a country list item (OpenAPI SuperOffice.CRM.Services.Country).
type Country struct {
	CountryId               int    `json:"CountryId"`
	Name                    string `json:"Name"`
	CurrencyId              int    `json:"CurrencyId"`
	EnglishName             string `json:"EnglishName"`
	TwoLetterISOCountry     string `json:"TwoLetterISOCountry"`
	ThreeLetterISOCountry   string `json:"ThreeLetterISOCountry"`
	ImageDescription        string `json:"ImageDescription"`
	OrgNrText               string `json:"OrgNrText"`
	InterAreaPrefix         string `json:"InterAreaPrefix"`
	DialInPrefix            string `json:"DialInPrefix"`
	ZipPrefix               string `json:"ZipPrefix"`
	DomainName              string `json:"DomainName"`
	AddressLayoutId         int    `json:"AddressLayoutId"`
	DomesticAddressLayoutId int    `json:"DomesticAddressLayoutId"`
	ForeignAddressLayoutId  int    `json:"ForeignAddressLayoutId"`
	Rank                    int    `json:"Rank"`
	Tooltip                 string `json:"Tooltip"`
	Deleted                 bool   `json:"Deleted"`
}
