#!/usr/bin/env bash
# Runs the Secret Service tests inside their own D-Bus session with an
# unlocked gnome-keyring, the way a Linux desktop provides one; and first,
# outside any session bus, the cron case: `status` must exit 3 without
# starting a dbus-daemon (the test counts them before and after).
set -euo pipefail
cd "$(dirname "$0")/.."
filter='^(=== RUN|--- |ok|FAIL|PASS|panic)|_test.go'
# No session bus: as under cron, with the real dbus-launch on PATH.
(
	unset DBUS_SESSION_BUS_ADDRESS
	RABITIQ_TEST_REAL_DBUS=1 go test -count=1 -run 'NoSessionBus' -v ./app/cli/ 2>&1 | grep -E "$filter"
	exit "${PIPESTATUS[0]}"
)
# A throw-away keyring directory, so no developer's keyring is touched.
export XDG_DATA_HOME; XDG_DATA_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
dbus-run-session -- bash -c '
	printf "ci-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
	RABITIQ_TEST_SECRET_SERVICE=1 go test -count=1 -run SecretService -v ./app/cli/ 2>&1 | grep -E "'"$filter"'"
	exit ${PIPESTATUS[0]}'
