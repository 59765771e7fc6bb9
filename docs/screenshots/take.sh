#!/usr/bin/env bash
# Start the real app under Xvfb, walk through the issue's steps with xdotool, and capture
# each step to docs/screenshots/*.png. Needs: xvfb xdotool imagemagick libxcb-icccm4
# libxcb-keysyms1 libxcb-cursor0 (Debian). Run from the repository root: docs/screenshots/take.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-docs/screenshots}
SEEDS=${SEEDS:-../shared/seeds}
BIN=.venv/bin
export READER_HOME=$(mktemp -d)
export DISPLAY=:${DISPLAY_NUMBER:-99}
LIB="$READER_HOME/library"

Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=""
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null; rm -rf "$READER_HOME"; }
trap cleanup EXIT
sleep 1

# A library with the samples and the two seed articles (the GUI import is covered by the tests).
"$BIN/legal-reader" --library "$LIB" index resources/articles >/dev/null
[ -d "$SEEDS" ] && "$BIN/legal-reader" --library "$LIB" index "$SEEDS" >/dev/null

# 256 colours without dithering keeps the highlight colours exact and each file under 300 KB.
shot() {
  sleep "${2:-1.2}"
  /usr/bin/import -window root "$READER_HOME/shot.png"
  /usr/bin/convert "$READER_HOME/shot.png" +dither -colors 256 png8:"$OUT/$1.png"
  echo "saved $OUT/$1.png"
}
key() { xdotool key --delay 80 "$@"; }
type_text() { xdotool type --delay 40 "$1"; }

"$BIN/legal-reader" 2>"$READER_HOME/stderr.txt" &
APP=$!
for _ in $(seq 50); do xdotool search --name "^Legal Case Reader$" >/dev/null 2>&1 && break; sleep 0.2; done
WIN=$(xdotool search --name "^Legal Case Reader$" | head -1)
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1280 800
shot 01-start 1.5

type_text "Hutchins"
shot 02-search-hutchins

# Open seed 000: move down to its row (its position comes from the same search on the CLI).
ROW=$("$BIN/legal-reader" --library "$LIB" search Hutchins --json --limit 50 |
  "$BIN/python" -c 'import json,sys; hits=json.load(sys.stdin); print(next((i for i,h in enumerate(hits) if "000_" in h["path"]), 0))')
for _ in $(seq "$ROW"); do key Down; done
key Return
shot 03-article-seed000 3

# The entity panel: filter to Halyna, move onto her: her first mention is selected.
xdotool mousemove 1165 30 click 1
type_text "Halyna"
key Tab Down Down
shot 04-entity-mentions

# Person highlights off (the legend's first checkbox), then find "Allred".
xdotool mousemove 382 31 click 1
shot 05-person-off
key ctrl+f
type_text "Allred"
key Return
shot 06-find-allred

# The timeline (View → Timeline, Ctrl+T) of the whole library: the search emptied first.
key Escape
key ctrl+l BackSpace
key ctrl+t
sleep 3
# Double-click the 2021 shooting event (second group's sentence): seed 001 opens at it.
xdotool mousemove 300 701 click --repeat 2 --delay 80 1
shot 08-timeline 2.5

if grep -q Traceback "$READER_HOME/stderr.txt"; then
  echo "The app printed a traceback:" >&2
  cat "$READER_HOME/stderr.txt" >&2
  exit 1
fi
