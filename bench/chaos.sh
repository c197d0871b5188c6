#!/usr/bin/env bash
# The chaos run of issue 19: two instances of the packaged jar on one redis-server, against the loopback Bitget
# simulator, a classic and a unified account, steady traffic (changes, reads, setup batches) through phases that
# inject latency spikes, HTML 502 bursts, Bitget 429 bursts, a clock step, Redis paused, Redis killed and restarted,
# and one instance stopped and restarted. Prints per phase the requests, the answers by status, the callers without a
# definitive answer, the 5xx other than 503, and the busiest second Bitget saw per account and endpoint; exits 1
# unless the first two are 0 and every endpoint stayed within Bitget's limit. Loopback only; needs redis-server.
#
#   bench/chaos.sh [short|full]      short (CI): 7 s phases, under 2 minutes with the start-ups; full: 25 s phases, about 4.5 minutes
#
# The instances' logs are kept under target/chaos-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-short}"
case "$mode" in
  short|full) ;;
  *) echo "usage: bench/chaos.sh [short|full]" >&2; exit 2 ;;
esac
exec bench/run-load-class.sh ChaosRun "$mode"
