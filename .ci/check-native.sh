#!/usr/bin/env bash
# Runs Quarkus's native build steps without GraalVM and checks the reflection configuration they generate.
# Fails when the native build steps fail, or when a record that Jackson handles through our own mappers is not
# registered for reflection (it would serialise as {} in the native executable), or when the heap defaults are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -ntp package -Dnative -Dquarkus.native.sources-only=true -DskipTests
runner=$(ls target/native-sources/*-runner.jar)
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" \
  io.bitgetmargin.build.NativeReflectionCheck "$runner" target/classes
# The heap defaults docs/deployment.md promises (Memory) reach the native-image command line.
for option in -R:MaxHeapSize=64m -R:MaxNewSize=8m; do
  grep -q -- "$option" target/native-sources/native-image.args || { echo "native-image.args lacks $option" >&2; exit 1; }
done
echo "native heap defaults: -R:MaxHeapSize=64m -R:MaxNewSize=8m in native-image.args"
