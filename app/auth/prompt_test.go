package auth

import (
	"context"
	"sync"
	"testing"
	"time"
)

// The sign-in link is shown before the browser opens, not only when it
// fails to: the browser may open with its pop-up blocked, on another
// screen, or be one the user would rather not use.
func TestSignInLinkShownWhenTheBrowserOpens(t *testing.T) {
	h := newHarness(t, nil)
	var mu sync.Mutex
	var shown []string
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := h.m.Connect(ctx, h.cfg, func(u string) { mu.Lock(); shown = append(shown, u); mu.Unlock() }); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	h.b.mu.Lock()
	defer h.b.mu.Unlock()
	if len(h.b.opened) != 1 || len(shown) != 1 || shown[0] != h.b.opened[0] {
		t.Errorf("browser opened %q, link shown %q; want the same one link in both", h.b.opened, shown)
	}
}
