#!/usr/bin/env bash
# The scripted tour of the real window under Xvfb, at 1024x640, as a
# salesperson would click it. First, for each language (da, en) and
# theme (dark, light), the guided start on an empty database. Then the
# full tour in Danish, dark: start --demo, drop a lead file on the window,
# connect to the demo tenant, open a lead, export it with "Opret & Sync",
# open Feltopsætning (only the missing fields, with their advice) and the
# log. Then a shorter screenshot pass per other language/theme: the lead,
# Integrationer connected, the field advice and the match dialog.
# Screenshots go to testdata/out/tour-<lang>-<theme>-<screen>.png (`make
# screenshots` copies a few into docs/screenshots/ for the README). The
# tour fails if a window never appears or is not 1024x640, the app dies,
# Fyne logs a thread-check error, or a step's effect is not in the
# database.
set -euo pipefail

# --- Where to click: the window's own coordinates at 1024x640 (no window
# manager under Xvfb, scale 1). Check them against the screenshots when
# a screen's layout changes.
WIN_W=1024 WIN_H=640
TAB_Y=53                                                # the tab bar
declare -A TAB_X_da=([leads]=45 [log]=175 [fields]=338 [integrations]=480)
declare -A TAB_X_en=([leads]=45 [log]=139 [fields]=251 [integrations]=376)
ROW1=(150 252)          # the top lead row, below the status chips and headers
EXPORT_BTN=(640 178)    # "Eksporter til SuperOffice" / "Export to SuperOffice" under the lead's name
CONNECT_BTN=(42 175)    # "Forbind" / "Connect" on Integrationer
DROP_AT=(300 400)       # where the lead file is dropped
RESULT_CLOSE=(544 460)  # "Luk" in the import result dialog
declare -A ONLY_MISSING_X=([da]=726 [en]=687)           # "Vis kun dem der mangler"
ONLY_MISSING_Y=93
ROW5=(150 408)          # the fifth lead row: Vesterhav Foods A/S, whose CVR the demo tenant has
REFRESH_BTN=(305 93)    # "Opdater fra SuperOffice" above the list
BANNER_CLOSE=(997 137)  # the ✕ of the green confirmation above the lead
# The match dialog:
MATCH_CREATE=(510 587)  # "Opret & Sync"
declare -A MATCH_SYNC_X=([da]=652 [en]=666)             # "Sync til valgte" / "Sync to selected"
MATCH_SYNC_Y=587
MATCH_CHANGES=(70 511)  # "Vis ændringer" / "Show changes"
MATCH_FOLLOWUP=(46 550) # "Opret opfølgning om [N] arbejdsdage"
CVR_LEAD=15609516       # the CVR of the lead at ROW5
INFO_OK=(511 357)       # "OK" of the read-back's result
BATCH_BTN=(68 93)       # "Eksportér flere…" / "Export several…"
BATCH_START=(555 561)   # "Eksportér" / "Export" in that dialog
BATCH_REVIEW=(511 561)  # "Gennemse (N)" / "Review (N)" once the run is done

BIN=$(realpath "$1"); VERSION=$2
cd "$(dirname "$0")/.."
OUT=testdata/out; mkdir -p "$OUT"; rm -f "$OUT"/tour-*.png
TMP=$(mktemp -d)
export RABITIQ_BROWSER=headless RABITIQ_DEMO_AUTO_APPROVE=1
started=$(date +%s)

