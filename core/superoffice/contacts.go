package superoffice

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// ContactsService is the company API under v1/Contact. SuperOffice calls
// companies "Contact"; the people at them are Persons.
type ContactsService service

// Search runs an OData search over the SimpleContact archive
// (GET v1/Contact?$select=...&$filter=...). Use ContactRowColumns for a
// $select that fills SearchResult.Contacts.
func (s *ContactsService) Search(ctx context.Context, opts *SearchOptions) (*SearchResult, *Response, error) {
	return search(ctx, s.client, "v1/Contact", opts)
}

// Get reads one company (GET v1/Contact/{id}); a missing one is a 404
// *ErrorResponse (see IsNotFound).
func (s *ContactsService) Get(ctx context.Context, id int) (*ContactEntity, *Response, error) {
	p, err := entityPath("Contact", id)
	if err != nil {
		return nil, nil, err
	}
	return call[ContactEntity](ctx, s.client, http.MethodGet, p, nil, nil)
}

// Default returns a new company with the tenant's preference defaults
// (GET v1/Contact/default), the recommended starting point for Create.
func (s *ContactsService) Default(ctx context.Context) (*ContactEntity, *Response, error) {
	return call[ContactEntity](ctx, s.client, http.MethodGet, "v1/Contact/default", nil, nil)
}

// Create saves a new company (POST v1/Contact; the API answers 200 with the
// saved entity and its new ContactId). It is never retried on a server or
// connection failure: such failures come back as *AmbiguousError, and the
// caller must search before creating again. A 401 or 421 is retried once,
// since the server refused the request without acting on it.
func (s *ContactsService) Create(ctx context.Context, e *ContactEntity) (*ContactEntity, *Response, error) {
	if e == nil {
		return nil, nil, errors.New("superoffice: Create: nil ContactEntity")
	}
	if e.ContactId != 0 {
		return nil, nil, fmt.Errorf("superoffice: Create: ContactId must be 0, got %d (use Update or Patch)", e.ContactId)
	}
	return call[ContactEntity](ctx, s.client, http.MethodPost, "v1/Contact", nil, e)
}

// Update replaces the whole company (PUT v1/Contact/{id}). Properties that
// ContactEntity does not model are cleared by a PUT, so send only an
// entity read with Get and changed; prefer Patch for partial updates.
func (s *ContactsService) Update(ctx context.Context, id int, e *ContactEntity) (*ContactEntity, *Response, error) {
	p, err := entityPath("Contact", id)
	if err != nil {
		return nil, nil, err
	}
	if e == nil {
		return nil, nil, errors.New("superoffice: Update: nil ContactEntity")
	}
	if e.ContactId != 0 && e.ContactId != id {
		return nil, nil, fmt.Errorf("superoffice: Update: entity ContactId %d does not match id %d", e.ContactId, id)
	}
	return call[ContactEntity](ctx, s.client, http.MethodPut, p, nil, e)
}

// Patch applies a JSON Patch to a company (PATCH v1/Contact/{id}) and
// returns the saved entity. A failed "test" operation is a 409.
func (s *ContactsService) Patch(ctx context.Context, id int, ops []PatchOp) (*ContactEntity, *Response, error) {
	p, err := entityPath("Contact", id)
	if err != nil {
		return nil, nil, err
	}
	return patch[ContactEntity](ctx, s.client, p, ops)
}

// CustomFields lists the published user-defined and extra fields of
// companies (GET v1/Contact/CustomField). Their FieldName is the key in
// ContactEntity.CustomFields.
func (s *ContactsService) CustomFields(ctx context.Context) ([]FieldInfo, *Response, error) {
	return callList[FieldInfo](ctx, s.client, "v1/Contact/CustomField", nil)
}

// UdefLayoutPublished lists the published user-defined fields of companies
// with their lengths (GET v1/Contact/UdefLayout/Published).
func (s *ContactsService) UdefLayoutPublished(ctx context.Context) ([]UserDefinedFieldInfo, *Response, error) {
	return callList[UserDefinedFieldInfo](ctx, s.client, "v1/Contact/UdefLayout/Published", nil)
}

// Duplicates runs the tenant's duplicate rules on a company name and an
// optional department (GET v1/Contact/Duplicates/{name}?department=...).
// The API never blocks duplicate creates, so the exporter asks first.
func (s *ContactsService) Duplicates(ctx context.Context, name, department string) ([]DuplicateEntry, *Response, error) {
	seg, err := pathSegment(name)
	if err != nil {
		return nil, nil, fmt.Errorf("superoffice: Duplicates: %w", err)
	}
	var q url.Values
	if department != "" {
		q = url.Values{"department": {department}}
	}
	return callList[DuplicateEntry](ctx, s.client, "v1/Contact/Duplicates/"+seg, q)
}

// DuplicateDomains finds companies with the same web domain
// (GET v1/Contact/DuplicateDomains/{domain}).
func (s *ContactsService) DuplicateDomains(ctx context.Context, domain string) ([]DuplicateEntry, *Response, error) {
	seg, err := pathSegment(domain)
	if err != nil {
		return nil, nil, fmt.Errorf("superoffice: DuplicateDomains: %w", err)
	}
	return callList[DuplicateEntry](ctx, s.client, "v1/Contact/DuplicateDomains/"+seg, nil)
}

