#!/usr/bin/env bash
# Measures the real window's peak memory (VmHWM from /proc/PID/status)
# under Xvfb, for docs/PERFORMANCE.md ("Window memory, fourth round"):
#
#   one     the window over a one-lead database, 3 s after it appears
#   100k    the window over 100,000 leads, 3 s after it appears, then
#           after 1,500 wheel clicks down and 300 up over the list, then
#           after dragging the scroll bar from top to bottom in 100 steps
#           (each step lands on a page the list has not read yet)
#   import  an empty window, then the 100,000-lead file dropped on it;
#           sampled once the import has committed and the result shows
#
# Each line gives VmHWM (in kB as the kernel counts them, i.e. KiB, and
# in MiB) and, from /proc/PID/smaps at that moment, where the resident
# pages are: libLLVM (Mesa's llvmpipe), the app binary, other files,
# [heap] (C malloc: Mesa, textures) and anonymous mappings (the Go heap
# and stacks, SQLite's page cache, Mesa's own mmaps). Screenshots and the
# app's logs go to $WINDOWRSS_DIR. The databases and the 330 MB lead file
# are made once and kept there (about 45 s). Not part of `make test`.
# Extra ENV=VAL arguments are passed to the window (e.g. GOGC=50,
# GOMEMLIMIT=off, GODEBUG=gctrace=1). One run takes about a minute.
#
#   make build && .ci/windowrss.sh [bin/rabitiq-superoffice] [ENV=VAL...]
set -euo pipefail
BIN=$(realpath "${1:-bin/rabitiq-superoffice}"); shift $(($# > 0 ? 1 : 0))
cd "$(dirname "$0")/.."
WORK=${WINDOWRSS_DIR:-/tmp/rabitiq-windowrss}; mkdir -p "$WORK"
JSON=$WORK/leads-100k.json DB100K=$WORK/leads-100k.db ONE=$WORK/one-lead.db
[ -s "$JSON" ] || go run ./cmd/genleads 100000 "$JSON"
[ -s "$DB100K" ] || "$BIN" import --db "$DB100K" "$JSON" 2>/dev/null | tail -1
[ -s "$ONE" ] || "$BIN" import --db "$ONE" testdata/samples/one-lead.json 2>/dev/null | tail -1
# A binary the linker has just written sits in the page cache in a state
# that maps about 5 MB more of it per process than after a normal read
# from disk (seen on Linux 6.18, ext4); drop its cached pages (this file's
# only) so every binary is measured as a fresh start would load it.
sync "$BIN" && dd if="$BIN" iflag=nocache count=0 status=none
TMP=$(mktemp -d)
export LANG=da_DK.UTF-8 RABITIQ_LANG=da
gcc -O2 -o "$TMP/xdnddrop" .ci/xdnddrop.c -lX11
. .ci/xvfb.sh

# start NAME DB: the window on DB with its own settings directory.
start() {
	XDG_CONFIG_HOME=$TMP/config-$1 env "${ENVS[@]}" "$BIN" --db "$2" >"$TMP/$1.log" 2>&1 &
	APID=$!
	WID=$(timeout 30 xdotool search --sync --name '^RabitIQ SuperOffice' | head -1) || true
	[ -n "$WID" ] || { echo "windowrss: the window never appeared"; cat "$TMP/$1.log"; exit 1; }
}
stop() { kill "$APID"; wait "$APID" 2>/dev/null || true; APID=; }
# sample LABEL: VmHWM, VmRSS and the smaps breakdown in MB.
sample() {
	kill -0 "$APID" 2>/dev/null || { echo "windowrss: the app died ($1)"; exit 1; }
	import -window "$WID" "$WORK/windowrss-$1.png"
	local hwm rss
	hwm=$(awk '/^VmHWM/{print $2}' "/proc/$APID/status")
	rss=$(awk '/^VmRSS/{print $2}' "/proc/$APID/status")
	awk -v bin="$BIN" -v label="$1" -v hwm="$hwm" -v rss="$rss" '
		/^[0-9a-f]+-[0-9a-f]+ / { name = ""; for (i = 6; i <= NF; i++) name = name (i > 6 ? " " : "") $i
			k = name == "" ? "anon" : name == "[heap]" ? "heap" : name == bin ? "bin" : name ~ /libLLVM/ ? "llvm" : name ~ /^\// ? "files" : "anon"; next }
		/^Rss:/ { mb[k] += $2 / 1024 }
		END { printf "%-14s VmHWM %7d kB (%5.1f MiB)  VmRSS %5.1f MiB = LLVM %4.1f + binary %4.1f + other files %4.1f + [heap] %4.1f + anon %5.1f\n",
			label, hwm, hwm / 1024, rss / 1024, mb["llvm"], mb["bin"], mb["files"], mb["heap"], mb["anon"] }' "/proc/$APID/smaps"
}
ENVS=("$@")
echo "windowrss: $BIN ${ENVS[*]:-}"

start one "$ONE"
sleep 3; sample one-start
stop

start 100k "$DB100K"
sleep 3; sample 100k-start
xdotool mousemove --window "$WID" 300 400
xdotool click --repeat 1500 --delay 5 5
xdotool click --repeat 300 --delay 5 4
sleep 2; sample 100k-wheel
# The list's scroll bar sits at x≈566 from y≈165 (top) to y≈668 (bottom).
xdotool mousemove --window "$WID" 566 170 sleep 0.3 mousedown 1
for y in $(seq 170 5 665); do xdotool mousemove --window "$WID" 566 "$y" sleep 0.05; done
xdotool mouseup 1
sleep 2; sample 100k-drag
stop

start import "$TMP/empty.db"
sleep 2
"$TMP/xdnddrop" "$WID" 300 400 "$JSON" >/dev/null
began=$(date +%s)
# The import is one transaction: the CLI sees leads once it has committed.
committed() { local out; out=$("$BIN" leads --db "$TMP/empty.db" --json 2>/dev/null | head -c 200 || true); [[ $out == *localId* ]]; }
until committed; do
	[ $(($(date +%s) - began)) -lt 600 ] || { echo "windowrss: the import did not finish in 10 min"; exit 1; }
	kill -0 "$APID" 2>/dev/null || { echo "windowrss: the app died during the import"; tail "$TMP/import.log"; exit 1; }
	sleep 1
done
echo "import committed after $(($(date +%s) - began)) s"
sleep 3; sample import-done
stop
for f in one 100k import; do cp "$TMP/$f.log" "$WORK/windowrss-$f.log"; done
echo "app logs (with GODEBUG=gctrace=1, the GC's heap sizes): $WORK/windowrss-*.log"
