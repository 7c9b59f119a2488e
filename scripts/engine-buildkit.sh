#!/usr/bin/env bash
# Set up and start a second, "modern" docker engine next to the classic one:
# Debian trixie's dockerd 26 with the containerd image store, plus the buildx
# CLI plugin, roughly what GitHub's hosted runners offer.
#
# Usage (as root):
#   eval "$(scripts/engine-buildkit.sh)"
#   DOCKER_CONFIG="$BTP_BUILDKIT_DOCKER_CONFIG" docker build ...   # BuildKit via buildx
#
# Only the last lines on stdout are meant for the caller:
#   export DOCKER_HOST=unix:///var/lib/btp-buildkit/docker.sock
#   export BTP_BUILDKIT_DOCKER_CONFIG=/var/lib/btp-buildkit/config
# Every progress or log line goes to stderr.
#
# Idempotent: downloads/unpacks only once, starts the engine only when it
# does not already answer. Stop it with scripts/engine-buildkit-stop.sh.
#
# Nothing system-wide is changed except one extra bridge interface: the
# packages are unpacked (never installed) under the state dir, apt runs with a
# private configuration, and the engine gets its own containerd, data-root,
# exec-root, socket and bridge. It runs with --iptables=false, so the classic
# engine's docker0 and iptables rules are left alone.
#
# Environment:
#   BTP_BUILDKIT_DIR          state dir (default /var/lib/btp-buildkit)
#   BTP_BUILDKIT_BRIDGE       bridge interface name (default btpbk0)
#   BTP_BUILDKIT_BRIDGE_CIDR  its address (default 172.31.213.1/24)
#   BTP_BUILDKIT_SUITE        Debian suite to take the packages from (default trixie)
#   BTP_BUILDKIT_MIRROR       Debian mirror (default http://deb.debian.org/debian)
set -euo pipefail

# Everything goes to stderr; fd 3 keeps the real stdout for the final exports.
exec 3>&1 1>&2

STATE="${BTP_BUILDKIT_DIR:-/var/lib/btp-buildkit}"
BRIDGE="${BTP_BUILDKIT_BRIDGE:-btpbk0}"
BRIDGE_CIDR="${BTP_BUILDKIT_BRIDGE_CIDR:-172.31.213.1/24}"
SUITE="${BTP_BUILDKIT_SUITE:-trixie}"
MIRROR="${BTP_BUILDKIT_MIRROR:-http://deb.debian.org/debian}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { printf '[engine-buildkit] %s\n' "$*"; }
die() {
	printf '[engine-buildkit] ERROR: %s\n' "$*"
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "must run as root"
for tool in apt-get dpkg-deb ip containerd runc docker flock setsid timeout; do
	command -v "$tool" >/dev/null || die "missing tool: $tool"
done
[ -r "$KEYRING" ] || die "missing $KEYRING (package debian-archive-keyring)"

mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd -P)"

APT="$STATE/apt"
DEBS="$STATE/debs"
ROOT="$STATE/root"                 # unpacked packages
CONFIG="$STATE/config"             # DOCKER_CONFIG with cli-plugins/docker-buildx
DATA="$STATE/data"                 # dockerd --data-root
EXEC="$STATE/exec"                 # dockerd --exec-root
CTRD="$STATE/containerd"           # private containerd: config, root, state, socket
LOGS="$STATE/log"
SOCK="$STATE/docker.sock"
CTRD_SOCK="$CTRD/containerd.sock"
DOCKERD_PID="$STATE/dockerd.pid"
CTRD_PID="$STATE/containerd.pid"
DAEMON_JSON="$STATE/daemon.json"
DOCKERD_LOG="$LOGS/dockerd.log"
CTRD_LOG="$LOGS/containerd.log"

# unix socket paths are limited to 108 bytes; containerd's shim and dockerd's
# plugin sockets live under these dirs too, so keep a margin.
[ "${#CTRD_SOCK}" -le 90 ] || die "state dir path too long for unix sockets: $STATE"

mkdir -p "$APT" "$DEBS" "$CONFIG/cli-plugins" "$DATA" "$EXEC" "$CTRD" "$LOGS"

