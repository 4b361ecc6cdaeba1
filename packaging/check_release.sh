#!/usr/bin/env bash
# Check the Linux release end to end, as a person would use it: validate the desktop entry and metainfo, pack
# the onedir build, install it into a throw-away home, launch the installed menu entry with `gio launch` on a
# virtual display, wait for the window, open a link to a record with `gio open` and see the window show it, then
# uninstall and check that nothing is left.
# Needs: the onedir build in dist/, and xvfb, xdotool, gio (libglib2.0-bin), desktop-file-utils, appstream.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
app_id=org.ajexplorer.AJExplorer

desktop-file-validate "packaging/linux/$app_id.desktop"
appstreamcli validate --no-net "packaging/linux/$app_id.metainfo.xml"

# The bundle works from a read-only folder with non-ASCII characters in its path, under a non-ASCII home,
# and writes nothing beside the executable.
odd="$(mktemp -d)/Ünïcødé ÅJ 探索"
mkdir -p "$odd"
cp -R dist/ajexplorer "$odd/"
chmod -R a-w "$odd/ajexplorer"
before=$(cd "$odd" && find . | sort | sha256sum)
HOME="$(dirname "$odd")/hôme" QT_QPA_PLATFORM=offscreen "$odd/ajexplorer/ajexplorer" --smoke-test
after=$(cd "$odd" && find . | sort | sha256sum)
[ "$before" = "$after" ] || { echo "release check: the app wrote files beside its executable" >&2; exit 1; }
chmod -R u+w "$odd/ajexplorer" && rm -rf "$(dirname "$odd")"
echo "release check: runs from a read-only, non-ASCII folder and writes nothing beside itself"

archive=$("$python" packaging/make_release.py)
work=$(mktemp -d)
# Only the processes this script started: an empty pid must not become `kill 0` (the whole process group).
trap 'for pid in ${app_pid:-} ${xvfb_pid:-}; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
sh "$work"/ajexplorer-*/install.sh
desktop-file-validate "$XDG_DATA_HOME/applications/$app_id.desktop"

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY="$display" QT_QPA_PLATFORM=xcb
sleep 1
gio launch "$XDG_DATA_HOME/applications/$app_id.desktop"
# Only the main window: its title starts with the dataset's (an error dialog's starts with what went wrong).
# The title goes on with a dash and the app's name; xdotool reads the name as X hands it over (not as UTF-8),
# where a pattern cannot reach past the title's last word, so the match stops there.
title=$(sed -n 's/^title: *//p' data/dataset.yaml | sed 's/[][\\.^$*+?(){}|]/\\&/g')
main_window="^$title"
for _ in $(seq 1 60); do
    if xdotool search --name "$main_window" >/dev/null 2>&1; then
        echo "release check: the installed menu entry opened the window"
        break
    fi
    sleep 0.5
done
xdotool search --name "$main_window" >/dev/null || { echo "release check: no window appeared" >&2; exit 1; }
app_pid=$(pgrep -f "$XDG_DATA_HOME/ajexplorer/app/ajexplorer" | head -n 1 || true)

# A link opened through the desktop (the entry registers x-scheme-handler/ajexplorer) goes to the window
# already open, which shows that record and says so in its log.
record=$("$python" -c 'from ajexplorer.domain.loading import load_dataset
from ajexplorer.paths import data_dir
print(list(load_dataset(data_dir()).records)[-1])')
gio open "ajexplorer://record/$record"
shown="Link ajexplorer://record/$record: showing record $record"
for _ in $(seq 1 60); do
    find "$HOME" -name ajexplorer.log -exec grep -qsF "$shown" {} + && break
    sleep 0.5
done
find "$HOME" -name ajexplorer.log -exec grep -qsF "$shown" {} + \
    || { echo "release check: the link did not reach the window" >&2; exit 1; }
for _ in $(seq 1 60); do  # the start gio open made exits once it has handed the link over
    [ "$(pgrep -fc "$XDG_DATA_HOME/ajexplorer/app/ajexplorer" || true)" -le 1 ] && break
    sleep 0.5
done
[ "$(pgrep -fc "$XDG_DATA_HOME/ajexplorer/app/ajexplorer" || true)" -le 1 ] \
    || { echo "release check: the start with the link opened a window of its own" >&2; exit 1; }
echo "release check: gio open showed the linked record in the open window"

# The person quits before uninstalling (a window left running would find its files gone when it ends).
if [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
fi

# What the person wrote (the notebook lives in the same folder as the app) must survive an uninstall.
mkdir -p "$XDG_DATA_HOME/ajexplorer/ajexplorer"
echo kept > "$XDG_DATA_HOME/ajexplorer/ajexplorer/person-data-marker"
sh "$work"/ajexplorer-*/uninstall.sh
[ -f "$XDG_DATA_HOME/ajexplorer/ajexplorer/person-data-marker" ] \
    || { echo "release check: uninstall removed the person's data" >&2; exit 1; }
if [ -e "$XDG_DATA_HOME/applications/$app_id.desktop" ] || [ -e "$XDG_DATA_HOME/ajexplorer/app" ] \
    || find "$XDG_DATA_HOME/icons" -name "$app_id.*" | grep -q .; then
    echo "release check: uninstall left files behind" >&2
    exit 1
fi
echo "release check passed: $(basename "$archive")"
