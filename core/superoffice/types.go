package superoffice

import "strings"

// Response carriers other than the entities in entity.go. JSON names are
// exactly those of the OpenAPI definitions named on each type; only the
// properties this app reads are kept.

// FieldInfo describes one custom field (user-defined or extra) of an
// entity, from GET v1/Contact/CustomField (SuperOffice.CRM.Services.FieldInfoBase).
// It has no length; see UserDefinedFieldInfo for that.
type FieldInfo struct {
	// FieldType is one of Unknown, Integer, ShortText, LongText, Date, Blob,
	// Checkbox, MdoList, Decimal, DateTime, Time, TimeSpan, RelationTo,
	// Attachment, DynamicLink, ListText.
	FieldType string `json:"FieldType"`
	// FieldName is the CustomFields key: a prog id ("SuperOffice:2") or an
	// extra-field column ("x_foobar").
	FieldName            string `json:"FieldName"`
	DisplayName          string `json:"DisplayName"` // may be multi-language: NO:"…";US:"…"
	Description          string `json:"Description,omitempty"`
	ShortLabel           string `json:"ShortLabel,omitempty"`
	HideLabel            bool   `json:"HideLabel,omitempty"`
	HideField            bool   `json:"HideField,omitempty"`
	IsIndexed            bool   `json:"IsIndexed,omitempty"`
	IsMandatory          bool   `json:"IsMandatory,omitempty"`
	IsReadOnly           bool   `json:"IsReadOnly,omitempty"`
	IsExternal           bool   `json:"IsExternal,omitempty"`
	IsDisplayField       bool   `json:"IsDisplayField,omitempty"`
	Rank                 int    `json:"Rank,omitempty"`
	TemplateVariableName string `json:"TemplateVariableName,omitempty"`
}

// UserDefinedFieldInfo describes one published user-defined field, from
// GET v1/Contact/UdefLayout/Published (SuperOffice.CRM.Services.UserDefinedFieldInfo).
// It is the only metadata that carries a text field's length.
type UserDefinedFieldInfo struct {
	UDefFieldId int    `json:"UDefFieldId"`
	ColumnId    int    `json:"ColumnId,omitempty"`
	FieldLabel  string `json:"FieldLabel"` // may be multi-language
	// FieldType is one of Number, ShortText, LongText, Date, UnlimitedDate,
	// Checkbox, List, Decimal.
	FieldType string `json:"FieldType"`
	// ProgId is the CustomFields key; when empty the key is
	// "SuperOffice:<UdefIdentity>".
	ProgId               string `json:"ProgId"`
	TextLength           int    `json:"TextLength"` // characters; 0 for non-text types
	ShortLabel           string `json:"ShortLabel,omitempty"`
	Tooltip              string `json:"Tooltip,omitempty"`
	IsMandatory          bool   `json:"IsMandatory,omitempty"`
	IsReadOnly           bool   `json:"IsReadOnly,omitempty"`
	HideLabel            bool   `json:"HideLabel,omitempty"`
	IsIndexed            bool   `json:"IsIndexed,omitempty"`
	Type                 string `json:"Type,omitempty"` // owner: Contact, Person, ...
	UdefIdentity         int    `json:"UdefIdentity,omitempty"`
	UDListDefinitionId   int    `json:"UDListDefinitionId,omitempty"`
	ListTableId          int    `json:"ListTableId,omitempty"`
	MdoListName          string `json:"MdoListName,omitempty"`
	TabOrder             int    `json:"TabOrder,omitempty"`
	Version              int    `json:"Version,omitempty"`
	TemplateVariableName string `json:"TemplateVariableName,omitempty"`
	HasBeenPublished     bool   `json:"HasBeenPublished,omitempty"`
}

// DuplicateEntry is one possible duplicate company, from
// GET v1/Contact/Duplicates/{name} (SuperOffice.CRM.Services.DuplicateEntry).
type DuplicateEntry struct {
	RuleName        string `json:"RuleName"`
	SoPrimaryKey    int    `json:"SoPrimaryKey"` // contact id; 0 for matches from external systems
	EntryName       string `json:"EntryName"`
	EntryIdentifier string `json:"EntryIdentifier,omitempty"`
	RuleDisplayName string `json:"RuleDisplayName,omitempty"`
}

