#!/usr/bin/env bash
# Build the onedir bundle twice from the same commit with SOURCE_DATE_EPOCH set and check the two are identical,
# file by file. Usage: bash packaging/check_reproducible.sh   (takes two builds' time)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export PYTHONHASHSEED=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in 1 2; do
    "$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$work/dist$run" \
        --workpath "$work/build$run" packaging/ajexplorer.spec
    (cd "$work/dist$run" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$work/sums$run"
done
if diff -u "$work/sums1" "$work/sums2" > "$work/diff"; then
    echo "reproducible: $(wc -l < "$work/sums1") files identical across two builds (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
else
    echo "not reproducible: these files differ between two builds:" >&2
    grep -E "^[-+][0-9a-f]" "$work/diff" | head -20 >&2
    exit 1
fi
