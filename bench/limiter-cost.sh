#!/usr/bin/env bash
# Cost of one rate-limiter acquisition with the memory and the redis store, in one run (AcquisitionCost): median,
# p99 and max. Starts its own redis-server on a loopback port (needs redis-server installed).
#   bench/limiter-cost.sh [acquisitions-per-store]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" \
  io.bitgetmargin.ratelimit.AcquisitionCost "${1:-20000}"
