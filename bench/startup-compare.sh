#!/usr/bin/env bash
# Start-up of two builds of the service side by side, alternately in one sitting: wall time from process start to
# the first successful margin-mode change, and resident memory right after it (JVM jar on JDK 17, tracing off, as
# the service runs by default). For a change's cost, e.g. before and after an extension:
#   git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -B -q package -DskipTests)
#   bench/startup-compare.sh /tmp/before/target/quarkus-app target/quarkus-app [runs, default 7]
# Prints each run and the medians, and the ratio of the second to the first. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
first=$1; second=$2; runs=${3:-7}
port=18384

./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
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

run() { # app dir, margin mode; prints "millis kib"
  local start end rss pid
  start=$(date +%s%N)
  java -jar "$1/quarkus-run.jar" > "$work/service.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 -X PUT "http://127.0.0.1:$port/v1/margin-mode" \
      -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
      -d "{\"symbol\":\"BTCUSDT\",\"marginMode\":\"$2\"}")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; return 1; }
    [ $(( $(date +%s%N) - start )) -lt 60000000000 ] || { echo "no answer within 60 s" >&2; kill "$pid"; return 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

a=(); b=()
for i in $(seq 1 "$runs"); do
  mode=$([ $(( i % 2 )) = 0 ] && echo isolated || echo crossed)
  a+=("$(run "$first" "$mode")"); b+=("$(run "$second" "$mode")")
done
echo "first  ($first): ${a[*]}"
echo "second ($second): ${b[*]}"
ta=$(printf '%s\n' "${a[@]}" | cut -d' ' -f1 | median); tb=$(printf '%s\n' "${b[@]}" | cut -d' ' -f1 | median)
ra=$(( $(printf '%s\n' "${a[@]}" | cut -d' ' -f2 | median) / 1024 )); rb=$(( $(printf '%s\n' "${b[@]}" | cut -d' ' -f2 | median) / 1024 ))
echo "median of $runs alternating runs: first ${ta} ms ${ra} MiB, second ${tb} ms ${rb} MiB;" \
  "ratio second/first: time $(awk -v x="$tb" -v y="$ta" 'BEGIN {printf "%.2f", x / y}')," \
  "RSS $(awk -v x="$rb" -v y="$ra" 'BEGIN {printf "%.2f", x / y}')"
