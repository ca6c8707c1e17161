// Package superoffice is the client for the SuperOffice CRM Online REST
// API (the tenant's webapi_url + v1/...). It is modelled on go-github: one
// Client with services per API area, methods that take a context first and
// return the typed result, the *Response and an error, and typed errors
// (*ErrorResponse, *RateLimitError, *AuthError, *MisdirectedError,
// *AmbiguousError).
//
// Failure handling, in the order Client.Do applies it:
//
//   - 401: the token source is invalidated (Invalidator) or WithRefresher's
//     hook runs, and the request is sent once more with a fresh token. This
//     holds for POST too: a 401 means the server refused before acting.
//   - 421: the tenant moved; WithResolver's function gives the new base and
//     the request is sent once more there (POST too, for the same reason).
//   - 429/502/503/504 and connection errors: idempotent requests (GET, PUT,
//     DELETE, and PATCHes made only of replace/test/add-to-property) are
//     retried with jittered exponential backoff, honouring Retry-After up to
//     RetryPolicy.MaxRetryAfter, at most RetryPolicy.MaxAttempts sends.
//   - Anything else that leaves a create's outcome unknown (timeout, dropped
//     connection, 502/503/504) is an *AmbiguousError and is never retried:
//     the record may exist, so the caller searches before creating again.
//
// The access token is sent only to the tenant's host: redirects to another
// host drop it, and server error texts are scrubbed of it.
package superoffice
