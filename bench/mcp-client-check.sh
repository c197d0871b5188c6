#!/usr/bin/env bash
# The agents' endpoint against a real MCP client: the official TypeScript SDK (src/test/mcp-client, pinned in its
# package-lock.json) through a round-robin proxy without affinity in front of two instances of the packaged jar, on
# the loopback simulator. Lists the tools per token, reads, changes, and is refused as each token should be; prints a
# line per check and exits 1 when any differs (io.bitgetmargin.load.McpClientRun). Loopback only, at most 3 minutes
# once started.
#
#   bench/mcp-client-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Node and npm from Debian's packages when missing, as root or through sudo, as .ci/ensure-redis-server.sh does.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo -n"
  fi
  echo "installing Debian's nodejs and npm packages for the MCP client check"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "node $(node --version), npm $(npm --version)"
(cd src/test/mcp-client && npm ci --no-audit --no-fund --loglevel=error)

exec bench/run-load-class.sh McpClientRun
