#!/usr/bin/env bash
# Measures issue 9's "first rows within 1 s at 100,000 leads" in the real
# window under Xvfb: builds a 100k-lead database with the CLI (once, kept
# in $FIRSTROWS_DIR), then starts the app on it RUNS times and prints the
# milliseconds from process start to (a) the window appearing and (b) the
# first screenshot whose list area shows rows. Not part of `make test`.
#
#   make build && .ci/firstrows.sh [bin/rabitiq-superoffice] [RUNS]
set -euo pipefail
BIN=$(realpath "${1:-bin/rabitiq-superoffice}"); RUNS=${2:-5}
cd "$(dirname "$0")/.."
WORK=${FIRSTROWS_DIR:-/tmp/rabitiq-firstrows}; mkdir -p "$WORK"
DB=$WORK/leads-100k.db
if [ ! -s "$DB" ]; then
	go run ./cmd/genleads 100000 "$WORK/leads-100k.json"
	/usr/bin/time -v "$BIN" import --db "$DB" "$WORK/leads-100k.json" 2>"$WORK/import-time.txt" | tail -3
	grep -E 'Elapsed|Maximum resident' "$WORK/import-time.txt"
	rm -f "$WORK/leads-100k.json"
fi
TMP=$(mktemp -d)
export XDG_CONFIG_HOME=$TMP/config LANG=da_DK.UTF-8 RABITIQ_LANG=da
. .ci/xvfb.sh
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# rows: the list area (below the search box and the column header) is not one flat colour.
rows() { import -window "$1" -crop 500x250+10+165 +repage "$TMP/shot.png" 2>/dev/null &&
	[ "$(convert "$TMP/shot.png" -format '%[fx:standard_deviation>0.02]' info:)" = 1 ]; }
for run in $(seq "$RUNS"); do
	start=$(date +%s%N)
	"$BIN" --db "$DB" >"$TMP/app.log" 2>&1 &
	APID=$!
	WID=$(timeout 30 xdotool search --sync --name '^RabitIQ SuperOffice' | head -1) || true
	[ -n "$WID" ] || { echo "firstrows: the window never appeared"; cat "$TMP/app.log"; exit 1; }
	win=$(ms "$start")
	for _ in $(seq 300); do rows "$WID" && break; sleep 0.01; done
	first=$(ms "$start")
	import -window "$WID" "$WORK/firstrows-$run.png"
	echo "run $run: window ${win} ms, first rows ${first} ms"
	kill "$APID"; wait "$APID" 2>/dev/null || true; APID=
done
