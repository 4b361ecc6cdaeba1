#!/usr/bin/env bash
# Check the Debian package end to end, as a person would use it: build it from the onedir build, check it with
# lintian, install it with apt, run it from /usr/bin, launch its menu entry with `gio launch` on a virtual
# display and wait for the window, then remove it with `apt-get remove --purge` and check nothing is left.
# Needs: the onedir build in dist/, root (or sudo), and dpkg-dev, patchelf, lintian, xvfb, xdotool, gio
# (libglib2.0-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
app_id=org.ajexplorer.AJExplorer
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

deb=$("$python" packaging/make_deb.py)
echo "deb check: built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# No errors or warnings; what a PyInstaller bundle is by nature is overridden in packaging/debian/lintian-overrides,
# each with its reason.
lintian --fail-on error,warning "$deb"
echo "deb check: lintian reports no errors or warnings"

work=$(mktemp -d)
cleanup() {
    for pid in ${app_pid:-} ${xvfb_pid:-}; do kill "$pid" 2>/dev/null || true; done
    $SUDO apt-get remove --purge -y -qq ajexplorer >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
$SUDO apt-get install -y -qq --no-install-recommends "$(realpath "$deb")" >/dev/null
dpkg-query -L ajexplorer | sort > "$work/files"
export HOME="$work/home"
mkdir -p "$HOME"
[ "$(command -v ajexplorer)" = /usr/bin/ajexplorer ]
QT_QPA_PLATFORM=offscreen ajexplorer --smoke-test
echo "deb check: installed with apt; /usr/bin/ajexplorer passes the smoke test"

# The menu entry, launched as the desktop launches it.
exec 3<> "$work/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n 1 "$work/display")" QT_QPA_PLATFORM=xcb
gio launch "/usr/share/applications/$app_id.desktop"
for _ in $(seq 1 60); do
    xdotool search --name "AJ Explorer" >/dev/null 2>&1 && break
    sleep 0.5
done
xdotool search --name "AJ Explorer" >/dev/null || { echo "deb check: no window appeared" >&2; exit 1; }
# The window is the installed program's: the menu entry started /usr/lib/ajexplorer/ajexplorer.
app_pid=""
for pid in $(pgrep -x ajexplorer || true); do
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = /usr/lib/ajexplorer/ajexplorer ] && app_pid=$pid && break
done
[ -n "$app_pid" ] || { echo "deb check: the window is not the installed program's" >&2; exit 1; }
echo "deb check: the installed menu entry opened the window"
kill "$app_pid"
while kill -0 "$app_pid" 2>/dev/null; do sleep 0.2; done

$SUDO apt-get remove --purge -y -qq ajexplorer >/dev/null
if dpkg-query -W -f='${Status}' ajexplorer 2>/dev/null | grep -q installed; then
    echo "deb check: the package is still installed after removal" >&2
    exit 1
fi
left=$(while read -r path; do
    # Folders the package shares with others (/usr, /usr/share/icons/hicolor, ...) stay; its own files may not.
    if [ -e "$path" ] && { [ ! -d "$path" ] || [[ "$path" == /usr/lib/ajexplorer* ]] \
        || [ "$path" = /usr/share/doc/ajexplorer ]; }; then
        echo "$path"
    fi
done < "$work/files")
if [ -n "$left" ]; then
    echo "deb check: removal left files behind:" >&2
    echo "$left" >&2
    exit 1
fi
echo "deb check passed: $(basename "$deb") installs, launches from its menu entry and removes cleanly"
