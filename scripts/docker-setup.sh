#!/usr/bin/env bash
# docker-setup.sh — everything the engine-backed tests need, on a fresh Debian machine (root):
#   1. docker.io (engine + /usr/bin/docker with BuildKit built in), docker-compose and apparmor
#      (apparmor_parser, for the AppArmor profile checks), from Debian, if missing
#   2. dockerd running: started only when `docker info` does not answer and no dockerd process exists
#      (a second dockerd beside a running one can delete the host's docker0 bridge at start-up)
#   3. the local base images (scripts/make-base-images.sh), since no container registry is reachable here
# Idempotent and safe to run concurrently (one flock around the whole script): ~1 s when all is in place.
#
# Env knobs: SKIP_BASE_IMAGES=1 (steps 1-2 only)   DOCKERD_LOG=/var/log/dockerd.log
#            and those of scripts/make-base-images.sh (SKIP_DEBIAN=1, FORCE=1, ...)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
export DEBIAN_FRONTEND=noninteractive

die() { echo "docker-setup: ERROR: $*" >&2; exit 1; }
log() { echo "docker-setup: $*"; }
[ "$(id -u)" = 0 ] || die "run as root (installs Debian packages and starts dockerd)"

# One run at a time: two engineers' test runs (or two CI steps) must never start two daemons.
LOCK=/var/lock/tightship-docker-setup.v2.lock
exec 9>"$LOCK"
flock -w 900 9 || die "another docker-setup.sh has held $LOCK for 15 min"

T0=$(date +%s)
APT=(apt-get -o DPkg::Lock::Timeout=600 -y -q)
apt_updated=0
apt_install() {  # apt_install [--with-recommends] pkg...
  local rec=--no-install-recommends
  if [ "$1" = --with-recommends ]; then rec=; shift; fi
  if [ "$apt_updated" = 0 ]; then "${APT[@]}" update >/dev/null; apt_updated=1; fi
  "${APT[@]}" install $rec "$@" >/dev/null
}

# ---- 1. packages
if ! command -v dockerd >/dev/null 2>&1 || ! [ -x /usr/bin/docker ]; then
  log "installing docker.io (Debian)"
  # with Recommends (apparmor, cgroupfs-mount, ...): the combination known to work on these VMs
  apt_install --with-recommends docker.io
fi
if ! command -v docker-compose >/dev/null 2>&1; then
  log "installing docker-compose (Debian, 1.29)"
  apt_install docker-compose
fi
if ! command -v apparmor_parser >/dev/null 2>&1; then
  log "installing apparmor (Debian: apparmor_parser checks AppArmor profiles; nothing is loaded)"
  apt_install apparmor
fi

# ---- 2. engine
docker_ok() { timeout 10 docker info >/dev/null 2>&1; }
if docker_ok; then
  log "engine answers"
else
  if pgrep -x dockerd >/dev/null; then
    log "a dockerd process exists but does not answer yet: waiting for it (not starting another)"
  else
    if ! mountpoint -q /sys/fs/cgroup && command -v cgroupfs-mount >/dev/null; then cgroupfs-mount || true; fi
    # a pid file left by a dead dockerd makes a new one refuse to start
    if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then rm -f /var/run/docker.pid; fi
    log "starting dockerd (log: $DOCKERD_LOG)"
    # no systemd on these machines: start it detached from this shell
    # (9>&-: the daemon must not inherit the lock, or it would hold it for its whole life)
    setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
  fi
  for _ in $(seq 1 240); do docker_ok && break; sleep 0.5; done
  docker_ok || { tail -30 "$DOCKERD_LOG" >&2 || true; die "dockerd did not answer within 2 min (log: $DOCKERD_LOG)"; }
  log "engine up"
fi
log "engine $(docker version --format '{{.Server.Version}}' 2>/dev/null), BuildKit client $(/usr/bin/docker version --format '{{.Client.Version}}' 2>/dev/null), $(docker-compose version --short 2>/dev/null || echo 'no docker-compose')"

# ---- 3. base images
if [ "${SKIP_BASE_IMAGES:-0}" != 1 ]; then
  bash "$HERE/make-base-images.sh"
fi
log "ready in $(( $(date +%s) - T0 )) s"