// Persons searches the persons of one company (GET v1/Contact/{id}/Persons,
// the Person archive restricted to that company). Use PersonRowColumns
// for a $select that fills SearchResult.Persons.
func (s *ContactsService) Persons(ctx context.Context, contactID int, opts *SearchOptions) (*SearchResult, *Response, error) {
	p, err := entityPath("Contact", contactID)
	if err != nil {
		return nil, nil, err
	}
	return search(ctx, s.client, p+"/Persons", opts)
}

// PersonsService is the contact-person API under v1/Person.
type PersonsService service

// Search runs an OData search over the Person archive (GET v1/Person).
func (s *PersonsService) Search(ctx context.Context, opts *SearchOptions) (*SearchResult, *Response, error) {
	return search(ctx, s.client, "v1/Person", opts)
}

// Get reads one person (GET v1/Person/{id}).
func (s *PersonsService) Get(ctx context.Context, id int) (*PersonEntity, *Response, error) {
	p, err := entityPath("Person", id)
	if err != nil {
		return nil, nil, err
	}
	return call[PersonEntity](ctx, s.client, http.MethodGet, p, nil, nil)
}

// Default returns a new person with the tenant's defaults (GET v1/Person/default).
func (s *PersonsService) Default(ctx context.Context) (*PersonEntity, *Response, error) {
	return call[PersonEntity](ctx, s.client, http.MethodGet, "v1/Person/default", nil, nil)
}

// Create saves a new person (POST v1/Person); Contact.ContactId links it to
// its company. Like ContactsService.Create it is never retried on a server
// or connection failure (*AmbiguousError).
func (s *PersonsService) Create(ctx context.Context, e *PersonEntity) (*PersonEntity, *Response, error) {
	if e == nil {
		return nil, nil, errors.New("superoffice: Create: nil PersonEntity")
	}
	if e.PersonId != 0 {
		return nil, nil, fmt.Errorf("superoffice: Create: PersonId must be 0, got %d (use Update or Patch)", e.PersonId)
	}
	return call[PersonEntity](ctx, s.client, http.MethodPost, "v1/Person", nil, e)
}

// Update replaces the whole person (PUT v1/Person/{id}); see
// ContactsService.Update for why Patch is usually the better choice.
func (s *PersonsService) Update(ctx context.Context, id int, e *PersonEntity) (*PersonEntity, *Response, error) {
	p, err := entityPath("Person", id)
	if err != nil {
		return nil, nil, err
	}
	if e == nil {
		return nil, nil, errors.New("superoffice: Update: nil PersonEntity")
	}
	if e.PersonId != 0 && e.PersonId != id {
		return nil, nil, fmt.Errorf("superoffice: Update: entity PersonId %d does not match id %d", e.PersonId, id)
	}
	return call[PersonEntity](ctx, s.client, http.MethodPut, p, nil, e)
}

// Patch applies a JSON Patch to a person (PATCH v1/Person/{id}).
func (s *PersonsService) Patch(ctx context.Context, id int, ops []PatchOp) (*PersonEntity, *Response, error) {
	p, err := entityPath("Person", id)
	if err != nil {
		return nil, nil, err
	}
	return patch[PersonEntity](ctx, s.client, p, ops)
}

// CustomFields lists the published custom fields of persons
// (GET v1/Person/CustomField).
func (s *PersonsService) CustomFields(ctx context.Context) ([]FieldInfo, *Response, error) {
	return callList[FieldInfo](ctx, s.client, "v1/Person/CustomField", nil)
}

// UdefLayoutPublished lists the published user-defined fields of persons
// (GET v1/Person/UdefLayout/Published).
func (s *PersonsService) UdefLayoutPublished(ctx context.Context) ([]UserDefinedFieldInfo, *Response, error) {
	return callList[UserDefinedFieldInfo](ctx, s.client, "v1/Person/UdefLayout/Published", nil)
}

// ListsService reads the tenant's lists.
type ListsService service

// Countries returns the tenant's country list (GET v1/List/Country/Items).
// Deleted countries are left out by the server unless includeDeleted is
// set; we never set it, since a deleted country cannot be assigned.
func (s *ListsService) Countries(ctx context.Context) ([]CountryItem, *Response, error) {
	return callList[CountryItem](ctx, s.client, "v1/List/Country/Items", nil)
}

// UserService reads the signed-in user.
type UserService service

// CurrentPrincipal returns who the token belongs to (GET v1/User/currentPrincipal),
// e.g. for the "signed in as" line and HomeCountryId.
func (s *UserService) CurrentPrincipal(ctx context.Context) (*Principal, *Response, error) {
	return call[Principal](ctx, s.client, http.MethodGet, "v1/User/currentPrincipal", nil, nil)
}

// Version reads the API root (GET {api}), which names the supported API
// versions and the NetServer build; a cheap "is the tenant reachable" call.
func (c *Client) Version(ctx context.Context) (*VersionInfo, *Response, error) {
	return call[VersionInfo](ctx, c, http.MethodGet, "", nil, nil)
}
