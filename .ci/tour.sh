#!/usr/bin/env bash
# The scripted tour of the real window under Xvfb, as a salesperson would
# click it: start --demo, drop a lead file on the window, connect to the
# demo tenant, open a lead, export it with "Opret & Sync", open
# Feltopsætning. A screenshot of each step goes to testdata/out/; the
# tour fails if the window never appears, the app dies, Fyne logs a
# thread-check error, or a step's effect is not in the database.
#
# Coordinates are the window's own (no window manager under Xvfb, scale 1,
# default size 1100x720).
set -euo pipefail
BIN=$(realpath "$1"); VERSION=$2
cd "$(dirname "$0")/.."
OUT=testdata/out; mkdir -p "$OUT"; rm -f "$OUT"/tour-*.png
TMP=$(mktemp -d)
export XDG_CONFIG_HOME=$TMP/config LANG=da_DK.UTF-8 RABITIQ_LANG=da
export RABITIQ_BROWSER=headless RABITIQ_DEMO_AUTO_APPROVE=1
DB="$XDG_CONFIG_HOME/RabitIQ SuperOffice/demo/leads.db"

got=$("$BIN" version); [ "$got" = "$VERSION" ] || { echo "tour: version printed $got, FyneApp.toml says $VERSION"; exit 1; }
# Scripts read the CLI's stderr: no Fyne locale noise under LANG=C.UTF-8.
err=$(LC_ALL=C.UTF-8 "$BIN" version 2>&1 >/dev/null) || true
[ -z "$err" ] || { echo "tour: version wrote to stderr under LC_ALL=C.UTF-8: $err"; exit 1; }
# No display (ssh, cron): one line and exit 1, no GLFW stack trace.
rc=0; msg=$(env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" --demo 2>&1) || rc=$?
[ "$rc" = 1 ] && [ "$(printf '%s\n' "$msg" | wc -l)" = 1 ] || { echo "tour: without a display the app exited $rc with: $msg"; exit 1; }
gcc -O2 -o "$TMP/xdnddrop" .ci/xdnddrop.c -lX11

. .ci/xvfb.sh

fail() { echo "tour: $*"; echo "--- app log:"; grep -v 'locale' "$OUT/tour-app.log" | tail -20 || true; exit 1; }
alive() { kill -0 "$APID" 2>/dev/null || fail "the app died ($1)"; }
shot() { sleep "${2:-1}"; import -window "$WID" "$OUT/tour-$1.png"; alive "$1"; }
click() { xdotool mousemove --window "$WID" "$1" "$2" click 1; }
count() { "$BIN" leads --db "$DB" --json | grep -c '"localId"' || true; }
# waitfor CMD... polls until CMD succeeds (about 15 s).
waitfor() { for _ in $(seq 75); do "$@" && return 0; sleep 0.2; done; return 1; }

"$BIN" --demo >"$OUT/tour-app.log" 2>&1 &
APID=$!
WID=$(timeout 60 xdotool search --sync --name '^RabitIQ SuperOffice' | head -1) || true
[ -n "$WID" ] || fail "the window never appeared"
shot 1-start 2
before=$(count)
[ "$before" -ge 26 ] || fail "the demo database has $before leads, want the 26 sample leads"

# 1. Drop a lead file (a path with a space and æøå) on the window.
# grown counts again on every try (a bare "test $(count) …" would count
# once, before waitfor starts, and fail whenever the import is slower).
grown() { [ "$(count)" -gt "$before" ]; }
"$TMP/xdnddrop" "$WID" 300 400 "$(realpath "testdata/drop/nye leads æøå.json")" >/dev/null
waitfor grown || fail "dropping a file imported nothing ($before leads)"
shot 2-dropped
click 582 500   # "Luk" in the import result dialog

# 2. Integrationer → Forbind (the demo tenant approves at once).
click 480 61
shot 3-integrations
click 42 183   # "Forbind" (Miljø and Client ID are folded under "Avanceret")
shot 4-connected 3

# 3. Leads → the top lead → Eksporter til SuperOffice → Opret & Sync.
click 45 61
click 100 252   # the top row, below the status chips and the headers
shot 5-lead
lead=$("$BIN" leads --db "$DB" --json | sed -n 's/.*"id": "\(.*\)",/\1/p' | head -1)
click 755 178  # "Eksporter til SuperOffice", below the company name
shot 6-match 3
click 549 531   # "Opret & Sync"
synced() { "$BIN" leads --db "$DB" --json | grep -A8 "\"id\": \"$lead\"" | grep -q '"status": "synced"'; }
waitfor synced || { shot 7-failed; fail "lead $lead was not synced after Opret & Sync"; }
shot 7-synced 2
"$BIN" leads --db "$DB" --json | grep -A8 "\"id\": \"$lead\"" | grep -q '"superOfficeContactId": [0-9]' || fail "no SuperOffice id stored on $lead"
# The confirmation is a green card above the lead, not a dialog: nothing to close.

# 4. Feltopsætning checks the demo tenant's fields live.
click 338 61
shot 8-fields 3

# 5. Synkroniseringslog lists the export.
click 175 61
shot 9-log

if grep -q 'Error in Fyne call thread' "$OUT/tour-app.log"; then fail "Fyne thread-check errors"; fi
echo "tour: window up, drop imported $(( $(count) - before )) leads, $lead exported with Opret & Sync; screenshots in $OUT/"
