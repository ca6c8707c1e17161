package logbook

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// The secrets of the redaction test: each must be gone from the file.
const (
	bearerTok  = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlX2hlcmU"
	opaqueTok  = "8xK2pQ9mZ7vL4nR1wT6yB3cF5hJ0sD"
	queryTok   = "AT-query-1234567890"
	authCode   = "CODE-abcdef123456"
	refreshTok = "RT-json-0987654321"
	secretVal  = "client-secret-value-42"
	verifier   = "verifier-QWERTYUIOP1234"
)

func TestFileHoldsNoSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logs", FileName)
	lb := Open(path)
	lb.Secret("static-token-from-env-123")
	ctx := context.Background()
	er := &so.ErrorResponse{Response: &http.Response{StatusCode: 401}, Method: "GET", Path: "v1/Contact/5",
		ErrorMessage: "echo: Authorization: Bearer " + opaqueTok}
	Error(ctx, lb.Logger, "sync failed", fmt.Errorf("sync: %w", er), slog.Int64(KeyLead, 7))
	Error(ctx, lb.Logger, "sign-in failed", errors.New("token endpoint: POST https://x/login/common/oauth/tokens?grant_type=authorization_code&code="+authCode+"&code_verifier="+verifier+"&client_secret="+secretVal))
	Error(ctx, lb.Logger, "refresh failed", errors.New(`oauth2: cannot fetch token: 400 Response: {"access_token":"`+queryTok+`","refresh_token":"`+refreshTok+`","token_type":"Bearer"}`))
	lb.Logger.Info("callback https://127.0.0.1:9999/?access_token="+queryTok+"&state=s", "header", "Authorization: bearer "+bearerTok, "jwt", bearerTok)
	lb.Logger.Warn("env", "value", "static-token-from-env-123", "creds", map[string]string{"refreshToken": refreshTok})
	if err := lb.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	for _, s := range []string{bearerTok, opaqueTok, queryTok, authCode, refreshTok, secretVal, verifier, "static-token-from-env-123", "eyJ"} {
		if strings.Contains(log, s) {
			t.Errorf("log holds %q:\n%s", s, log)
		}
	}
	// What support needs stays: the status and the request.
	for _, want := range []string{`"status":401`, `"method":"GET"`, `"path":"v1/Contact/5"`, `"lead":7`, "grant_type=authorization_code", Redacted} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s:\n%s", want, log)
		}
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm()&0o077 != 0 {
		t.Errorf("log file mode: %v %v", st.Mode(), err)
	}
}

func TestRedactKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{"superoffice: GET v1/Contact/5: 500 SoException", "errorcode=7 in barcode=5", "lead 12 synced to company 9"} {
		if got := Redact(s); got != s {
			t.Errorf("Redact(%q) = %q", s, got)
		}
	}
}

func TestWriterRotates(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	w := &Writer{Path: path, MaxSize: 100, Files: 3}
	line := []byte(strings.Repeat("x", 39) + "\n") // 40 bytes: two fit in one file
	for i := range 9 {
		line[0] = byte('a' + i)
		if _, err := w.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	// Nine 40-byte lines, two per file: "i" starts the current file, and
	// the three files keep the last five lines.
	want := map[string]string{path: "i", path + ".1": "gh", path + ".2": "ef"}
	for p, firsts := range want {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			got += l[:1]
		}
		if len(b) > 100 || got != firsts {
			t.Errorf("%s: %d bytes, lines %q, want %q", filepath.Base(p), len(b), got, firsts)
		}
	}
	if _, err := os.Stat(path + ".3"); !os.IsNotExist(err) {
		t.Errorf("a fourth file exists: %v", err)
	}
}

func TestRecentReadsErrorsAcrossRotation(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	lb := Open(path)
	lb.w.MaxSize = 400
	ctx := context.Background()
	for i := range 12 {
		er := &so.ErrorResponse{Response: &http.Response{StatusCode: 500 + i%4}, Method: "PUT", Path: fmt.Sprintf("v1/Contact/%d", i)}
		Error(ctx, lb.Logger, "sync failed", er, slog.Int64(KeyLead, int64(i+1)))
		lb.Logger.Info("sync", KeyLead, i+100, KeyOutcome, "updated")
	}
	lb.Logger.Error("sync failed", KeyLead, 99, KeyError, "sync: superoffice: GET v1/Contact/3: 503 Busy")
	lb.Close()
	if _, err := os.Stat(path + ".1"); err != nil {
		t.Fatalf("no rotation happened: %v", err)
	}
	es, err := Recent(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3: %+v", len(es), es)
	}
	last := es[2]
	if last.Lead != 99 || last.Status != 0 || !strings.Contains(last.Error, "503") {
		t.Errorf("last = %+v", last)
	}
	if es[1].Lead != 12 || es[1].Status != 503 || es[1].Method != "PUT" || es[1].Path != "v1/Contact/11" {
		t.Errorf("second last = %+v", es[1])
	}
	if es, err := Recent(filepath.Join(t.TempDir(), FileName), 5); err != nil || len(es) != 0 {
		t.Errorf("missing file: %v %v", es, err)
	}
}

func TestTextAttrs(t *testing.T) {
	got := fmt.Sprint(TextAttrs(`sync "X": superoffice: POST v1/Contact: 500 SoException`))
	if got != "[status=500 method=POST path=v1/Contact]" {
		t.Errorf("TextAttrs = %s", got)
	}
	if TextAttrs("context deadline exceeded") != nil {
		t.Error("TextAttrs found a status in plain text")
	}
}

func TestDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"HOME": "/home/a"}, "/home/a/.local/state/rabitiq-superoffice"},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_STATE_HOME": "/st"}, "/st/rabitiq-superoffice"},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_STATE_HOME": "rel"}, "/home/a/.local/state/rabitiq-superoffice"},
		{"darwin", map[string]string{"HOME": "/Users/a"}, "/Users/a/Library/Logs/RabitIQ SuperOffice"},
		{"windows", map[string]string{"LOCALAPPDATA": "/lad"}, filepath.Join("/lad", "RabitIQ SuperOffice", "Logs")},
		{"linux", map[string]string{"HOME": "/home/a", "RABITIQ_LOG_DIR": "/x"}, "/x"},
	}
	for _, c := range cases {
		got, err := dir(env(c.env), c.goos)
		if err != nil || got != filepath.FromSlash(c.want) {
			t.Errorf("%s %v: %q %v, want %q", c.goos, c.env, got, err, c.want)
		}
	}
}

// When the file cannot be moved aside, lines are still written.
func TestWriterKeepsWritingWhenRotationFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.MkdirAll(filepath.Join(path+".1", "blocker"), 0o700); err != nil {
		t.Fatal(err)
	}
	w := &Writer{Path: path, MaxSize: 50, Files: 2}
	for range 4 {
		if _, err := w.Write([]byte(strings.Repeat("y", 29) + "\n")); err != nil {
			t.Fatalf("write: %v", err)
		}
	}
	w.Close()
	if b, err := os.ReadFile(path); err != nil || len(b) != 120 {
		t.Errorf("current file: %d bytes, %v; want all 120", len(b), err)
	}
}
