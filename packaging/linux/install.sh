#!/bin/sh
# Install AJ Explorer for the current user: the app under ~/.local/share/ajexplorer, its menu entry, icons and
# metainfo under ~/.local/share. Run from the unpacked release archive. Undo with uninstall.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id=org.ajexplorer.AJExplorer
target="$share/ajexplorer"

mkdir -p "$target" "$share/applications" "$share/metainfo"
rm -rf "$target/app"
cp -R "$here/ajexplorer" "$target/app"
sed "s|^Exec=[^ ]*|Exec=\"$target/app/ajexplorer\"|" "$here/share/applications/$app_id.desktop" \
    > "$share/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$share/metainfo/"
(cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
    mkdir -p "$share/icons/$(dirname "$icon")"
    cp "$here/share/icons/$icon" "$share/icons/$icon"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "AJ Explorer installed: $share/applications/$app_id.desktop"
