#!/usr/bin/env bash
# Start-up and footprint: wall time from process start to the first successful margin-mode change, and resident
# memory right after it, for this service (the fast-jar on JDK 17 and on JDK 25; the aot build's jar on JDK 25 with
# its AOT cache; the native executable where one was built) and, as peers, a cold Node.js process making the same call
# with ccxt and with bitget-api (installed from npm into bench/.peers). Everything talks to the loopback Bitget
# stand-in. The candidates take turns (run 1 of each, then run 2 of each, ...), so that a slow spell of the machine
# falls on all of them. Prints every run, the medians, and the ratios to ccxt and to bitget-api.
#   bench/startup.sh [runs, default 5]
#
# The JVM candidates are the two jars users deploy: the fast-jar (Dockerfile.jvm) and the aot build's jar with its
# app.aot (Dockerfile.jvm-aot). The aot build is target/quarkus-app when it holds app.aot; without one, and with a
# JDK 25 (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), the script makes it (`./mvnw -Paot verify
# -DskipUTs=true`: the integration tests are its training run, several minutes). Beside an aot build, the fast-jar is
# built into target/startup-fast-jar. The cache runs with -XX:AOTMode=on: a cache the JVM cannot use stops the run
# instead of being measured as if it were used.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
port=18383

aot_app=""
if [ -x "$jdk25/bin/java" ]; then
  if [ ! -f target/quarkus-app/app.aot ]; then
    echo "building the jar with its AOT cache on $jdk25 (./mvnw -Paot verify -DskipUTs=true, several minutes;" \
      "log in target/startup-aot-build.log)" >&2
    mkdir -p target
    JAVA_HOME=$jdk25 ./mvnw -B -ntp -Paot verify -DskipUTs=true > target/startup-aot-build.log 2>&1 \
      || { tail -40 target/startup-aot-build.log >&2; exit 1; }
  fi
  aot_app=target/quarkus-app
else
  echo "jvm-jdk25 and jvm-jdk25-aot: skipped, no JDK 25 at $jdk25 (set JDK25_HOME)" >&2
fi
if [ -f target/quarkus-app/app.aot ]; then
  fast_app=target/startup-fast-jar
  if [ ! target/startup-fast-jar/quarkus-run.jar -nt target/quarkus-app/app.aot ]; then
    ./mvnw -B -q -ntp package -DskipTests -Dquarkus.package.output-directory=startup-fast-jar
  fi
else
  fast_app=target/quarkus-app
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
fi
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
mkdir -p bench/.peers
[ -f bench/.peers/package.json ] || echo '{"name":"bitget-margin-peers","private":true,"type":"module"}' > bench/.peers/package.json
(cd bench/.peers && npm install --no-audit --no-fund --silent ccxt@4.5.84 bitget-api@3.2.3)
cp bench/peers/*.mjs bench/.peers/

work=$(mktemp -d)
mkfifo "$work/in"
java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" io.bitgetmargin.load.StandIn --bitget-only \
  < "$work/in" > "$work/standin.log" 2>&1 &
exec 3>"$work/in"
trap 'exec 3>&-; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do grep -q '^BITGET ' "$work/standin.log" && break; sleep 0.5; done
bitget=$(grep '^BITGET ' "$work/standin.log" | cut -d' ' -f2)

export QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_REST_CLIENT_BITGET_URL=$bitget \
  BITGET_API_KEY=test-api-key BITGET_SECRET_KEY=test-secret-key BITGET_PASSPHRASE=test-passphrase \
  BITGET_MARGIN_API_TOKENS=bench-token

mode_for() { if [ $(( $1 % 2 )) = 0 ]; then echo isolated; else echo crossed; fi; }

# One run of the service: start it, call PUT until it answers 200, read VmRSS, stop it. Prints "millis kib".
service_run() {
  local mode=$1; shift
  local start end rss pid
  start=$(date +%s%N)
  "$@" > "$work/service.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 -X PUT "http://127.0.0.1:$port/v1/margin-mode" \
      -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
      -d "{\"symbol\":\"BTCUSDT\",\"marginMode\":\"$mode\"}")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; return 1; }
    [ $(( $(date +%s%N) - start )) -lt 60000000000 ] || { echo "no answer within 60 s" >&2; kill "$pid"; return 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

# One run of a peer: a cold node process that makes the call and prints its RSS. Prints "millis kib".
peer_run() {
  local script=$1 mode=$2 start end out
  start=$(date +%s%N)
  out=$(cd bench/.peers && node "$script" "$bitget" "$mode")
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(( $(echo "$out" | sed -E 's/.*"rss":([0-9]+).*/\1/') / 1024 ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

