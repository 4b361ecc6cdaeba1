#!/usr/bin/env bash
# Run BINARY --smoke-test under strace and fail if any process it starts uses the network.
#
# The smoke test's own guard sees Python's sockets; this sees every socket, connect, sendto, sendmsg and bind
# system call, whoever makes it (Qt's C++ code, a library, a child process), and fails even when the call fails.
# Allowed: local AF_UNIX sockets (D-Bus, X11, the app's single-instance socket), and one exception that never
# leaves the machine: TCP to the local print service (CUPS, port 631 on 127.0.0.1 or ::1), which Qt's print
# support asks for the printers when no CUPS socket file exists. Every other AF_INET or AF_INET6 socket
# (a datagram, a raw socket, a stream that is not connected to the print service), any address other than
# that one, and any AF_PACKET socket fail the check.
# Usage: packaging/check_no_network.sh BINARY [MORE ARGUMENTS FOR BINARY]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BINARY [ARGUMENTS]" >&2; exit 2; }
command -v strace >/dev/null || { echo "check_no_network: strace is not installed" >&2; exit 2; }

trace="$(mktemp)"
trap 'rm -f "$trace"' EXIT
status=0
strace -f -qq -e trace=socket,connect,sendto,sendmsg,bind -e signal=none -o "$trace" "$1" --smoke-test "${@:2}" \
    || status=$?
if [ "$status" -ne 0 ]; then
    echo "check_no_network: $1 --smoke-test exited $status" >&2
    exit 1
fi
# shellcheck disable=SC2016 # awk's own dollars
if ! awk '
    /socket\(AF_PACKET/ { print; bad = 1; next }
    /socket\(AF_INET6?, SOCK_STREAM/ { streams++; next }
    /socket\(AF_INET6?,/ { print; bad = 1; next }
    /(connect|sendto|sendmsg|bind)\(.*sa_family=AF_INET6?[,}]/ {
        if ($0 ~ /^[0-9]+ +connect\(/ && $0 ~ /htons\(631\)/ && ($0 ~ /inet_addr\("127\.0\.0\.1"\)/ || $0 ~ /"::1"/)) {
            printing++
        } else {
            print; bad = 1
        }
    }
    END {
        if (streams > printing) { printf "%d TCP sockets, %d to the local print service\n", streams, printing; bad = 1 }
        exit bad
    }' "$trace" >&2; then
    echo "check_no_network: $1 used the network (above)" >&2
    exit 1
fi
echo "check_no_network: $1 --smoke-test used no network ($(grep -c 'socket(AF_UNIX' "$trace" || true) local sockets,"\
    "$(grep -cE '^[0-9]+ +connect\(.*htons\(631\)' "$trace" || true) tries of the local print service)"
