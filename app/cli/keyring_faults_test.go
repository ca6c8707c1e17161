package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
)

// hungKeyring never answers, like a Secret Service stuck behind a locked
// collection prompt nobody sees.
type hungKeyring struct {
	calls   atomic.Int32
	release chan struct{}
}

func (k *hungKeyring) wait() { k.calls.Add(1); <-k.release }
func (k *hungKeyring) Get(string, string) (string, error) {
	k.wait()
	return "", errors.New("released")
}
func (k *hungKeyring) Set(string, string, string) error { k.wait(); return errors.New("released") }
func (k *hungKeyring) Delete(string, string) error      { k.wait(); return errors.New("released") }

// `connect` against a hung keyring waits one budget for all its keyring
// calls together, then says the sign-in lasts for this run only.
func TestConnectWithHungKeyringWaitsOneBudget(t *testing.T) {
	old := keyringBudget
	keyringBudget = 200 * time.Millisecond
	t.Cleanup(func() { keyringBudget = old })
	s := startSim(t, nil)
	kr := &hungKeyring{release: make(chan struct{})}
	t.Cleanup(func() { close(kr.release) })
	env := map[string]string{"RABITIQ_SO_AUTHORITY": s.Authority(), "RABITIQ_SO_CLIENT_ID": s.ClientID()}
	done := make(chan result, 1)
	go func() { done <- runWith(t, env, kr, browserFor(t), "connect", "--env", "sod") }()
	select {
	case r := <-done:
		if r.code != ExitFailure || !strings.Contains(r.stderr, "keyring") {
			t.Errorf("connect with a hung keyring: exit %d, stderr %q", r.code, r.stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("connect is still waiting for the hung keyring")
	}
	if n := kr.calls.Load(); n != 1 {
		t.Errorf("the hung keyring was asked %d times, want once", n)
	}
}

// `disconnect` removes every piece of the refresh token even when the
// head entry is garbled.
func TestDisconnectSweepsEveryChunk(t *testing.T) {
	kr := &auth.MemKeyring{}
	st := auth.CredentialStore{Keyring: kr}
	if err := st.Save(&auth.Credentials{RefreshToken: strings.Repeat("R", 6000), Environment: auth.EnvSOD}); err != nil {
		t.Fatal(err)
	}
	if err := kr.Set(auth.KeyringService, "superoffice", "chunked:garbled"); err != nil {
		t.Fatal(err)
	}
	if r := runWith(t, nil, kr, nil, "disconnect"); r.code != ExitOK || kr.Len() != 0 {
		t.Errorf("disconnect: exit %d, %d keyring entries left: %s", r.code, kr.Len(), r.stderr)
	}
	if r := runWith(t, nil, kr, nil, "status"); r.code != ExitNotConnected {
		t.Errorf("status after disconnect: %d", r.code)
	}
}

// countingTransport answers every request 200 and counts them.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	c.n.Add(1)
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
}

// A static token is never sent over plain http to another machine; on
// loopback (the simulator, a local proxy) plain http stays allowed.
func TestStaticTokenRefusedOverPlainHTTP(t *testing.T) {
	for _, api := range []string{"http://192.0.2.10/Cust1/api/", "http://sod.superoffice.com/Cust1/api/", "HTTP://10.0.0.1:8080/Cust1/api"} {
		ct := &countingTransport{}
		var out, errb bytes.Buffer
		env := map[string]string{"RABITIQ_SO_API_URL": api, "RABITIQ_SO_ACCESS_TOKEN": "SECRET-STATIC-TOKEN"}
		e := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }, Now: time.Now,
			Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Transport: ct}}
		code := Run(context.Background(), e, []string{"fields"})
		if code != ExitFailure || ct.n.Load() != 0 || !strings.Contains(errb.String(), "https") {
			t.Errorf("%s: exit %d, %d requests sent, stderr %q", api, code, ct.n.Load(), errb.String())
		}
		if strings.Contains(out.String()+errb.String(), "SECRET-STATIC-TOKEN") {
			t.Errorf("%s: the token is in the output", api)
		}
	}
	s := startSim(t, nil)
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	env["RABITIQ_SO_API_URL"] = strings.Replace(s.APIURL(), "127.0.0.1", "localhost", 1)
	if r := run(t, env, "fields", "--json"); r.code != ExitOK {
		t.Errorf("plain http on localhost: exit %d %s", r.code, r.stderr)
	}
}

// TestHelperProcessCLI is not a test: the tests below run the CLI in a
// child process through it, with an environment of their choosing.
func TestHelperProcessCLI(t *testing.T) {
	if os.Getenv("RABITIQ_CLI_HELPER") != "1" {
		t.Skip("helper process")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(Run(context.Background(), OSEnv(), args))
}

func dbusDaemons(t *testing.T) int {
	out, _ := exec.Command("pgrep", "-c", "-x", "dbus-daemon").Output()
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("pgrep: %q %v", out, err)
	}
	return n
}

// A cron job has no session bus. `status` must say "not connected" (exit
// 3) at once without starting anything: go-keyring would otherwise run
// dbus-launch, which leaves a dbus-daemon behind on every run. The child
// gets an empty environment and a PATH whose dbus-launch only leaves a
// mark; with RABITIQ_TEST_REAL_DBUS=1 (.ci/keyring-test.sh) it gets the
// real PATH and the test counts dbus-daemon processes instead.
func TestNoSessionBusStartsNothing(t *testing.T) {
	if _, err := os.Stat("/run/user/" + strconv.Itoa(os.Getuid()) + "/bus"); err == nil {
		t.Skip("this user has a session bus socket; the test needs a machine without one")
	}
	dir := t.TempDir()
	mark := filepath.Join(dir, "dbus-launch-ran")
	path := dir
	if err := os.WriteFile(filepath.Join(dir, "dbus-launch"), []byte("#!/bin/sh\n: > "+mark+"\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	real := os.Getenv("RABITIQ_TEST_REAL_DBUS") == "1"
	before := 0
	if real {
		path = os.Getenv("PATH")
		before = dbusDaemons(t)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessCLI$", "--", "status")
	cmd.Env = []string{"RABITIQ_CLI_HELPER=1", "PATH=" + path}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != ExitNotConnected {
		t.Errorf("status without a session bus: %v, want exit 3\nstdout %s\nstderr %s", err, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "ikke forbundet") || !strings.Contains(stderr.String(), "D-Bus") {
		t.Errorf("status should say why: stdout %q stderr %q", stdout.String(), stderr.String())
	}
	if _, err := os.Stat(mark); err == nil {
		t.Error("dbus-launch was run: a dbus-daemon would be left behind")
	}
	if real {
		time.Sleep(200 * time.Millisecond) // let a daemon that was started show up
		if after := dbusDaemons(t); after != before {
			t.Errorf("dbus-daemon processes: %d before, %d after", before, after)
		}
	}
}