// CountryItem is one entry of the tenant's country list, from
// GET v1/List/Country/Items (SuperOffice.CRM.Services.Country). Ids are
// tenant data, so the app maps by TwoLetterISOCountry instead of
// hard-coding them.
type CountryItem struct {
	CountryId             int    `json:"CountryId"`
	Name                  string `json:"Name"`
	EnglishName           string `json:"EnglishName,omitempty"`
	TwoLetterISOCountry   string `json:"TwoLetterISOCountry"`
	ThreeLetterISOCountry string `json:"ThreeLetterISOCountry,omitempty"`
	OrgNrText             string `json:"OrgNrText,omitempty"`
	CurrencyId            int    `json:"CurrencyId,omitempty"`
	DialInPrefix          string `json:"DialInPrefix,omitempty"`
	InterAreaPrefix       string `json:"InterAreaPrefix,omitempty"`
	ZipPrefix             string `json:"ZipPrefix,omitempty"`
	DomainName            string `json:"DomainName,omitempty"`
	AddressLayoutId       int    `json:"AddressLayoutId,omitempty"`
	Rank                  int    `json:"Rank,omitempty"`
	Tooltip               string `json:"Tooltip,omitempty"`
	Deleted               bool   `json:"Deleted,omitempty"`
}

// Ref returns the reference form used when writing an entity's Country.
func (c CountryItem) Ref() *Country { return &Country{CountryId: c.CountryId} }

// Principal is the signed-in user, from GET v1/User/currentPrincipal
// (SuperOffice.CRM.Services.SoPrincipalCarrier). OIDC has no UserInfo
// endpoint in SuperOffice; this is its replacement.
type Principal struct {
	UserType                  string   `json:"UserType"`  // InternalAssociate, ...
	Associate                 string   `json:"Associate"` // logon name
	AssociateId               int      `json:"AssociateId"`
	IsPerson                  bool     `json:"IsPerson"`
	PersonId                  int      `json:"PersonId"`
	CountryId                 int      `json:"CountryId"`
	HomeCountryId             int      `json:"HomeCountryId"` // default country for new companies
	ContactId                 int      `json:"ContactId"`
	GroupId                   int      `json:"GroupId"`
	BusinessId                int      `json:"BusinessId,omitempty"`
	CategoryId                int      `json:"CategoryId,omitempty"`
	ContactOwner              int      `json:"ContactOwner,omitempty"`
	RoleId                    int      `json:"RoleId,omitempty"`
	RoleName                  string   `json:"RoleName,omitempty"`
	RoleDescription           string   `json:"RoleDescription,omitempty"`
	RoleType                  string   `json:"RoleType,omitempty"`
	FullName                  string   `json:"FullName"`
	EMailAddress              string   `json:"EMailAddress"`
	FunctionRights            []string `json:"FunctionRights,omitempty"`
	SecondaryGroups           []int    `json:"SecondaryGroups,omitempty"`
	DatabaseContextIdentifier string   `json:"DatabaseContextIdentifier"` // e.g. Cust12345
	UserName                  string   `json:"UserName,omitempty"`
}

// VersionInfo is the answer of GET {api}: which API versions the tenant
// offers and its NetServer build, useful in diagnostics.
type VersionInfo struct {
	V1                string `json:"v1"`
	Version           string `json:"Version,omitempty"`
	NetServerVersion  string `json:"NetServerVersion"`
	NetServerAssembly string `json:"NetServerAssembly,omitempty"`
	NetServerDate     string `json:"NetServerDate,omitempty"`
	NetServer         string `json:"NetServer,omitempty"`
}

// PatchOp is one RFC 6902 JSON Patch operation. Paths are entity property
// names ("Department", "CustomFields"); SuperOffice accepts them with or
// without a leading slash and case-insensitively. move and copy are not
// supported by SuperOffice.
type PatchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value,omitempty"`
}

// PatchReplace sets path to value, the operation the exporter uses.
func PatchReplace(path string, value any) PatchOp {
	return PatchOp{Op: "replace", Path: path, Value: value}
}

// PatchAdd adds value at path ("Phones/-" appends to a list).
func PatchAdd(path string, value any) PatchOp { return PatchOp{Op: "add", Path: path, Value: value} }

// PatchRemove removes path.
func PatchRemove(path string) PatchOp { return PatchOp{Op: "remove", Path: path} }

// PatchTest makes the whole patch fail with 409 unless path equals value.
func PatchTest(path string, value any) PatchOp {
	return PatchOp{Op: "test", Path: path, Value: value}
}

// patchIdempotent reports whether applying ops twice gives the same result
// as once: true for replace and test, and for add to a named property, but
// not for add into a list ("Phones/-", "Phones/0") or remove, which would
// hit another element or fail on a second run. Only idempotent patches are
// retried.
func patchIdempotent(ops []PatchOp) bool {
	for _, op := range ops {
		switch op.Op {
		case "replace", "test":
		case "add":
			last := op.Path[strings.LastIndexByte(op.Path, '/')+1:]
			if last == "-" || last == "" || strings.Trim(last, "0123456789") == "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}