got=$("$BIN" version); [ "$got" = "$VERSION" ] || { echo "tour: version printed $got, FyneApp.toml says $VERSION"; exit 1; }
# Scripts read the CLI's stderr: no Fyne locale noise under LANG=C.UTF-8.
err=$(LC_ALL=C.UTF-8 "$BIN" version 2>&1 >/dev/null) || true
[ -z "$err" ] || { echo "tour: version wrote to stderr under LC_ALL=C.UTF-8: $err"; exit 1; }
# No display (ssh, cron): one line and exit 1, no GLFW stack trace.
rc=0; msg=$(env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" --demo 2>&1) || rc=$?
[ "$rc" = 1 ] && [ "$(printf '%s\n' "$msg" | wc -l)" = 1 ] || { echo "tour: without a display the app exited $rc with: $msg"; exit 1; }
gcc -O2 -o "$TMP/xdnddrop" .ci/xdnddrop.c -lX11

. .ci/xvfb.sh

LOG=$OUT/tour-app.log; : >"$LOG"
fail() { echo "tour: $*"; echo "--- app log:"; grep -v 'locale' "$LOG" | tail -20 || true; exit 1; }
alive() { kill -0 "$APID" 2>/dev/null || fail "the app died ($1)"; }
# shot NAME [SECONDS] waits, then saves the window as tour-<lang>-<theme>-NAME.png.
shot() { sleep "${2:-1}"; import -window "$WID" "$OUT/tour-$L-$T-$1.png"; alive "$1"; }
click() { xdotool mousemove --window "$WID" "$1" "$2" click 1; }
tab() { local -n x=TAB_X_$L; click "${x[$1]}" "$TAB_Y"; }
count() { "$BIN" leads --db "$DB" --json | grep -c '"localId"' || true; }
# waitfor CMD... polls until CMD succeeds (about 15 s).
waitfor() { for _ in $(seq 75); do "$@" && return 0; sleep 0.2; done; return 1; }

# start L T ARGS... starts the app in language L (da, en) and theme T
# (dark, light) with a config folder of its own, its window sized
# 1024x640 through Fyne's preferences file (as a user's last size is).
start() {
	L=$1 T=$2; shift 2
	export XDG_CONFIG_HOME=$TMP/config-$L-$T RABITIQ_LANG=$L FYNE_THEME=$T
	if [ "$L" = da ]; then export LANG=da_DK.UTF-8; else export LANG=en_US.UTF-8; fi
	DB="$XDG_CONFIG_HOME/RabitIQ SuperOffice/demo/leads.db"
	mkdir -p "$XDG_CONFIG_HOME/fyne/com.rabitiq.superoffice"
	printf '{"window.width":%d,"window.height":%d}\n' "$WIN_W" "$WIN_H" >"$XDG_CONFIG_HOME/fyne/com.rabitiq.superoffice/preferences.json"
	echo "--- $L $T $*" >>"$LOG"
	"$BIN" "$@" >>"$LOG" 2>&1 &
	APID=$!
	WID=$(timeout 60 xdotool search --sync --name '^RabitIQ SuperOffice' | head -1) || true
	[ -n "$WID" ] || fail "the window never appeared ($L $T $*)"
	local size; size=$(xwininfo -id "$WID" 2>/dev/null | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w "x" h}')
	[ "$size" = "${WIN_W}x$WIN_H" ] || fail "the window is $size, want ${WIN_W}x$WIN_H ($L $T)"
}
# batch_review exports all new leads at once and opens the review queue
# with the leads the batch left for a person.
reviewing() { "$BIN" leads --db "$DB" --status review --json | grep -q '"localId"'; }
batch_review() {
	click "${BATCH_BTN[@]}"
	shot batch 2
	click "${BATCH_START[@]}"
	waitfor reviewing || { shot failed; fail "the batch left no lead for review ($L $T)"; }
	shot batch-done 3
	click "${BATCH_REVIEW[@]}"
	shot review 2
}
stop() { kill "$APID" 2>/dev/null || true; wait "$APID" 2>/dev/null || true; APID=; }

# 0. The guided start: an empty database, before any import.
for lt in "da dark" "da light" "en dark" "en light"; do
	set -- $lt
	start "$1" "$2" --db "$TMP/empty-$1-$2.db"
	shot guided 2
	stop
done

# 1. The full tour, Danish and dark.
start da dark --demo
shot start 2
before=$(count)
[ "$before" -ge 26 ] || fail "the demo database has $before leads, want the 26 sample leads"

# Drop a lead file (a path with a space and æøå) on the window.
# grown counts again on every try (a bare "test $(count) …" would count
# once, before waitfor starts, and fail whenever the import is slower).
grown() { [ "$(count)" -gt "$before" ]; }
"$TMP/xdnddrop" "$WID" "${DROP_AT[@]}" "$(realpath "testdata/drop/nye leads æøå.json")" >/dev/null
waitfor grown || fail "dropping a file imported nothing ($before leads)"
shot dropped
click "${RESULT_CLOSE[@]}"

# Integrationer → Forbind (the demo tenant approves at once).
tab integrations
click "${CONNECT_BTN[@]}"
shot integrations 3

# Leads → the top lead → Eksporter til SuperOffice → Opret & Sync.
tab leads
click "${ROW1[@]}"
shot leads
lead=$("$BIN" leads --db "$DB" --json | sed -n 's/.*"id": "\(.*\)",/\1/p' | head -1)
click "${EXPORT_BTN[@]}"
shot match 3
click "${MATCH_CREATE[@]}"
synced() { "$BIN" leads --db "$DB" --json | grep -A8 "\"id\": \"$lead\"" | grep -q '"status": "synced"'; }
waitfor synced || { shot failed; fail "lead $lead was not synced after Opret & Sync"; }
shot synced 2
"$BIN" leads --db "$DB" --json | grep -A8 "\"id\": \"$lead\"" | grep -q '"superOfficeContactId": [0-9]' || fail "no SuperOffice id stored on $lead"
# The confirmation is a green card above the lead, not a dialog: nothing to close.

# A lead whose CVR the tenant has: the match is preselected, "Vis
# ændringer" shows the changes inline, a follow-up is ticked, and "Sync
# til valgte" updates the company. The confirmation is closed first: it
# sits where the lead's export button is otherwise.
click "${BANNER_CLOSE[@]}"
click "${ROW5[@]}"
click "${EXPORT_BTN[@]}"
shot match-cvr 3
click "${MATCH_CHANGES[@]}"
shot match-changes 3
click "${MATCH_FOLLOWUP[@]}"
click "${MATCH_SYNC_X[$L]}" "$MATCH_SYNC_Y"
cvr_synced() { "$BIN" leads --db "$DB" --json | grep -A6 "\"cvr\": \"$CVR_LEAD\"" | grep -q '"status": "synced"'; }
waitfor cvr_synced || { shot failed; fail "the lead with CVR $CVR_LEAD was not synced after Sync til valgte"; }
shot updated 2

# Opdater fra SuperOffice reads the synced companies back; the card says when.
click "${REFRESH_BTN[@]}"
shot refreshed 3
click "${INFO_OK[@]}"

batch_review

# Feltopsætning checks the demo tenant's fields live; only the missing
# ones, each with what to do.
tab fields
sleep 3
click "${ONLY_MISSING_X[$L]}" "$ONLY_MISSING_Y"
shot fields

# Synkroniseringslog lists the export.
tab log
shot log
stop
synced_lead=$lead

# 2. The same screens in the other languages and themes, screenshots only.
for lt in "da light" "en dark" "en light"; do
	set -- $lt
	start "$1" "$2" --demo
	click "${ROW1[@]}"
	shot leads 2
	tab integrations
	click "${CONNECT_BTN[@]}"
	shot integrations 3
	tab fields
	sleep 3
	click "${ONLY_MISSING_X[$L]}" "$ONLY_MISSING_Y"
	shot fields
	tab leads
	click "${ROW5[@]}"
	click "${EXPORT_BTN[@]}"
	shot match-cvr 3
	click "${MATCH_CHANGES[@]}"
	shot match-changes 3
	if [ "$1" = en ] && [ "$2" = light ]; then
		# The English confirmation: Sync to selected on the CVR match.
		click "${MATCH_SYNC_X[$L]}" "$MATCH_SYNC_Y"
		waitfor cvr_synced || { shot failed; fail "the lead with CVR $CVR_LEAD was not synced ($L $T)"; }
		shot updated 2
		click "${REFRESH_BTN[@]}"
		shot refreshed 3
		click "${INFO_OK[@]}"
		batch_review
	fi
	stop
done

if grep -q 'Error in Fyne call thread' "$LOG"; then fail "Fyne thread-check errors"; fi
echo "tour: windows up at ${WIN_W}x$WIN_H, drop imported leads, $synced_lead exported with Opret & Sync; $(ls "$OUT"/tour-*.png | wc -l) screenshots in $OUT/ in $(( $(date +%s) - started )) s"