# Serialise concurrent invocations (e.g. parallel test setups).
exec 9>"$STATE/.lock"
flock -w 600 9 || die "timed out waiting for lock $STATE/.lock"

# --- 1. download and unpack docker.io + docker-buildx from Debian $SUITE -----

unpack_ok() {
	[ -f "$ROOT/.unpacked" ] &&
		[ -x "$ROOT/usr/sbin/dockerd" ] &&
		[ -x "$ROOT/usr/libexec/docker/cli-plugins/docker-buildx" ]
}

if ! unpack_ok; then
	mkdir -p "$APT/etc/sources.list.d" "$APT/etc/preferences.d" "$APT/lists/partial" \
		"$APT/cache/archives/partial"
	printf 'deb [signed-by=%s] %s %s main\n' "$KEYRING" "$MIRROR" "$SUITE" >"$APT/etc/sources.list"
	# Private apt configuration: /etc/apt and dpkg's state are never touched,
	# nothing is installed (trixie's docker.io would replace the classic engine).
	apt_opts=(
		-o "Dir::Etc::SourceList=$APT/etc/sources.list"
		-o "Dir::Etc::SourceParts=$APT/etc/sources.list.d"
		-o "Dir::Etc::Preferences=$APT/etc/preferences"
		-o "Dir::Etc::PreferencesParts=$APT/etc/preferences.d"
		-o "Dir::State::Lists=$APT/lists"
		-o "Dir::Cache=$APT/cache"
		-o "APT::Sandbox::User=root"
		-o "APT::Architecture=$(dpkg --print-architecture)"
		-o "APT::Architectures=$(dpkg --print-architecture)"
		-o "Acquire::Retries=3"
	)

	if ! ls "$DEBS"/docker.io_*.deb "$DEBS"/docker-buildx_*.deb >/dev/null 2>&1; then
		log "apt-get update ($SUITE, private lists in $APT)"
		apt-get -q "${apt_opts[@]}" update
		log "apt-get download docker.io docker-buildx"
		rm -f "$DEBS"/*.deb
		(cd "$DEBS" && apt-get -q "${apt_opts[@]}" download docker.io docker-buildx)
	else
		log "packages already downloaded in $DEBS"
	fi

	log "unpacking into $ROOT"
	tmp="$STATE/root.tmp"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	for deb in "$DEBS"/docker.io_*.deb "$DEBS"/docker-buildx_*.deb; do
		log "  dpkg-deb -x $(basename "$deb")"
		dpkg-deb -x "$deb" "$tmp"
	done
	[ -x "$tmp/usr/sbin/dockerd" ] || die "dockerd missing from the unpacked docker.io"
	[ -x "$tmp/usr/libexec/docker/cli-plugins/docker-buildx" ] || die "docker-buildx missing from the unpacked docker-buildx"
	touch "$tmp/.unpacked"
	rm -rf "$ROOT"
	mv "$tmp" "$ROOT"
else
	log "packages already unpacked in $ROOT"
fi

install -m 0755 "$ROOT/usr/libexec/docker/cli-plugins/docker-buildx" "$CONFIG/cli-plugins/docker-buildx.new"
if cmp -s "$CONFIG/cli-plugins/docker-buildx.new" "$CONFIG/cli-plugins/docker-buildx" 2>/dev/null; then
	rm -f "$CONFIG/cli-plugins/docker-buildx.new"
else
	mv -f "$CONFIG/cli-plugins/docker-buildx.new" "$CONFIG/cli-plugins/docker-buildx"
fi
[ -f "$CONFIG/config.json" ] || echo '{}' >"$CONFIG/config.json"

# --- 2. configuration -------------------------------------------------------

# Private containerd (bookworm's 1.6 binary): its own socket, root and state so
# it can't collide with the classic engine's managed containerd (or a system
# one on /run/containerd/containerd.sock).
cat >"$CTRD/config.toml" <<EOF
version = 2
root = "$CTRD/root"
state = "$CTRD/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]

[grpc]
  address = "$CTRD_SOCK"

[ttrpc]
  address = ""

[debug]
  address = ""

[plugins]
  [plugins."io.containerd.internal.v1.opt"]
    path = "$CTRD/opt"
EOF

# The bridge's own network counts as insecure (plain HTTP allowed), as a LAN registry configured in
# daemon.json would: the e2e tests run a registry there. A changed file means a restart below.
# The build cache is bounded: every e2e build leaves records of its own (unique content), about 525 a run of
# the suite, and this state outlives a run. Unbounded (dockerd 26 runs no GC unless told to), a day of runs
# left 8590 records, 35 GB, that took dockerd 8-10 s from "completed initialization" to its API (its builder
# loads them first); past 10 s it exits with "context deadline exceeded", and a CI run failed so. With 525
# or 1077 records (81 or 149 MB) it took 1.1 s, with none 42 ms. Held to 1 GB alone, the small records of
# the suite would still grow to thousands; so records unused for an hour go, whatever their size (down to
# 1 MB: dockerd reads a keepStorage of 0 as its default), and the rest is held to 1 GB. The GC runs after
# builds, so a run clears what the runs an hour before it left.
daemon_json="$(
	cat <<EOF
{
  "features": { "containerd-snapshotter": true },
  "insecure-registries": ["$BRIDGE_CIDR"],
  "builder": {
    "gc": {
      "enabled": true,
      "policy": [
        { "all": true, "keepStorage": "1MB", "filter": ["unused-for=1h"] },
        { "all": true, "keepStorage": "1GB" }
      ]
    }
  }
}
EOF
)"
config_changed=false
if [ "$(cat "$DAEMON_JSON" 2>/dev/null)" != "$daemon_json" ]; then
	printf '%s\n' "$daemon_json" >"$DAEMON_JSON"
	config_changed=true
fi

# --- 3. helpers ---------------------------------------------------------------

# pid_is FILE BINARY: the pid in FILE is alive and runs BINARY.
pid_is() {
	local pid
	[ -s "$1" ] || return 1
	pid="$(cat "$1")"
	[ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
	[ "$(readlink -f "/proc/$pid/exe" 2>/dev/null)" = "$(readlink -f "$2")" ]
}

# stop_pid FILE BINARY: end the process recorded in FILE (only if it runs BINARY).
stop_pid() {
	local pid
	pid_is "$1" "$2" || {
		rm -f "$1"
		return 0
	}
	pid="$(cat "$1")"
	log "stopping stale $(basename "$2") (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do
		[ -d "/proc/$pid" ] || break
		sleep 0.1
	done
	if [ -d "/proc/$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
	rm -f "$1"
}

new_docker() { DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$CONFIG" DOCKER_CONTEXT='' "$@"; }
classic_docker() { env -u DOCKER_HOST -u DOCKER_CONTEXT -u DOCKER_CONFIG "$@"; }

engine_answers() { new_docker timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
containerd_answers() {
	pid_is "$CTRD_PID" "$(command -v containerd)" &&
		[ -S "$CTRD_SOCK" ] &&
		timeout 10 ctr --address "$CTRD_SOCK" version >/dev/null 2>&1
}

# spawn LOGFILE CMD...: run CMD in the background, in its own session, with
# stdin from /dev/null, output to LOGFILE and every other fd closed: it must
# hold neither fd 3 (the caller's stdout: `eval "$(...)"` would never return)
# nor fd 9 (the lock) nor any pipe the caller passed us. $! is CMD's pid
# (subshell -> exec setsid -> exec CMD; no job control, so no fork).
spawn() {
	local logfile="$1"
	shift
	(
		exec </dev/null >>"$logfile" 2>&1
		for f in "/proc/$BASHPID/fd/"*; do
			fd="${f##*/}"
			if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
		done
		exec setsid "$@"
	) &
}

