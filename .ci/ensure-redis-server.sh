#!/usr/bin/env bash
# The Redis rate-limiter tests start their own redis-server on a loopback port; make sure the command exists.
# Installs Debian's redis-server package when it is missing (as root, or through sudo). The tests only need the
# binary: nothing is started here, and the package's own service is not used.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  echo "redis-server: $(redis-server --version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is missing and this is not a Debian-based machine: install Redis 6 or later by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi
echo "installing Debian's redis-server package for the Redis rate-limiter tests"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
echo "redis-server: $(redis-server --version)"
