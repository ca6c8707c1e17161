#!/usr/bin/env bash
# Real-window smoke test: start the built binary under Xvfb on a temporary
# database of sample leads, wait for its window, drop a lead file on it,
# take screenshots into testdata/out/, and fail if the window never
# appears, the process dies, the drop imports nothing, or Fyne logs a
# thread-check error.
set -euo pipefail
BIN=$(realpath "$1"); VERSION=$2
cd "$(dirname "$0")/.."
OUT=testdata/out; mkdir -p "$OUT"
TMP=$(mktemp -d)
export XDG_CONFIG_HOME=$TMP/config LANG=da_DK.UTF-8 RABITIQ_LANG=da
DB=$TMP/leads.db

got=$("$BIN" version); [ "$got" = "$VERSION" ] || { echo "version printed $got, FyneApp.toml says $VERSION"; exit 1; }
"$BIN" import --db "$DB" testdata/samples/leads-25.json testdata/samples/one-lead.json >/dev/null
before=$("$BIN" leads --db "$DB" --json | grep -c '"localId"')

gcc -O2 -o "$TMP/xdnddrop" .ci/xdnddrop.c -lX11

DISP=:$((90 + RANDOM % 100))
Xvfb "$DISP" -screen 0 1280x1024x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XPID=$!
APID=
cleanup() {
	if [ -n "$APID" ]; then kill "$APID" 2>/dev/null || true; wait "$APID" 2>/dev/null || true; fi
	kill "$XPID" 2>/dev/null || true; wait "$XPID" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT
export DISPLAY=$DISP
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

"$BIN" --db "$DB" >"$OUT/smoke-app.log" 2>&1 &
APID=$!
WID=$(timeout 60 xdotool search --sync --name '^RabitIQ SuperOffice$' | head -1) || true
[ -n "$WID" ] || { echo "smoke: the window never appeared"; cat "$OUT/smoke-app.log"; exit 1; }
sleep 2
import -window "$WID" "$OUT/smoke-1-start.png"
kill -0 "$APID" || { echo "smoke: the app died"; cat "$OUT/smoke-app.log"; exit 1; }

"$TMP/xdnddrop" "$WID" 400 400 "$(realpath "testdata/drop/nye leads æøå.json")" >/dev/null
for _ in $(seq 50); do
	after=$("$BIN" leads --db "$DB" --json | grep -c '"localId"')
	[ "$after" -gt "$before" ] && break
	sleep 0.2
done
sleep 1
import -window "$WID" "$OUT/smoke-2-dropped.png"
[ "$after" -gt "$before" ] || { echo "smoke: dropping a file imported nothing ($before leads before and after)"; exit 1; }
kill -0 "$APID" || { echo "smoke: the app died after the drop"; cat "$OUT/smoke-app.log"; exit 1; }
if grep -q 'Error in Fyne call thread' "$OUT/smoke-app.log"; then echo "smoke: Fyne thread-check errors"; cat "$OUT/smoke-app.log"; exit 1; fi
echo "smoke: window up, drop imported $((after - before)) leads; screenshots in $OUT/"
