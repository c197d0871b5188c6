#!/usr/bin/env bash
# JMH benchmarks of the per-request costs: signing and serialising one set-margin-mode request (SigningBenchmark),
# knowing the caller, by static token or JWT (AuthenticationBenchmark); and the OpenAPI document's work at every start
# (OpenApiDocumentBenchmark, on the packaged jar's document: ./mvnw package first).
#   bench/jmh.sh [benchmark name, e.g. OpenApiDocument] [JMH options instead of -f 1 -wi 3 -w 2s -i 5 -r 2s]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
benchmarks='.*'
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then benchmarks=$1; shift; fi
[ $# -gt 0 ] || set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
exec java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  "io.bitgetmargin.bench.${benchmarks}Benchmark" "$@"
