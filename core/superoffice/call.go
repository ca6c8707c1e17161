package superoffice

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// call sends one JSON request and decodes the answer into a new T. Every
// typed method goes through it, so they all share retries and errors.
func call[T any](ctx context.Context, c *Client, method, path string, q url.Values, body any) (*T, *Response, error) {
	req, err := c.NewRequest(method, path, body)
	if err != nil {
		return nil, nil, err
	}
	req.Query = q
	out := new(T)
	resp, err := c.Do(ctx, req, out)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// callList is call for endpoints that answer with a JSON array.
func callList[T any](ctx context.Context, c *Client, path string, q url.Values) ([]T, *Response, error) {
	out, resp, err := call[[]T](ctx, c, http.MethodGet, path, q, nil)
	if err != nil {
		return nil, resp, err
	}
	return *out, resp, nil
}

// search runs an OData search on a list endpoint.
func search(ctx context.Context, c *Client, path string, opts *SearchOptions) (*SearchResult, *Response, error) {
	q, err := opts.values()
	if err != nil {
		return nil, nil, fmt.Errorf("superoffice: GET %s: %w", path, err)
	}
	return call[SearchResult](ctx, c, http.MethodGet, path, q, nil)
}

// patch sends a JSON Patch; only idempotent patches may be retried.
func patch[T any](ctx context.Context, c *Client, path string, ops []PatchOp) (*T, *Response, error) {
	if len(ops) == 0 {
		return nil, nil, fmt.Errorf("superoffice: PATCH %s: no operations", path)
	}
	req, err := c.NewRequest(http.MethodPatch, path, ops)
	if err != nil {
		return nil, nil, err
	}
	req.ContentType = c.patchContentType
	req.Idempotent = patchIdempotent(ops)
	out := new(T)
	resp, err := c.Do(ctx, req, out)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// entityPath is "v1/<kind>/<id>" for a positive id.
func entityPath(kind string, id int) (string, error) {
	if id <= 0 {
		return "", fmt.Errorf("superoffice: %s id must be positive, got %d", kind, id)
	}
	return "v1/" + kind + "/" + strconv.Itoa(id), nil
}

// pathSegment escapes user text (a company name, a domain) for use as one
// path segment: "/" and "?" are escaped, and the dot segments "." and
// "..", which URL resolution would otherwise collapse, are spelled %2E.
func pathSegment(s string) (string, error) {
	if s == "" {
		return "", errors.New("superoffice: empty path segment")
	}
	if s == "." || s == ".." {
		return strings.Repeat("%2E", len(s)), nil
	}
	return url.PathEscape(s), nil
}
