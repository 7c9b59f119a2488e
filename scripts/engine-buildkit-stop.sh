#!/usr/bin/env bash
# Stop the engine started by scripts/engine-buildkit.sh (dockerd 26 and its
# private containerd). Only the processes recorded in the state dir's pidfiles
# are ended, and only if they still run the expected binaries.
#
#   scripts/engine-buildkit-stop.sh            # stop; keep bridge, images, packages
#   scripts/engine-buildkit-stop.sh --purge    # also delete the bridge and the state dir
#
# Environment: BTP_BUILDKIT_DIR, BTP_BUILDKIT_BRIDGE as for engine-buildkit.sh.
set -euo pipefail
exec 1>&2

STATE="${BTP_BUILDKIT_DIR:-/var/lib/btp-buildkit}"
BRIDGE="${BTP_BUILDKIT_BRIDGE:-btpbk0}"
purge=false
case "${1:-}" in
--purge) purge=true ;;
"") ;;
*)
	echo "usage: $0 [--purge]"
	exit 2
	;;
esac

log() { printf '[engine-buildkit-stop] %s\n' "$*"; }

[ "$(id -u)" -eq 0 ] || {
	log "must run as root"
	exit 1
}
[ -d "$STATE" ] || {
	log "no state dir $STATE: nothing to stop"
	exit 0
}
STATE="$(cd "$STATE" && pwd -P)"

# stop PIDFILE BINARY TIMEOUT_S
stop() {
	local file="$1" bin="$2" secs="$3" pid
	[ -s "$file" ] || return 0
	pid="$(cat "$file")"
	if [ -n "$pid" ] && [ -d "/proc/$pid" ] &&
		[ "$(readlink -f "/proc/$pid/exe" 2>/dev/null)" = "$(readlink -f "$bin")" ]; then
		log "stopping $(basename "$bin") (pid $pid)"
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 1 $((secs * 10))); do
			[ -d "/proc/$pid" ] || break
			sleep 0.1
		done
		if [ -d "/proc/$pid" ]; then
			log "  still running after ${secs}s: SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
			sleep 0.2
		fi
	fi
	rm -f "$file"
}

stop "$STATE/dockerd.pid" "$STATE/root/usr/sbin/dockerd" 30
# Containers still running in our containerd (normally none: dockerd stops its
# containers on exit, but not after a SIGKILL): end them through our private
# containerd socket while it is up, so no shim or container process is left.
CTRD_SOCK="$STATE/containerd/containerd.sock"
if [ -S "$CTRD_SOCK" ] && command -v ctr >/dev/null; then
	for ns in $(timeout 10 ctr --address "$CTRD_SOCK" namespaces ls -q 2>/dev/null || true); do
		for task in $(timeout 10 ctr --address "$CTRD_SOCK" -n "$ns" tasks ls -q 2>/dev/null || true); do
			log "ending leftover task $ns/$task"
			timeout 10 ctr --address "$CTRD_SOCK" -n "$ns" tasks kill -a -s SIGKILL "$task" >/dev/null 2>&1 || true
			timeout 20 ctr --address "$CTRD_SOCK" -n "$ns" tasks delete -f "$task" >/dev/null 2>&1 || true
		done
	done
fi
stop "$STATE/containerd.pid" "$(command -v containerd || echo /usr/bin/containerd)" 15
rm -f "$STATE/docker.sock" "$STATE/containerd/containerd.sock"

if $purge; then
	if ip link show "$BRIDGE" >/dev/null 2>&1; then
		log "deleting bridge $BRIDGE"
		ip link delete "$BRIDGE" type bridge
	fi
	# overlay mounts left by a killed engine would make rm fail
	{ grep -F " $STATE/" /proc/self/mounts || true; } | awk '{print $2}' | sort -r | while read -r m; do
		umount -l "$m" 2>/dev/null || true
	done
	log "removing $STATE"
	rm -rf "$STATE"
fi
log "stopped"
