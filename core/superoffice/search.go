package superoffice

import (
	"strconv"
	"strings"
)

// SearchResult is an OData "Slim" answer (SuperOffice.Services.WebApi.OData.ODataSlimResponse):
//
//	{"odata.metadata": "...", "odata.nextLink": null | "...",
//	 "value": [{"PrimaryKey": 25, "EntityName": "contact", "contactId": 25, "name": "Acme ApS", ...}]}
//
// Each row has PrimaryKey and EntityName plus one key per selected column,
// named exactly as selected (camelCase, slashes kept: "email/emailAddress").
// Slim values are display values; Row's helpers accept numbers both as
// JSON numbers and as strings, including the encoded form "[I:25]".
type SearchResult struct {
	Metadata string `json:"odata.metadata,omitempty"`
	NextLink string `json:"odata.nextLink,omitempty"`
	Rows     []Row  `json:"value"`
}

// Row is one search result row, keyed by column name.
type Row map[string]any

// String returns the column as text ("" when absent or null).
func (r Row) String(col string) string {
	switch v := r[col].(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// Int returns the column as an integer; ok is false when the column is
// absent or not a whole number.
func (r Row) Int(col string) (n int, ok bool) {
	switch v := r[col].(type) {
	case float64:
		if v != float64(int(v)) {
			return 0, false
		}
		return int(v), true
	case string:
		s := strings.TrimSpace(v)
		if strings.HasPrefix(s, "[I:") && strings.HasSuffix(s, "]") {
			s = s[3 : len(s)-1]
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return 0, false
}

// PrimaryKey is the row's entity id (0 when missing).
func (r Row) PrimaryKey() int {
	n, _ := r.Int("PrimaryKey")
	return n
}

// EntityName is the row's entity type, e.g. "contact" or "person".
func (r Row) EntityName() string { return r.String("EntityName") }

// Archive column names used by the typed rows. They are the SimpleContact
// and Person archive providers' names, which the API echoes as row keys.
const (
	ColContactID   = "contactId"
	ColName        = "name"
	ColDepartment  = "department"
	ColOrgNr       = "orgnr"
	ColNumber      = "number"
	ColCode        = "code"
	ColCountry     = "country"
	ColCountryID   = "countryId"
	ColCategory    = "category"
	ColBusiness    = "business"
	ColEmail       = "email/emailAddress"
	ColURL         = "url/URLAddress"
	ColPhone       = "contactPhone/formattedNumber"
	ColPersonID    = "personId"
	ColFirstName   = "firstName"
	ColMiddleName  = "middleName"
	ColLastName    = "lastName"
	ColFullName    = "fullName"
	ColTitle       = "title"
	ColAssociateID = "associateId"
	// ColOwner is the owner's full name, "Vores kontakt" (API.md §9:
	// the official sample selects associateId,contactAssociate/fullName).
	ColOwner     = "contactAssociate/fullName"
	ColPostLine1 = "postAddress/line1"
	ColPostZip   = "postAddress/zip"
	ColPostCity  = "postAddress/city"
)

// ContactRowColumns is the $select that fills every ContactRow field.
func ContactRowColumns() []string {
	return []string{ColContactID, ColName, ColDepartment, ColOrgNr, ColNumber, ColCode,
		ColCountryID, ColCountry, ColCategory, ColBusiness, ColEmail, ColURL, ColPhone,
		ColAssociateID, ColOwner, ColPostLine1, ColPostZip, ColPostCity}
}

// PersonRowColumns is the $select that fills every PersonRow field.
func PersonRowColumns() []string {
	return []string{ColPersonID, ColContactID, ColFirstName, ColMiddleName, ColLastName,
		ColFullName, ColTitle, ColEmail}
}

// ContactRow is a company search row with the columns duplicate checks
// and the UI need.
type ContactRow struct {
	ContactID  int
	Name       string
	Department string
	OrgNr      string
	Number     string
	Code       string
	CountryID  int
	Country    string
	Category   string
	Business   string
	Email      string
	URL        string
	Phone      string
	// OwnerID and Owner are the company's owner (associateId and its
	// full name), whose account it is.
	OwnerID int
	Owner   string
	// Address, Zip and City are the postal address: the documented
	// postAddress/ columns. The street address is not read, since its
	// columns' spelling is not documented (docs/superoffice-api.md §2.6).
	Address string
	Zip     string
	City    string
}

// Contact reads the row as a company; ContactID falls back to PrimaryKey
// when contactId was not selected.
func (r Row) Contact() ContactRow {
	id, ok := r.Int(ColContactID)
	if !ok {
		id = r.PrimaryKey()
	}
	cid, _ := r.Int(ColCountryID)
	c := ContactRow{
		ContactID: id, Name: r.String(ColName), Department: r.String(ColDepartment),
		OrgNr: r.String(ColOrgNr), Number: r.String(ColNumber), Code: r.String(ColCode),
		CountryID: cid, Country: r.String(ColCountry), Category: r.String(ColCategory),
		Business: r.String(ColBusiness), Email: r.String(ColEmail), URL: r.String(ColURL),
		Phone: r.String(ColPhone), Owner: r.String(ColOwner),
	}
	c.OwnerID, _ = r.Int(ColAssociateID)
	c.Address, c.Zip, c.City = r.String(ColPostLine1), r.String(ColPostZip), r.String(ColPostCity)
	return c
}

// PersonRow is a person search row.
type PersonRow struct {
	PersonID   int
	ContactID  int
	FirstName  string
	MiddleName string
	LastName   string
	FullName   string
	Title      string
	Email      string
}

// Person reads the row as a person; PersonID falls back to PrimaryKey.
func (r Row) Person() PersonRow {
	id, ok := r.Int(ColPersonID)
	if !ok {
		id = r.PrimaryKey()
	}
	cid, _ := r.Int(ColContactID)
	return PersonRow{
		PersonID: id, ContactID: cid, FirstName: r.String(ColFirstName),
		MiddleName: r.String(ColMiddleName), LastName: r.String(ColLastName),
		FullName: r.String(ColFullName), Title: r.String(ColTitle), Email: r.String(ColEmail),
	}
}

// Contacts reads every row as a company.
func (s *SearchResult) Contacts() []ContactRow {
	out := make([]ContactRow, len(s.Rows))
	for i, r := range s.Rows {
		out[i] = r.Contact()
	}
	return out
}

// Persons reads every row as a person.
func (s *SearchResult) Persons() []PersonRow {
	out := make([]PersonRow, len(s.Rows))
	for i, r := range s.Rows {
		out[i] = r.Person()
	}
	return out
}
