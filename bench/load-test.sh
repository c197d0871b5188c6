#!/usr/bin/env bash
# Bounded load run of the resilience issue: the packaged jar against the loopback Bitget simulator, 50 concurrent
# callers on one API key (4 requests each by default). Prints throughput, latency percentiles and the most calls of
# each endpoint the simulator saw in any 1 s window; exits 1 if one exceeds Bitget's limit, if Bitget answered 429,
# or if any caller got no definitive answer. Loopback only.
#
#   bench/load-test.sh [callers] [requests-per-caller] [instances] [memory|redis] [classic|unified]
#
# With several instances the callers take turns among them; with redis they share a redis-server on a loopback
# port (e.g. bench/load-test.sh 60 4 2 redis, the two-instance run of BENCHMARKS.md). With unified the key is a
# unified trading account: the limits checked are set-leverage 10/s and settings 20/s (and 10/s for the v2 reads
# that learn the account type).
set -euo pipefail
cd "$(dirname "$0")/.."

exec bench/run-load-class.sh LoadRun "${1:-50}" "${2:-4}" "${3:-1}" "${4:-memory}" "${5:-classic}"
