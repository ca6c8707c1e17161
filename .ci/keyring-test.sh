#!/usr/bin/env bash
# Runs the Secret Service test inside its own D-Bus session with an
# unlocked gnome-keyring, the way a Linux desktop provides one.
set -euo pipefail
cd "$(dirname "$0")/.."
# A throw-away keyring directory, so no developer's keyring is touched.
export XDG_DATA_HOME; XDG_DATA_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
dbus-run-session -- bash -c '
	printf "ci-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
	RABITIQ_TEST_SECRET_SERVICE=1 go test -count=1 -run SecretService -v ./app/cli/ 2>&1 | grep -E "^(=== RUN|--- |ok|FAIL|PASS|panic)|_test.go"
	exit ${PIPESTATUS[0]}'
