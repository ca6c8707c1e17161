# Sourced by the window scripts: starts a private Xvfb display, exports
# DISPLAY, and on exit stops the app (APID, if set) before Xvfb — killing
# Xvfb first makes the app log X I/O errors — and removes $TMP.
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
