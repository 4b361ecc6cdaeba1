#!/usr/bin/env bash
# Run BINARY --smoke-test under strace and fail if any process it starts opens a network socket.
#
# The smoke test's own guard sees Python's sockets; this sees every socket() system call, whoever makes it (Qt's
# C++ code, a library, a child process). Local AF_UNIX sockets (D-Bus, X11) are allowed; AF_INET, AF_INET6 and
# AF_PACKET ones fail the check even when the call itself fails.
# Usage: packaging/check_no_network.sh BINARY [MORE ARGUMENTS FOR BINARY]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BINARY [ARGUMENTS]" >&2; exit 2; }
command -v strace >/dev/null || { echo "check_no_network: strace is not installed" >&2; exit 2; }

trace="$(mktemp)"
trap 'rm -f "$trace"' EXIT
status=0
strace -f -qq -e trace=socket -e signal=none -o "$trace" "$1" --smoke-test "${@:2}" || status=$?
if [ "$status" -ne 0 ]; then
    echo "check_no_network: $1 --smoke-test exited $status" >&2
    exit 1
fi
if grep -E 'socket\((AF_INET|AF_INET6|AF_PACKET),' "$trace" >&2; then
    echo "check_no_network: $1 opened the network sockets above" >&2
    exit 1
fi
echo "check_no_network: $1 --smoke-test opened no network socket ($(grep -c 'socket(' "$trace" || true) local sockets)"
