// Package sotest is an in-memory SuperOffice CRM Online tenant (the
// simulator) beside the REST client, as httptest is beside net/http: for
// end-to-end tests, the demo mode and development. It serves, on one
// HTTP server (normally 127.0.0.1:PORT):
//
// OIDC (docs/superoffice-api.md §1), authority URL()+"/login":
//
//	GET  /login/.well-known/openid-configuration  issuer = URL() (host root, not /login: the real quirk)
//	GET  /login/.well-known/jwks                  RS256 key with kid, x5t and x5c
//	GET  /login/common/oauth/authorize            also /login/<ctx>/oauth/authorize; PKCE S256 required;
//	                                              Danish approve page ("Tillad"/"Afvis") or AutoApprove
//	POST /login/common/oauth/authorize            the approve page's answer
//	POST /login/common/oauth/tokens               authorization_code (+code_verifier), refresh_token
//	POST /login/common/oauth/revoke               RFC 7009 (URL unconfirmed for the real service)
//	GET  /login/logout
//
// id_tokens carry iat as a JSON string and the SuperOffice claims (Claim*
// constants). Access tokens are opaque "8A:<ctx>.<random>".
//
// REST, base APIURL() = URL()+"/<ctx>/api/", Bearer auth, PascalCase:
//
//	GET  ""                                  version info
//	GET  v1/Contact                          OData search, provider SimpleContact (Slim)
//	POST v1/Contact                          create (200 + ContactEntityWithLinks)
//	GET|PUT|PATCH|DELETE v1/Contact/{id}     PATCH: JSON Patch array or merge-patch object
//	GET  v1/Contact/default | /{id}/Simple | /{id}/Persons (OData)
//	GET  v1/Contact/CustomField[/{name}] | UdefLayout[/Published[/{progId}]]
//	GET  v1/Contact/Duplicates/{name}?department= | DuplicateDomains/{domain} | DuplicateRules
//	POST v1/Agents/Contact/Merge             MergeRequest; 204; the source company is gone, its persons moved
//	...  the same for v1/Person (search provider Person), without duplicates
//	GET  v1/List/Country/Items[/{id}]
//	GET  v1/List/{Category|Business|Task}/Items[/{id}|/Default]  (SeedLists; deleted items hidden)
//	GET  v1/User/currentPrincipal
//	GET  v1/Schema/{contact|person}
//	GET  /api/state/{ctx}                    tenant State API (no auth)
//
// Errors use SuperOffice's body {"Error":true,"ErrorType":...,
// "ErrorMessage":...,"ErrorSource":...}. Request bodies are checked against
// the embedded OpenAPI definitions and the tenant's custom fields; every
// rule broken is recorded as a Violation (see the Kind* constants), so a
// test can assert that a sync run broke none. Faults() injects latency,
// 503/429 with Retry-After, 421, a tenant moved to another host,
// OAuth errors from the token endpoint, expired tokens, hanging creates,
// revoked refresh tokens and denied consent; Config.RotateRefreshTokens
// makes every refresh hand out a new refresh token.
//
// Inspection and control (no auth, not logged): GET /_sim/requests,
// GET /_sim/violations, POST /_sim/reset, GET|POST /_sim/faults,
// GET /_sim/state, POST /_sim/token.
//
// Assumptions where the docs are silent are marked in the code. The
// default tenant takes the forgiving reading of each; Config.Strict takes
// the least forgiving one (a whole-object write of CustomFields replaces
// the dictionary, unknown properties and keys, wrong types and the OData
// doubled quote (two apostrophes) are refused with 400), so a client tested against both
// depends on neither. The forgiving readings: a PATCH replace of
// CustomFields with an object (and a PUT) only changes the keys given;
// unknown CustomFields keys are ignored; JSON Patch operations on unknown
// paths are skipped (and reported), not rejected; the
// refresh-token grant returns no new refresh token; PrimaryKey and integer
// columns of OData Slim rows are JSON numbers (Config.ODataStringValues
// switches to strings as in the documented sample); a GET's CustomFields
// carry "<key>:org" helpers (and ":DisplayText"/":DisplayTooltip" for list
// fields), which may be sent back unchanged.
package sotest
