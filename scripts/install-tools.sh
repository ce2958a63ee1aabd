#!/usr/bin/env bash
# install-tools.sh — the Debian packages the tool-backed tests use (root on Debian): ShellCheck
# (the dockerfile/shellcheck rule), AppArmor's parser (profile checks), Chromium (the HTML report
# rendered in a real browser). Idempotent: installs only what is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v apparmor_parser >/dev/null 2>&1 || [ -x /sbin/apparmor_parser ] || need+=(apparmor)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then echo "install-tools: all present"; exit 0; fi
[ "$(id -u)" = 0 ] || { echo "install-tools: run as root to install: ${need[*]}" >&2; exit 1; }
apt-get -o DPkg::Lock::Timeout=600 -y -q update >/dev/null
apt-get -o DPkg::Lock::Timeout=600 -y -q install --no-install-recommends "${need[@]}" >/dev/null
echo "install-tools: installed ${need[*]}"
