// Package mapping turns one RabitIQ lead into what the SuperOffice REST API
// wants: the ContactEntity body of the company, its custom field values and
// the PersonEntity bodies of its contacts (issue 3; docs/superoffice-api.md
// §3–§6; the guide's chapters 3 and 5).
//
// It is pure code: no I/O, no clock, no package state that changes (the
// tables are read only), and the same lead and tenant always give the same
// plan and byte-identical previews. Everything about the tenant (custom
// field keys and types, field lengths, country list) comes in through
// TenantInfo, so a plan can be previewed offline and tested without one.
//
// Decisions worth knowing:
//
//   - Property names are the official OpenAPI ones; the guide's loose names
//     (Info, URL, Address1 on the company) do not exist in the API. The
//     tests check every body against the OpenAPI definitions.
//   - The 37 fields of core/fields go to CustomFields, never to the
//     deprecated UserDefinedFields or ExtraFields: [I:n] for Number (rounded
//     half away from zero; outside the 32-bit range it is not sent), [F:x]
//     with "." for Decimal, plain text otherwise. A field without a value is
//     not sent at all.
//   - Lengths are counted as SuperOffice counts them, in UTF-16 code units
//     (see Length): the same as characters for æ, ø, å and all other BMP
//     text, two for an emoji. Text is cut between grapheme clusters and ends
//     in "…". E-mail addresses, phone numbers and URLs are never cut, since a
//     cut one is a wrong one: a URL first loses its query, and what still
//     does not fit is left out.
//   - The same person listed twice (same name and e-mail) becomes one
//     person, so one sync never creates a duplicate.
//   - Nothing is dropped, defaulted or cut silently: each such step is a
//     Warning, whose String is the Danish line shown to the user.
package mapping
