#!/usr/bin/env bash
# Where start-up goes: starts a build RUNS times with -Dquarkus.debug.print-startup-times=true and prints, per Quarkus
# start-up step, the median of the milliseconds it reported, largest first, and the median "started in". The steps
# recorded for run time (RUNTIME_INIT, the StartupEvent observers, opening the socket) are what the native executable
# still does at every start; the static-init ones it did at build time.
#   bench/startup-steps.sh [app dir, default target/quarkus-app] [runs, default 5] [top N steps, default 15]
# JAVA picks the java command; JAVA_OPTS adds options (e.g. -XX:AOTCache=app.aot, run from the app dir). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(cd "${1:-target/quarkus-app}" && pwd); runs=${2:-5}; top=${3:-15}
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A production start needs credentials and a token; nothing calls Bitget before the first request.
export QUARKUS_HTTP_PORT=18385 QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_REST_CLIENT_BITGET_URL=http://127.0.0.1:9 \
  BITGET_API_KEY=test-api-key BITGET_SECRET_KEY=test-secret-key BITGET_PASSPHRASE=test-passphrase \
  BITGET_MARGIN_API_TOKENS=bench-token

for i in $(seq 1 "$runs"); do
  # shellcheck disable=SC2086
  (cd "$app" && exec "$java" ${JAVA_OPTS:-} -Dquarkus.debug.print-startup-times=true -jar quarkus-run.jar) \
    > "$work/run-$i.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q 'started in' "$work/run-$i.log" && break; sleep 0.05; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  grep -q 'started in' "$work/run-$i.log" || { cat "$work/run-$i.log" >&2; exit 1; }
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
cat "$work"/run-*.log | sed -nE 's/.*Build step ([^ ]+) completed in: ([0-9]+)ms.*/\1 \2/p' > "$work/steps"
echo "$app, $runs runs, $("$java" -version 2>&1 | head -1)${JAVA_OPTS:+, $JAVA_OPTS}"
printf '%8s  %s\n' "median" "step"
for step in $(cut -d' ' -f1 "$work/steps" | sort -u); do
  printf '%6s ms  %s\n' "$(awk -v s="$step" '$1 == s {print $2}' "$work/steps" | median)" "$step"
done | sort -rn | head -"$top"
printf '%6s ms  %s\n' "$(cat "$work"/run-*.log | sed -nE 's/.*started in ([0-9.]+)s.*/\1/p' | awk '{print int($1 * 1000)}' | median)" \
  "started in (median)"