show_logs() {
	log "---- tail of $CTRD_LOG"
	tail -n 30 "$CTRD_LOG" 2>/dev/null || true
	log "---- tail of $DOCKERD_LOG"
	tail -n 60 "$DOCKERD_LOG" 2>/dev/null || true
}

# --- 4. start ---------------------------------------------------------------

had_docker0=false
ip link show docker0 >/dev/null 2>&1 && had_docker0=true

if engine_answers && ! $config_changed; then
	log "engine already answers on unix://$SOCK"
else
	$config_changed && engine_answers && log "daemon.json changed: restarting dockerd"
	t0=$SECONDS

	# Bridge for the engine's default network (--bridge=none would make dockerd
	# delete docker0, breaking the classic engine).
	if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
		log "creating bridge $BRIDGE ($BRIDGE_CIDR)"
		ip link add "$BRIDGE" type bridge
	fi
	if ! ip -4 -o addr show dev "$BRIDGE" | grep -qF "inet $BRIDGE_CIDR "; then
		ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
	fi
	ip link set "$BRIDGE" up

	# containerd
	if containerd_answers; then
		log "private containerd already answers on $CTRD_SOCK"
	else
		stop_pid "$CTRD_PID" "$(command -v containerd)"
		rm -f "$CTRD_SOCK"
		log "starting containerd ($(containerd --version | awk '{print $3}')) on $CTRD_SOCK"
		spawn "$CTRD_LOG" containerd --config "$CTRD/config.toml" --log-level info
		echo $! >"$CTRD_PID"
		for _ in $(seq 1 200); do
			containerd_answers && break
			pid_is "$CTRD_PID" "$(command -v containerd)" || break
			sleep 0.1
		done
		containerd_answers || {
			show_logs
			die "containerd did not start"
		}
	fi

	# dockerd
	stop_pid "$DOCKERD_PID" "$ROOT/usr/sbin/dockerd"
	rm -f "$SOCK"
	log "starting dockerd $("$ROOT/usr/sbin/dockerd" --version | awk '{print $3}' | tr -d ,) on unix://$SOCK"
	# PATH: the unpacked docker-proxy first; containerd-shim-runc-v2, runc and
	# docker-init (tini) come from the system.
	spawn "$DOCKERD_LOG" env PATH="$ROOT/usr/sbin:$ROOT/usr/bin:$PATH" "$ROOT/usr/sbin/dockerd" \
		--config-file "$DAEMON_JSON" \
		--data-root "$DATA" \
		--exec-root "$EXEC" \
		--pidfile "$DOCKERD_PID" \
		-H "unix://$SOCK" \
		--containerd "$CTRD_SOCK" \
		--bridge "$BRIDGE" \
		--iptables=false
	dockerd_launch_pid=$!

	ok=false
	for _ in $(seq 1 120); do
		if new_docker timeout 5 docker info >/dev/null 2>&1; then
			ok=true
			break
		fi
		[ -d "/proc/$dockerd_launch_pid" ] || break
		sleep 0.5
		[ $((SECONDS - t0)) -lt 60 ] || break
	done
	if ! $ok; then
		show_logs
		if [ -d "/proc/$dockerd_launch_pid" ]; then
			die "dockerd did not answer on unix://$SOCK within 60 s (log: $DOCKERD_LOG)"
		fi
		die "dockerd exited during start-up (log: $DOCKERD_LOG)"
	fi
	log "engine up after $((SECONDS - t0)) s"
fi

# --- 5. checks ----------------------------------------------------------------

server_version="$(new_docker docker info --format '{{.ServerVersion}}')"
case "$server_version" in
26.*) log "server version $server_version" ;;
*) die "expected a 26.x server, got '$server_version'" ;;
esac

driver_status="$(new_docker docker info --format '{{.Driver}} {{json .DriverStatus}}')"
case "$driver_status" in
*io.containerd.snapshotter.v1*) log "containerd image store: $driver_status" ;;
*) die "containerd image store not active: $driver_status" ;;
esac

buildx_version="$(new_docker docker buildx version)" || die "docker buildx does not work with DOCKER_CONFIG=$CONFIG"
log "buildx: $buildx_version"

if ! classic_docker timeout 20 docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; then
	die "the classic engine (default socket) does not answer any more"
fi
if $had_docker0 && ! ip link show docker0 >/dev/null 2>&1; then
	die "docker0 (classic engine's bridge) disappeared"
fi
log "classic engine still answers: $(classic_docker docker info --format '{{.ServerVersion}}')"

printf 'export DOCKER_HOST=%q\n' "unix://$SOCK" >&3
printf 'export BTP_BUILDKIT_DOCKER_CONFIG=%q\n' "$CONFIG" >&3
