package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// DefaultKeyringBudget is how long one command may wait for the keyring in
// all, across all its keyring calls together.
const DefaultKeyringBudget = 5 * time.Second

// BudgetKeyring gives all calls of one command to a Keyring one time
// budget together. A hung Secret Service used to cost a timeout per call
// (four in a row when connecting); here the first call that runs out of
// budget marks the keyring as gone and every later call fails at once.
// Only time spent waiting for the keyring counts, not the minutes a user
// takes to sign in between two calls.
type BudgetKeyring struct {
	k   Keyring
	ctx context.Context

	mu     sync.Mutex
	left   time.Duration
	failed error
}

// WithBudget wraps k with budget for all its calls (<= 0 means
// DefaultKeyringBudget). A cancelled ctx also ends a waiting call.
func WithBudget(ctx context.Context, k Keyring, budget time.Duration) *BudgetKeyring {
	if budget <= 0 {
		budget = DefaultKeyringBudget
	}
	return &BudgetKeyring{k: k, ctx: ctx, left: budget}
}

func (b *BudgetKeyring) do(fn func() (string, error)) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock() // one call at a time: the budget is spent in order
	if b.failed != nil {
		return "", b.failed
	}
	type res struct {
		s   string
		err error
	}
	ch := make(chan res, 1)
	start := time.Now()
	go func() { s, err := fn(); ch <- res{s, err} }()
	timer := time.NewTimer(b.left)
	defer timer.Stop()
	select {
	case r := <-ch:
		b.left -= time.Since(start)
		var nb *NoSessionBusError
		if errors.As(r.err, &nb) {
			b.failed = r.err // no bus now means no bus for the rest of the command
		}
		return r.s, r.err
	case <-timer.C:
		b.left = 0
		b.failed = fmt.Errorf("%w: the keyring did not answer within %s", ErrKeyringUnavailable, time.Since(start).Round(time.Millisecond))
		return "", b.failed
	case <-b.ctx.Done():
		b.left -= time.Since(start)
		return "", fmt.Errorf("%w: %w", ErrKeyringUnavailable, b.ctx.Err())
	}
}

// Get reads a secret.
func (b *BudgetKeyring) Get(service, user string) (string, error) {
	return b.do(func() (string, error) { return b.k.Get(service, user) })
}

// Set writes a secret.
func (b *BudgetKeyring) Set(service, user, secret string) error {
	_, err := b.do(func() (string, error) { return "", b.k.Set(service, user, secret) })
	return err
}

// Delete removes a secret.
func (b *BudgetKeyring) Delete(service, user string) error {
	_, err := b.do(func() (string, error) { return "", b.k.Delete(service, user) })
	return err
}
