package auth

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// ErrAccessDenied is returned when the user (or the tenant) refused the
// app on SuperOffice's consent page.
var ErrAccessDenied = errors.New("adgang afvist i SuperOffice")

// loginTimeout is how long the loopback listener waits for the browser.
const loginTimeout = 10 * time.Minute

// callback is what the browser brought back.
type callback struct {
	code string
	err  error
}

// loopback is a one-shot redirect listener on 127.0.0.1: the first valid
// callback (right path, right state) is taken; anything else is answered
// and ignored, so a stray or forged request can neither complete nor
// abort the sign-in.
type loopback struct {
	ln    net.Listener
	path  string
	state string
	once  sync.Once
	got   chan callback
}

// listenLoopback listens on an ephemeral port of 127.0.0.1 — never
// 0.0.0.0 and never the name localhost, which may resolve elsewhere.
func listenLoopback(path, state string) (*loopback, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("open the sign-in listener on 127.0.0.1: %w", err)
	}
	if path != "" && !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return &loopback{ln: ln, path: path, state: state, got: make(chan callback, 1)}, nil
}

// redirectURI is http://127.0.0.1:<port> plus the configured path, if any.
func (l *loopback) redirectURI() string {
	return "http://" + l.ln.Addr().String() + l.path
}

func (l *loopback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	want := l.path
	if want == "" {
		want = "/"
	}
	if r.URL.Path != want || (r.Method != http.MethodGet && r.Method != http.MethodPost) {
		http.NotFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		page(w, http.StatusBadRequest, "Ugyldigt svar", "Svaret fra SuperOffice kunne ikke læses.")
		return
	}
	if r.Form.Get("state") != l.state {
		page(w, http.StatusBadRequest, "Ugyldigt svar", "Svaret hører ikke til denne forbindelse. Start forbindelsen igen fra appen.")
		return
	}
	var cb callback
	switch {
	case r.Form.Get("error") != "":
		cb.err = fmt.Errorf("%w (%s)", ErrAccessDenied, sanitize(r.Form.Get("error")))
	case r.Form.Get("code") == "":
		page(w, http.StatusBadRequest, "Ugyldigt svar", "Svaret fra SuperOffice manglede en kode.")
		return
	default:
		cb.code = r.Form.Get("code")
	}
	first := false
	l.once.Do(func() { first = true; l.got <- cb })
	switch {
	case !first:
		page(w, http.StatusConflict, "Allerede behandlet", "Forbindelsen er allerede behandlet. Du kan lukke dette vindue.")
	case cb.err != nil:
		page(w, http.StatusOK, "Adgang afvist", "SuperOffice gav ikke adgang. Du kan lukke dette vindue og prøve igen fra appen.")
	default:
		page(w, http.StatusOK, "Forbundet", "RabitIQ SuperOffice har fået adgang. Du kan lukke dette vindue og vende tilbage til appen.")
	}
}

// sanitize keeps an error code from the query printable and short; it is
// shown to the user and must not carry anything else.
func sanitize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 64 {
			break
		}
		if r == '_' || r == '-' || r == ' ' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func page(w http.ResponseWriter, status int, title, text string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<!doctype html><html lang="da"><meta charset="utf-8"><title>%[1]s – RabitIQ SuperOffice</title>
<body style="font-family:sans-serif;max-width:32em;margin:4em auto"><h1>%[1]s</h1><p>%[2]s</p></body></html>`,
		html.EscapeString(title), html.EscapeString(text))
}

// wait serves until the first valid callback, ctx's end or loginTimeout,
// then shuts the listener down in every case.
func (l *loopback) wait(parent context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(parent, loginTimeout)
	defer cancel()
	srv := &http.Server{Handler: l, ReadHeaderTimeout: 10 * time.Second}
	var code string
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		if err := srv.Serve(l.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	g.Go(func() error {
		defer func() {
			sctx, c := context.WithTimeout(context.Background(), time.Second)
			defer c()
			_ = srv.Shutdown(sctx)
		}()
		select {
		case cb := <-l.got:
			code = cb.code
			return cb.err
		case <-gctx.Done():
			if parent.Err() != nil {
				return fmt.Errorf("sign-in cancelled: %w", parent.Err())
			}
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return errors.New("the sign-in was not completed within 10 minutes")
			}
			return fmt.Errorf("sign-in stopped: %w", gctx.Err())
		}
	})
	if err := g.Wait(); err != nil {
		return "", err
	}
	return code, nil
}
