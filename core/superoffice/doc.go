// Package superoffice is the client for the SuperOffice CRM Online REST
// API (the tenant's webapi_url + v1/...). It is modelled on go-github: one
// Client with services per API area, methods that take a context first and
// return the typed result, the *Response and an error, and typed errors
// (*ErrorResponse, *RateLimitError, *AuthError, *MisdirectedError).
package superoffice
