#!/usr/bin/env bash
# The Japanese screenshots in this folder: the app started with LANG=ja_JP.UTF-8 on a 1366x768 virtual screen
# (Xvfb and openbox, with Debian's fonts-noto-cjk), in a throw-away home, each view captured with ImageMagick.
#     bash docs/screenshots/take_japanese.sh     (needs xvfb, openbox, xdotool, imagemagick, fonts-noto-cjk)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$home"' EXIT
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp &
sleep 1
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share
export XDG_CACHE_HOME=$home/.cache QT_QPA_PLATFORM=xcb LC_ALL=C  # xdotool matches names in the C locale
unset QT_SCALE_FACTOR
openbox &
sleep 1
LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 .venv/bin/ajexplorer &
window=""
for _ in $(seq 60); do
    window=$(xdotool search --name "Dialogue Relations" 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.5
done
[ -n "$window" ] || { echo "the window did not appear" >&2; exit 1; }
sleep 3
shot() { sleep 1.5; import -window root "$out/$1"; }
shot ja-main-window.png
xdotool key --window "$window" ctrl+k
sleep 0.5
xdotool type --delay 80 "summit year:2013"
shot ja-search.png
xdotool key --window "$window" ctrl+a BackSpace
LC_ALL=C.UTF-8 xdotool type --delay 80 "首脳会議"
shot ja-search-japanese-input.png
xdotool key --window "$window" Escape
xdotool key --window "$window" ctrl+slash
shot ja-shortcuts.png
xdotool key Escape
xdotool key --window "$window" alt+v
shot ja-view-menu.png
xdotool key Escape
xdotool key --window "$window" ctrl+o
shot ja-open-dataset-dialog.png
xdotool key Escape
# The Figures pane: the last tab at the foot of the left column on a screen this size.
xdotool mousemove 395 730 click 1
shot ja-figures.png
