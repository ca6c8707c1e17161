package superoffice

// The entity types below carry exactly the JSON property names of the
// official OpenAPI definitions (SuperOffice.CRM.Services.ContactEntity,
// PersonEntity and their parts). They hold the subset this app reads and
// writes; properties we do not own are never sent, which is why updates go
// through PATCH rather than a PUT of a partially-known entity.

// EntityElement is a phone number, e-mail address or URL.
type EntityElement struct {
	Value         string `json:"Value"`
	StrippedValue string `json:"StrippedValue,omitempty"`
	Description   string `json:"Description,omitempty"`
}

// StructuredAddress is one address of a company or person.
type StructuredAddress struct {
	AtypeIdx  string `json:"AtypeIdx,omitempty"`
	Address1  string `json:"Address1,omitempty"`
	Address2  string `json:"Address2,omitempty"`
	Address3  string `json:"Address3,omitempty"`
	City      string `json:"City,omitempty"`
	County    string `json:"County,omitempty"`
	State     string `json:"State,omitempty"`
	Zipcode   string `json:"Zipcode,omitempty"`
	Formatted string `json:"Formatted,omitempty"`
}

// Address holds the street and postal address. LocalizedAddress is left
// out on purpose: a default entity's empty grid may override Street and
// Postal (API.md §3.1), so we never send one.
type Address struct {
	Street    *StructuredAddress `json:"Street,omitempty"`
	Postal    *StructuredAddress `json:"Postal,omitempty"`
	Formatted string             `json:"Formatted,omitempty"`
}

// Country is a country reference; writes send only CountryId.
type Country struct {
	CountryId             int    `json:"CountryId"`
	Name                  string `json:"Name,omitempty"`
	EnglishName           string `json:"EnglishName,omitempty"`
	TwoLetterISOCountry   string `json:"TwoLetterISOCountry,omitempty"`
	ThreeLetterISOCountry string `json:"ThreeLetterISOCountry,omitempty"`
	OrgNrText             string `json:"OrgNrText,omitempty"`
}

// Associate is a SuperOffice user (the company's owner, "Vores kontakt").
type Associate struct {
	AssociateId int    `json:"AssociateId"`
	Name        string `json:"Name,omitempty"`
	FullName    string `json:"FullName,omitempty"`
}

// ContactRef is the company a person belongs to (OpenAPI
// SuperOffice.CRM.Services.Contact); writes send only ContactId.
type ContactRef struct {
	ContactId int    `json:"ContactId"`
	Name      string `json:"Name,omitempty"`
	OrgNr     string `json:"OrgNr,omitempty"`
}

// FieldRight is the caller's right on one field.
type FieldRight struct {
	Mask   string `json:"Mask,omitempty"`
	Reason string `json:"Reason,omitempty"`
}

// FieldProperty describes one field of an entity as the tenant sees it,
// including its maximum length.
type FieldProperty struct {
	FieldRight  *FieldRight `json:"FieldRight,omitempty"`
	FieldType   string      `json:"FieldType,omitempty"`
	FieldLength int         `json:"FieldLength,omitempty"`
}

// ContactEntity is a SuperOffice company. ContactId 0 means a new company.
type ContactEntity struct {
	ContactId   int             `json:"ContactId"`
	Name        string          `json:"Name,omitempty"`
	Department  string          `json:"Department,omitempty"`
	OrgNr       string          `json:"OrgNr,omitempty"`
	Description string          `json:"Description,omitempty"`
	Emails      []EntityElement `json:"Emails,omitempty"`
	Urls        []EntityElement `json:"Urls,omitempty"`
	Phones      []EntityElement `json:"Phones,omitempty"`
	Address     *Address        `json:"Address,omitempty"`
	Country     *Country        `json:"Country,omitempty"`
	Associate   *Associate      `json:"Associate,omitempty"`
	// Category and Business are items of the tenant's lists; a create
	// sets them, an update never sends them (the user's choice stays).
	Category *ListRef `json:"Category,omitempty"`
	Business *ListRef `json:"Business,omitempty"`
	Domains  []string `json:"Domains,omitempty"`
	// Persons is filled by GET: a summary of each person of the company.
	// It is never sent; nil means the answer did not include it.
	Persons         []PersonSummary          `json:"Persons,omitempty"`
	CreatedDate     string                   `json:"CreatedDate,omitempty"`
	UpdatedDate     string                   `json:"UpdatedDate,omitempty"`
	CustomFields    map[string]string        `json:"CustomFields,omitempty"`
	FieldProperties map[string]FieldProperty `json:"FieldProperties,omitempty"`
}

// PersonEntity is a contact person at a company. PersonId 0 means new.
type PersonEntity struct {
	PersonId        int                      `json:"PersonId"`
	Firstname       string                   `json:"Firstname,omitempty"`
	MiddleName      string                   `json:"MiddleName,omitempty"`
	Lastname        string                   `json:"Lastname,omitempty"`
	FullName        string                   `json:"FullName,omitempty"`
	Title           string                   `json:"Title,omitempty"`
	Emails          []EntityElement          `json:"Emails,omitempty"`
	OfficePhones    []EntityElement          `json:"OfficePhones,omitempty"`
	MobilePhones    []EntityElement          `json:"MobilePhones,omitempty"`
	PrivatePhones   []EntityElement          `json:"PrivatePhones,omitempty"`
	OtherPhones     []EntityElement          `json:"OtherPhones,omitempty"`
	Urls            []EntityElement          `json:"Urls,omitempty"`
	Contact         *ContactRef              `json:"Contact,omitempty"`
	Country         *Country                 `json:"Country,omitempty"`
	CreatedDate     string                   `json:"CreatedDate,omitempty"`
	UpdatedDate     string                   `json:"UpdatedDate,omitempty"`
	CustomFields    map[string]string        `json:"CustomFields,omitempty"`
	FieldProperties map[string]FieldProperty `json:"FieldProperties,omitempty"`
}

// PersonSummary is the read-only summary of a person that a company GET
// carries (OpenAPI SuperOffice.CRM.Services.Person).
type PersonSummary struct {
	PersonId    int    `json:"PersonId"`
	Firstname   string `json:"Firstname,omitempty"`
	MiddleName  string `json:"MiddleName,omitempty"`
	Lastname    string `json:"Lastname,omitempty"`
	FullName    string `json:"FullName,omitempty"`
	Title       string `json:"Title,omitempty"`
	Email       string `json:"Email,omitempty"`
	DirectPhone string `json:"DirectPhone,omitempty"`
	MobilePhone string `json:"MobilePhone,omitempty"`
}
