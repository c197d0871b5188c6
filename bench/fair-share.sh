#!/usr/bin/env bash
# Fair shares on one Bitget account: four callers of different appetites (flood, steady, bursty, light) against the
# packaged jar and the loopback simulator, for a bounded time. Prints each caller's changes made and refused and its
# share of what Bitget saw; exits 1 if Bitget saw more than 5 changes in any second or a caller had none made.
# Loopback only.
#
#   bench/fair-share.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

exec bench/run-load-class.sh FairShareRun "${1:-12}"
