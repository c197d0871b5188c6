#!/usr/bin/env bash
# Start-up and footprint: wall time from process start to the first successful margin-mode change, and resident
# memory right after it, for this service (JVM jar on JDK 17; JVM jar on JDK 25 with an AOT cache; the native
# executable where one was built) and, as peers, a cold Node.js process making the same call with ccxt and with
# bitget-api (installed from npm into bench/.peers). Everything talks to the loopback Bitget stand-in.
# Prints the median of RUNS runs per candidate and the ratios to ccxt.
#   bench/startup.sh [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
port=18383

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
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
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; return 1; }
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

declare -A time_ms rss_mib
measure() {
  local name=$1; shift
  local samples=() i
  for i in $(seq 1 "$runs"); do
    samples+=("$("$@" "$(mode_for "$i")")")
  done
  time_ms[$name]=$(printf '%s\n' "${samples[@]}" | cut -d' ' -f1 | median)
  rss_mib[$name]=$(( $(printf '%s\n' "${samples[@]}" | cut -d' ' -f2 | median) / 1024 ))
  echo "$name: runs (ms kib): ${samples[*]}" >&2
}

jvm17() { service_run "$1" java -jar target/quarkus-app/quarkus-run.jar; }
jvm25() { service_run "$1" "$jdk25/bin/java" -jar target/quarkus-app/quarkus-run.jar; }
jvm25aot() { service_run "$1" "$jdk25/bin/java" -XX:AOTCache="$work/app.aot" -jar target/quarkus-app/quarkus-run.jar; }
native() { service_run "$1" "$native_binary"; }
ccxt() { peer_run ccxt.mjs "$1"; }
bitgetapi() { peer_run bitget-api.mjs "$1"; }

measure "jvm-jdk17" jvm17
if [ -x "$jdk25/bin/java" ]; then
  measure "jvm-jdk25" jvm25
  # JEP 514: one training run writes the AOT cache when the JVM exits; the same JDK and jar must use it.
  service_run isolated "$jdk25/bin/java" -XX:AOTCacheOutput="$work/app.aot" -jar target/quarkus-app/quarkus-run.jar >/dev/null
  measure "jvm-jdk25-aot" jvm25aot
else
  echo "jvm-jdk25-aot: skipped, no JDK 25 at $jdk25 (set JDK25_HOME)" >&2
fi
native_binary=$(ls target/*-runner 2>/dev/null | head -1 || true)
if [ -n "$native_binary" ] && [ -x "$native_binary" ]; then
  measure "native" native
else
  echo "native: skipped, no native executable (build one with ./mvnw package -Dnative where GraalVM/Mandrel exists)" >&2
fi
measure "ccxt-4.5.84" ccxt
measure "bitget-api-3.2.3" bitgetapi

echo
echo "Median of $runs runs; ratios are to ccxt (below 1 is faster or smaller than ccxt)."
printf '%-18s %14s %12s %12s %12s\n' candidate "to first 200" "RSS (MiB)" "time ratio" "RSS ratio"
for name in jvm-jdk17 jvm-jdk25 jvm-jdk25-aot native ccxt-4.5.84 bitget-api-3.2.3; do
  [ -n "${time_ms[$name]:-}" ] || continue
  printf '%-18s %11s ms %12s %12s %12s\n' "$name" "${time_ms[$name]}" "${rss_mib[$name]}" \
    "$(awk -v a="${time_ms[$name]}" -v b="${time_ms[ccxt-4.5.84]}" 'BEGIN {printf "%.2f", a / b}')" \
    "$(awk -v a="${rss_mib[$name]}" -v b="${rss_mib[ccxt-4.5.84]}" 'BEGIN {printf "%.2f", a / b}')"
done