jvm17() { service_run "$1" java -jar "$fast_app/quarkus-run.jar"; }
jvm25() { service_run "$1" "$jdk25/bin/java" -jar "$fast_app/quarkus-run.jar"; }
# From the jar's directory, as Dockerfile.jvm-aot and Quarkus's guide run it.
# As Dockerfile.jvm-aot runs it: the client compiler and the serial collector (its JAVA_OPTS_START).
jvm25aot() { service_run "$1" sh -c "cd $aot_app && exec '$jdk25/bin/java' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTMode=on -XX:AOTCache=app.aot -jar quarkus-run.jar"; }
native() { service_run "$1" "$native_binary"; }
ccxt() { peer_run ccxt.mjs "$1"; }
bitgetapi() { peer_run bitget-api.mjs "$1"; }

names=(jvm-jdk17); commands=(jvm17)
if [ -n "$aot_app" ]; then
  names+=(jvm-jdk25 jvm-jdk25-aot); commands+=(jvm25 jvm25aot)
fi
native_binary=$(ls target/*-runner 2>/dev/null | head -1 || true)
if [ -n "$native_binary" ] && [ -x "$native_binary" ]; then
  names+=(native); commands+=(native)
else
  echo "native: skipped, no native executable (build one with ./mvnw package -Dnative where GraalVM/Mandrel exists)" >&2
fi
names+=(ccxt-4.5.84 bitget-api-3.2.3); commands+=(ccxt bitgetapi)

# Every call flips the mode of the stand-in's BTCUSDT, crossed at first, so that each one is a change (a service that
# finds the mode already set reads and sends nothing).
declare -A samples
call=0
for _ in $(seq 1 "$runs"); do
  for c in "${!names[@]}"; do
    samples[${names[$c]}]+="$("${commands[$c]}" "$(mode_for "$call")");"
    call=$((call + 1))
  done
done

declare -A time_ms rss_mib
for name in "${names[@]}"; do
  echo "${name}: runs (ms kib): $(tr ';' ' ' <<< "${samples[$name]}")" >&2
  time_ms[$name]=$(tr ';' '\n' <<< "${samples[$name]}" | grep . | cut -d' ' -f1 | median)
  rss_mib[$name]=$(( $(tr ';' '\n' <<< "${samples[$name]}" | grep . | cut -d' ' -f2 | median) / 1024 ))
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo
echo "Median of $runs interleaved runs; ratios are to ccxt and to bitget-api (below 1 is faster or smaller)."
printf '%-18s %14s %10s %10s %10s %12s %12s\n' candidate "to first 200" "RSS (MiB)" "time/ccxt" "RSS/ccxt" \
  "time/b-api" "RSS/b-api"
for name in "${names[@]}"; do
  printf '%-18s %11s ms %10s %10s %10s %12s %12s\n' "$name" "${time_ms[$name]}" "${rss_mib[$name]}" \
    "$(ratio "${time_ms[$name]}" "${time_ms[ccxt-4.5.84]}")" "$(ratio "${rss_mib[$name]}" "${rss_mib[ccxt-4.5.84]}")" \
    "$(ratio "${time_ms[$name]}" "${time_ms[bitget-api-3.2.3]}")" "$(ratio "${rss_mib[$name]}" "${rss_mib[bitget-api-3.2.3]}")"
done
