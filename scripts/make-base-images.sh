#!/usr/bin/env bash
# make-base-images.sh — local base images for the project's tests, with no container registry.
# Needs a running engine (scripts/docker-setup.sh starts one and then calls this script) and root.
#
# Makes, each only if missing (FORCE=1 rebuilds):
#   local/node:<major>-distroless     the host's node binary + the libraries `ldd` lists + passwd/group; no shell
#   local/node:<major>-busybox        the same + busybox-static (sh, id, touch, nologin, ...)
#   local/debian:bookworm-slim        `debootstrap --variant=minbase bookworm`, slimmed, `docker import`
#   local/node:<major>-bookworm-slim  local/debian:bookworm-slim + the host's node and npm (stands in for
#                                     the official node:<v>-bookworm-slim that the example Dockerfiles name)
# <major> is the host node's major version. SKIP_DEBIAN=1 makes only the first two (~3 s, no mirror).
# Env: FORCE=1  SKIP_DEBIAN=1  DEBIAN_MIRROR=<url; default: the one apt uses>  WORKDIR=/var/tmp/tightship-base-images
set -euo pipefail

FORCE=${FORCE:-0}
SKIP_DEBIAN=${SKIP_DEBIAN:-0}
WORKDIR=${WORKDIR:-/var/tmp/tightship-base-images}
export DEBIAN_FRONTEND=noninteractive

