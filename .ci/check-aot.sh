#!/usr/bin/env bash
# The jar on JDK 25 with its AOT cache (JEP 483/514): builds it with the aot profile (`./mvnw -Paot verify`, whose
# @QuarkusIntegrationTests are the training run that writes target/quarkus-app/app.aot), then starts it as
# Dockerfile.jvm-aot does, with -XX:AOTMode=on (the JVM refuses to start when it cannot use the cache), against the
# loopback Bitget stand-in, makes one margin-mode change, and checks in -Xlog:aot that the cache was mapped.
#
# The JDK 25 is JDK25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64, else any /usr/lib/jvm/*25*; without one it installs
# Debian's openjdk-25-jdk-headless where the release has one (trixie and later; bookworm has none, and trixie's package
# needs trixie's glibc), and otherwise fails, saying so. The same JDK builds, trains and runs the cache.
#
# The unit tests are left out (-DskipUTs=true): they train nothing and `./mvnw verify` runs them. It leaves target/ as
# the aot build left it (the aot-jar layout, classes compiled by JDK 25 for release 17): run it after the steps that
# use the main build's target/quarkus-app, or `./mvnw clean` after it. Bounded: 45 minutes for the build, 90 s for the
# start and the change.
set -euo pipefail
cd "$(dirname "$0")/.."
begin=$(date +%s)

