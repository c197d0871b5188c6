#!/usr/bin/env bash
# Bounded wrk runs of the facade against the loopback simulator, with Bitget's rate limits lifted on both sides so
# that the figures are the service's own cost per request (auth, validation, signing, one upstream call).
#   bench/wrk.sh [duration, default 10s] [connections, default 16] [traced]
# With traced, the service exports its traces to a loopback OTLP collector stand-in (http/protobuf), as with
# QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT set: the cost of tracing, next to a run without.
# Installs Debian's wrk when it is missing. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}
connections=${2:-16}
traced=${3:+--traced}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then ./mvnw -B -q -ntp package -DskipTests; fi
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

out=$(mktemp -d)
trap 'exec 3>&-; wait 2>/dev/null; grep -h "^COLLECTOR" "$out/standin.log" 2>/dev/null || true; rm -rf "$out"' EXIT
mkfifo "$out/in"
java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" io.bitgetmargin.load.StandIn --no-limits $traced \
  < "$out/in" > "$out/standin.log" 2>&1 &
exec 3>"$out/in"
for _ in $(seq 1 120); do grep -q '^FACADE ' "$out/standin.log" && break; sleep 0.5; done
facade=$(grep '^FACADE ' "$out/standin.log" | cut -d' ' -f2)
[ -n "$facade" ] || { cat "$out/standin.log"; exit 1; }

cat > "$out/read.lua" <<'LUA'
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer load-token"
LUA
cat > "$out/ensure.lua" <<'LUA'
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer load-token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"symbol":"BTCUSDT","productType":"USDT-FUTURES","marginCoin":"USDT","marginMode":"crossed"}'
LUA
cat > "$out/invalid.lua" <<'LUA'
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer load-token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"symbol":"BTC USDT","marginMode":"hedged"}'
LUA

# The service's own CPU time per answered request (user + system, from /proc), next to wrk's figures: it depends far
# less than throughput on what else the shared cores are doing.
pid=$(pgrep -f "target/quarkus-app/quarkus-run.jar" | head -1)
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
measure() { # label, script, url
  echo "== $1"
  local before after result requests
  before=$(cpu_ticks)
  result=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$2" "$3")
  after=$(cpu_ticks)
  echo "$result"
  requests=$(awk '/requests in/ {print $1}' <<<"$result")
  awk -v t="$((after - before))" -v hz="$ticks" -v n="$requests" \
    'BEGIN { printf "  service CPU per request: %.1f us (%d requests)\n", t / hz * 1e6 / n, n }'
}

# Warm-up, then the measured runs.
wrk -t2 -c"$connections" -d3s -s "$out/read.lua" "$facade/v1/margin-mode?symbol=BTCUSDT" >/dev/null
measure "GET /v1/margin-mode (one signed account read through the simulator)" "$out/read.lua" \
  "$facade/v1/margin-mode?symbol=BTCUSDT"
measure "PUT /v1/margin-mode, symbol already crossed (read, UNCHANGED, no change sent)" "$out/ensure.lua" \
  "$facade/v1/margin-mode"
measure "PUT /v1/margin-mode, invalid input (400 before anything is sent: the facade alone)" "$out/invalid.lua" \
  "$facade/v1/margin-mode"
