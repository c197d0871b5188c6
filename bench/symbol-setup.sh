#!/usr/bin/env bash
# A symbol-setup batch of twenty USDT-FUTURES symbols on one classic key, every setting to change (hedge -> one-way,
# crossed -> isolated, 20x -> 3x): wall time of POST /v1/symbol-setup/batch against the packaged jar, and what the
# loopback Bitget simulator saw (calls per endpoint, the most in any 1 s window, 429s). Each run starts from the
# simulator's initial state. Prints the median of RUNS runs.
#   bench/symbol-setup.sh [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

work=$(mktemp -d)
mkfifo "$work/in"
java -cp "target/test-classes:target/classes:target/simulator-classes:$(cat target/test-classpath.txt)" io.bitgetmargin.load.StandIn \
  < "$work/in" > "$work/standin.log" 2>&1 &
exec 3>"$work/in"
trap 'exec 3>&-; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q '^FACADE ' "$work/standin.log" && break; sleep 0.5; done
bitget=$(grep '^BITGET ' "$work/standin.log" | cut -d' ' -f2)
facade=$(grep '^FACADE ' "$work/standin.log" | cut -d' ' -f2)

symbols='"BTCUSDT","ETHUSDT","SOLUSDT","XRPUSDT","DOGEUSDT","1000PEPEUSDT","龙虾USDT","$DEGENUSDT"'
for i in $(seq 0 11); do symbols="$symbols,\"BENCH${i}USDT\""; done
body="{\"productType\":\"USDT-FUTURES\",\"marginMode\":\"isolated\",\"leverage\":3,\"posMode\":\"one_way_mode\",\"symbols\":[$symbols]}"

for run in $(seq 1 "$runs"); do
  curl -sf -X POST "$bitget/simulator/reset" > /dev/null
  for i in $(seq 0 11); do
    curl -sf -X PUT "$bitget/simulator/accounts/test-api-key/symbols/BENCH${i}USDT" -H 'Content-Type: application/json' \
      -d '{"productType":"USDT-FUTURES","marginCoin":"USDT"}' > /dev/null
  done
  curl -s -o "$work/answer.json" -w '%{time_total}\n' -X POST "$facade/v1/symbol-setup/batch" \
    -H 'Authorization: Bearer load-token' -H 'Content-Type: application/json' --data-binary "$body" >> "$work/times"
  curl -sf "$bitget/simulator/requests" > "$work/requests-$run.json"
  python3 - "$work/answer.json" "$work/requests-$run.json" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1], encoding="utf-8"))
requests = json.load(open(sys.argv[2], encoding="utf-8"))
print("run: summary", answer.get("summary"), "position mode", [p["step"]["outcome"] for p in answer.get("positionModes", [])])
by_path = {}
for r in requests:
    if r["path"].endswith("/public/time"):
        continue
    by_path.setdefault(r["path"].rsplit("/", 1)[-1], []).append(r)
for name, calls in sorted(by_path.items()):
    times = sorted(c["receivedAtMillis"] for c in calls)
    most, start = 0, 0
    for end in range(len(times)):
        while times[end] - times[start] >= 1000:
            start += 1
        most = max(most, end - start + 1)
    print(f"  {name}: {len(calls)} calls, at most {most} in any 1 s, {sum(c['status'] == 429 for c in calls)} answered 429")
PY
done
sort -n "$work/times" | awk '{ t[NR] = $1 } END { printf "symbol-setup batch of 20 symbols: median %.2f s over %d runs (min %.2f, max %.2f)\n", t[int((NR + 1) / 2)], NR, t[1], t[NR] }'
