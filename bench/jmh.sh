#!/usr/bin/env bash
# JMH benchmarks of the per-request costs: signing and serialising one set-margin-mode request (SigningBenchmark),
# and knowing the caller, by static token or JWT (AuthenticationBenchmark).
#   bench/jmh.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  'io.bitgetmargin.bench.*Benchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
