#!/bin/sh
# Remove what install.sh put under ~/.local/share.
set -eu
share="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id=org.ajexplorer.AJExplorer
# Only the app: the same folder holds the person's notebook, log and settings, which stay.
rm -rf "$share/ajexplorer/app"
rmdir "$share/ajexplorer" 2>/dev/null || true
rm -f "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
find "$share/icons/hicolor" -name "$app_id.*" -type f -exec rm -f {} + 2>/dev/null || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
echo "AJ Explorer removed"