die() { echo "make-base-images: ERROR: $*" >&2; exit 1; }
log() { echo "make-base-images: $*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }
[ "$(id -u)" = 0 ] || die "run as root"
timeout 10 docker info >/dev/null 2>&1 || die "the Docker engine does not answer; run scripts/docker-setup.sh"

apt_mirror() {
  local m
  m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$m" ] || m=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  printf '%s' "${m:-http://deb.debian.org/debian}"
}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-$(apt_mirror)}
APT=(apt-get -o DPkg::Lock::Timeout=600 -y -q)
apt_install() { "${APT[@]}" update >/dev/null; "${APT[@]}" install --no-install-recommends "$@" >/dev/null; }

have_image() { [ "$FORCE" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }
size_of() { docker image inspect --format '{{.Size}}' "$1" | awk '{printf "%.1f MB", $1/1e6}'; }

NODE_BIN=$(readlink -f "${NODE_BIN:-$(command -v node)}")
[ -x "$NODE_BIN" ] || die "no node binary on the host"
NODE_VER=$("$NODE_BIN" -p process.versions.node)
MAJOR=${NODE_VER%%.*}
mkdir -p "$WORKDIR"
T0=$(now)

# A root filesystem from host files: node, the shared libraries it loads, a minimal passwd/group.
host_rootfs() {  # host_rootfs DIR [busybox]
  local D=$1 with_busybox=${2:-} lib applet
  rm -rf "$D"
  mkdir -p "$D"/{etc,tmp,root,home/nonroot,usr/local/bin,usr/lib/x86_64-linux-gnu,usr/lib64,usr/bin,usr/sbin,app,proc,sys,dev,run}
  ln -s usr/lib "$D/lib"; ln -s usr/lib64 "$D/lib64"; ln -s usr/bin "$D/bin"; ln -s usr/sbin "$D/sbin"
  chmod 1777 "$D/tmp"; chmod 700 "$D/root"
  cp "$NODE_BIN" "$D/usr/local/bin/node"
  ldd "$NODE_BIN" | awk '$2=="=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u | while read -r lib; do
    cp -L "$lib" "$D/usr/lib/x86_64-linux-gnu/$(basename "$lib")"
    case "$lib" in */ld-linux*) cp -L "$lib" "$D/usr/lib64/$(basename "$lib")" ;; esac
  done
  # glibc >= 2.34 has the files NSS module built in: passwd, group and nsswitch.conf are enough
  printf '%s\n' 'root:x:0:0:root:/root:/usr/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin' \
    'nonroot:x:65532:65532:nonroot:/home/nonroot:/usr/sbin/nologin' >"$D/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' 'nonroot:x:65532:' >"$D/etc/group"
  printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >"$D/etc/nsswitch.conf"
  chown 65532:65532 "$D/home/nonroot"
  if [ -n "$with_busybox" ]; then
    cp "$BUSYBOX" "$D/usr/bin/busybox"
    for applet in $("$BUSYBOX" --list); do
      [ "$applet" = busybox ] || [ -e "$D/usr/bin/$applet" ] || ln -s busybox "$D/usr/bin/$applet"
    done
    ln -sf ../bin/busybox "$D/usr/sbin/nologin"
    printf '%s\n' 'root:*:0:0:99999:7:::' 'nobody:*:0:0:99999:7:::' 'nonroot:*:0:0:99999:7:::' >"$D/etc/shadow"
    chmod 640 "$D/etc/shadow"
  fi
}
import_dir() {  # import_dir DIR TAG [docker import options]   one-layer image, member names without "./"
  local D=$1 TAG=$2; shift 2
  # shellcheck disable=SC2046
  tar --numeric-owner -C "$D" --anchored --exclude='dev/*' --exclude='proc/*' --exclude='sys/*' -c $(ls -A "$D") |
    docker import "$@" - "$TAG" >/dev/null
}

T=local/node:$MAJOR-distroless
if have_image "$T"; then log "$T exists"; else
  t=$(now)
  host_rootfs "$WORKDIR/distroless"
  import_dir "$WORKDIR/distroless" "$T" -c 'ENV PATH=/usr/local/bin:/usr/bin:/usr/sbin' -c 'ENV NODE_ENV=production' \
    -c 'WORKDIR /app' -c 'ENTRYPOINT ["/usr/local/bin/node"]' -m "node $NODE_VER from host files, no shell"
  docker run --rm --network none "$T" -p process.version >/dev/null || die "$T does not run node"
  rm -rf "$WORKDIR/distroless"
  log "$T made in $(since "$t") s ($(size_of "$T"))"
fi

T=local/node:$MAJOR-busybox
if have_image "$T"; then log "$T exists"; else
  t=$(now)
  BUSYBOX=/bin/busybox
  # the static build is needed (the dynamic one would need its libraries too)
  if ! [ -x "$BUSYBOX" ] || ldd "$BUSYBOX" >/dev/null 2>&1; then apt_install busybox-static; fi
  host_rootfs "$WORKDIR/busybox" busybox
  import_dir "$WORKDIR/busybox" "$T" -c 'ENV PATH=/usr/local/bin:/usr/bin:/usr/sbin' -c 'ENV NODE_ENV=production' \
    -c 'WORKDIR /app' -c 'CMD ["sh"]' -m "node $NODE_VER from host files + busybox-static"
  docker run --rm --network none "$T" sh -c 'node -p process.version >/dev/null && id >/dev/null' || die "$T is broken"
  rm -rf "$WORKDIR/busybox"
  log "$T made in $(since "$t") s ($(size_of "$T"))"
fi

if [ "$SKIP_DEBIAN" = 1 ]; then
  log "SKIP_DEBIAN=1: local/debian:bookworm-slim and local/node:$MAJOR-bookworm-slim not made"
else
  T=local/debian:bookworm-slim
  if have_image "$T"; then log "$T exists"; else
    t=$(now)
    command -v debootstrap >/dev/null || apt_install debootstrap
    # on a tmpfs, dpkg's fsyncs cost nothing (about 25 s instead of 35 s on disk)
    M=$WORKDIR/rootfs-mnt; R=$M/bookworm
    if mountpoint -q "$M"; then umount -R "$M"; fi
    mkdir -p "$M"
    if mount -t tmpfs -o size=1g,mode=755 tmpfs "$M"; then trap 'umount -R "$M" 2>/dev/null || true' EXIT; fi
    ok=0
    for try in 1 2; do
      rm -rf "$R"
      if debootstrap --variant=minbase bookworm "$R" "$DEBIAN_MIRROR" >"$WORKDIR/debootstrap.log" 2>&1; then ok=1; break; fi
      log "debootstrap try $try failed: $(tail -2 "$WORKDIR/debootstrap.log" | tr '\n' ' ')"
    done
    [ "$ok" = 1 ] || die "debootstrap failed, see $WORKDIR/debootstrap.log"
    # slim like the official -slim images: no apt lists or caches, no docs but copyright, no man/info/locales
    rm -rf "$R"/var/cache/apt/archives/*.deb "$R"/var/cache/apt/*.bin "$R"/var/lib/apt/lists/* \
      "$R"/usr/share/man/* "$R"/usr/share/info/* "$R"/var/log/apt/* "$R"/var/log/*.log "$R"/var/cache/debconf/*-old
    find "$R/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
    find "$R/usr/share/doc" -mindepth 1 -type d -empty -delete
    find "$R/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
    printf 'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' >"$R/etc/apt/apt.conf.d/docker-clean"
    printf 'Acquire::Languages "none";\n' >"$R/etc/apt/apt.conf.d/docker-no-languages"
    : >"$R/etc/hostname"; : >"$R/etc/resolv.conf"
    import_dir "$R" "$T" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c 'CMD ["bash"]' -m "debootstrap --variant=minbase bookworm $DEBIAN_MIRROR"
    if mountpoint -q "$M"; then umount -R "$M"; fi
    rm -rf "$M"; trap - EXIT
    docker run --rm --network none "$T" sh -c 'grep -q bookworm /etc/os-release' || die "$T is broken"
    log "$T made in $(since "$t") s ($(size_of "$T"))"
  fi

  T=local/node:$MAJOR-bookworm-slim
  if have_image "$T"; then log "$T exists"; else
    t=$(now)
    # the build context is the files laid out as they go in the image: one COPY, one layer, no network
    C=$WORKDIR/ctx-node; rm -rf "$C"; mkdir -p "$C/usr/local/bin" "$C/usr/local/lib/node_modules"
    cp "$NODE_BIN" "$C/usr/local/bin/node"
    NPM_DIR=$(dirname "$(dirname "$NODE_BIN")")/lib/node_modules/npm
    if [ -f "$NPM_DIR/bin/npm-cli.js" ]; then
      cp -a "$NPM_DIR" "$C/usr/local/lib/node_modules/npm"
      ln -s ../lib/node_modules/npm/bin/npm-cli.js "$C/usr/local/bin/npm"
      ln -s ../lib/node_modules/npm/bin/npx-cli.js "$C/usr/local/bin/npx"
    fi
    printf '%s\n' 'FROM local/debian:bookworm-slim' 'COPY usr /usr' 'ENV NODE_ENV=production' 'CMD ["node"]' >"$C/Dockerfile"
    # BuildKit through Debian's 20.10 client (BuildKit built in); the legacy builder otherwise
    if ! { [ -x /usr/bin/docker ] && DOCKER_BUILDKIT=1 /usr/bin/docker build -q --network=none -t "$T" "$C" >/dev/null 2>"$WORKDIR/build.err"; }; then
      DOCKER_BUILDKIT=0 docker build -q --network=none -t "$T" "$C" >/dev/null 2>"$WORKDIR/build.err" || { cat "$WORKDIR/build.err" >&2; die "building $T failed"; }
    fi
    docker run --rm --network none "$T" sh -c 'node -p process.version >/dev/null' || die "$T does not run node"
    rm -rf "$C"
    log "$T made in $(since "$t") s ($(size_of "$T"))"
  fi
fi
log "done in $(since "$T0") s: $(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^local/' | sort | tr '\n' ' ')"
