#!/usr/bin/env bash
# Runs one of the load classes of src/test/java/io/bitgetmargin/load against the packaged jar (built first if
# missing), with the test class path: bench/run-load-class.sh LoadRun|ChaosRun|FairShareRun [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ ! -d target/test-classes ]; then
  ./mvnw -B -q -ntp package -DskipTests
fi
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
class="$1"
shift
exec java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" \
  "io.bitgetmargin.load.$class" "$@"