feature_version() { # prints the JDK's feature version, or nothing if it is not a JDK
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
find_jdk25() {
  local candidate
  for candidate in ${JDK25_HOME:+"$JDK25_HOME"} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ "$(feature_version "$candidate")" = 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! jdk=$(find_jdk25); then
  if [ -n "${JDK25_HOME:-}" ]; then
    echo "JDK25_HOME=$JDK25_HOME is not a JDK 25" >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo -n"
  fi
  command -v apt-get > /dev/null 2>&1 || { echo "no JDK 25 found: set JDK25_HOME" >&2; exit 1; }
  $SUDO apt-get update -qq
  if ! apt-cache policy openjdk-25-jdk-headless | grep -q 'Candidate: [0-9]'; then
    echo "no JDK 25 found (JDK25_HOME, /usr/lib/jvm/temurin-25-jdk-amd64, /usr/lib/jvm/*25*), and this Debian release" \
      "($(cat /etc/debian_version 2>/dev/null || echo unknown)) has no openjdk-25-jdk-headless package: install a JDK 25" \
      "(e.g. Eclipse Temurin 25) and set JDK25_HOME" >&2
    exit 1
  fi
  echo "installing Debian's openjdk-25-jdk-headless for the AOT check"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends openjdk-25-jdk-headless > /dev/null
  jdk=$(find_jdk25) || { echo "openjdk-25-jdk-headless is installed but no JDK 25 is under /usr/lib/jvm" >&2; exit 1; }
fi
echo "JDK 25: $jdk ($("$jdk/bin/java" -version 2>&1 | head -1))"

# The integration tests include the shared Redis rate limit's, which start their own redis-server.
.ci/ensure-redis-server.sh

# A cache left by an earlier build must not pass for this one's.
rm -f target/quarkus-app/app.aot target/quarkus-app/app.aotconf
build_begin=$(date +%s)
JAVA_HOME=$jdk timeout 45m ./mvnw -B -ntp -Paot verify -DskipUTs=true
build_seconds=$(($(date +%s) - build_begin))
test -f target/quarkus-app/app.aot || { echo "AOT check: FAILED, the aot build wrote no target/quarkus-app/app.aot" >&2; exit 1; }
echo "AOT check: the aot build (integration tests as the training run) took ${build_seconds} s and wrote" \
  "target/quarkus-app/app.aot ($(du -m target/quarkus-app/app.aot | cut -f1) MiB)"

# The loopback Bitget stand-in, as bench/startup.sh runs it.
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
work=$(mktemp -d)
mkfifo "$work/in"
"$jdk/bin/java" -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" \
  io.bitgetmargin.load.StandIn --bitget-only < "$work/in" > "$work/standin.log" 2>&1 &
standin=$!
exec 3> "$work/in"
service=""
cleanup() {
  if [ -n "$service" ]; then
    kill "$service" 2> /dev/null || true
    wait "$service" 2> /dev/null || true
  fi
  exec 3>&-
  wait "$standin" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 120); do grep -q '^BITGET ' "$work/standin.log" && break; sleep 0.5; done
bitget=$(grep '^BITGET ' "$work/standin.log" | cut -d' ' -f2) \
  || { echo "AOT check: FAILED, the Bitget stand-in did not start:" >&2; cat "$work/standin.log" >&2; exit 1; }

# The service as Dockerfile.jvm-aot runs it: from its directory, the cache required.
start=$(date +%s%N)
(cd target/quarkus-app && exec env QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_REST_CLIENT_BITGET_URL="$bitget" BITGET_API_KEY=test-api-key BITGET_SECRET_KEY=test-secret-key \
  BITGET_PASSPHRASE=test-passphrase BITGET_MARGIN_API_TOKENS=aot-check-token \
  "$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTMode=on -XX:AOTCache=app.aot -Xlog:aot -jar quarkus-run.jar) > "$work/service.log" 2>&1 &
service=$!
port=""
status=""
until [ "$status" = 200 ]; do
  if ! kill -0 "$service" 2> /dev/null; then
    echo "AOT check: FAILED, the service stopped (with -XX:AOTMode=on it does when it cannot use the cache):" >&2
    tail -40 "$work/service.log" >&2
    exit 1
  fi
  if [ $(($(date +%s%N) - start)) -gt 90000000000 ]; then
    echo "AOT check: FAILED, no change answered within 90 s:" >&2
    tail -40 "$work/service.log" >&2
    exit 1
  fi
  sleep 0.05
  # A free port of the system's choosing, as the service logs it.
  [ -n "$port" ] || port=$(sed -n 's/.*Listening on: http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/service.log" | head -1)
  [ -n "$port" ] || continue
  status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -m 5 -X PUT "http://127.0.0.1:$port/v1/margin-mode" \
    -H 'Authorization: Bearer aot-check-token' -H 'Content-Type: application/json' \
    -d '{"symbol":"BTCUSDT","marginMode":"isolated"}' || true)
done
first_change_ms=$((($(date +%s%N) - start) / 1000000))
grep -q '"outcome":"\(CHANGED\|UNCHANGED\)"' "$work/answer.json" \
  || { echo "AOT check: FAILED, unexpected answer: $(cat "$work/answer.json")" >&2; exit 1; }
curl -sf -m 5 "http://127.0.0.1:$port/q/health/ready" > /dev/null \
  || { echo "AOT check: FAILED, /q/health/ready did not answer 200" >&2; exit 1; }

# The proof, in -Xlog:aot: the JVM opened the cache and uses its classes, loaded and linked ahead of time; and no
# warning or error of the aot log (with -XX:AOTMode=on the JVM would not have started at all).
opened=$(grep -m1 -F '[info][aot] Opened AOT cache app.aot.' "$work/service.log" || true)
linked=$(grep -m1 -F '[info][aot] Using AOT-linked classes: true' "$work/service.log" || true)
if [ -z "$opened" ] || [ -z "$linked" ] || grep -qE '\[(warning|error) *\]\[aot' "$work/service.log"; then
  echo "AOT check: FAILED, -Xlog:aot does not show the cache in use:" >&2
  grep -E '\[aot' "$work/service.log" | grep -vE 'archived module property|Reserved|narrow' | head -20 >&2
  exit 1
fi
kill "$service"
wait "$service" 2> /dev/null || true
service=""
echo "AOT check: the jar started with -XX:AOTMode=on -XX:AOTCache=app.aot on $("$jdk/bin/java" -version 2>&1 | head -1)," \
  "changed a margin mode in ${first_change_ms} ms from process start, and was ready"
echo "AOT check: -Xlog:aot: ${opened}"
echo "AOT check: -Xlog:aot: ${linked}"
echo "AOT check: passed in $(($(date +%s) - begin)) s"
