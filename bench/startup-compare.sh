#!/usr/bin/env bash
# Start-up of builds of the service side by side, in turn in one sitting (run 1 of each, then run 2 of each, ...): wall
# time from process start to the first successful margin-mode change, and resident memory right after it (JVM jar,
# tracing off, as the service runs by default). For a change's cost, e.g. before and after an extension:
#   git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -B -q package -DskipTests)
#   bench/startup-compare.sh /tmp/before/target/quarkus-app target/quarkus-app [more app dirs...] [runs, default 7]
# JAVA picks the java command (default: java on the PATH). Prints each run, the medians, and each build's ratio to
# the first. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=7
apps=("$@")
if [[ "${apps[-1]}" =~ ^[0-9]+$ ]]; then runs=${apps[-1]}; unset 'apps[-1]'; fi
[ "${#apps[@]}" -ge 2 ] || { echo "usage: $0 APP_DIR APP_DIR [APP_DIR...] [runs]" >&2; exit 2; }
java=${JAVA:-java}
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

run() { # app dir, margin mode; prints "millis kib cpu-millis"
  local start end rss cpu pid
  start=$(date +%s%N)
  "$java" -jar "$1/quarkus-run.jar" > "$work/service.log" 2>&1 &
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
  # CPU time (user + system) the process spent to get there: less swayed than wall time by whatever else runs.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss $cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

declare -A samples
for i in $(seq 1 "$runs"); do
  mode=$([ $(( i % 2 )) = 0 ] && echo isolated || echo crossed)
  for app in "${apps[@]}"; do
    samples[$app]="${samples[$app]:-} $(run "$app" "$mode" | tr ' ' ':')"
  done
done
first_ms=""
for app in "${apps[@]}"; do
  ms=$(printf '%s\n' ${samples[$app]} | cut -d: -f1 | median)
  mib=$(( $(printf '%s\n' ${samples[$app]} | cut -d: -f2 | median) / 1024 ))
  cpu=$(printf '%s\n' ${samples[$app]} | cut -d: -f3 | median)
  [ -n "$first_ms" ] || { first_ms=$ms; first_mib=$mib; first_cpu=$cpu; }
  echo "$app: runs (ms:KiB:CPU ms):${samples[$app]}"
  printf '  median of %s runs: %s ms, %s MiB, %s ms CPU; ratio to the first: time %s, RSS %s, CPU %s\n' "$runs" "$ms" \
    "$mib" "$cpu" "$(awk -v x="$ms" -v y="$first_ms" 'BEGIN {printf "%.2f", x / y}')" \
    "$(awk -v x="$mib" -v y="$first_mib" 'BEGIN {printf "%.2f", x / y}')" "$(awk -v x="$cpu" -v y="$first_cpu" 'BEGIN {printf "%.2f", x / y}')"
done
