#!/usr/bin/env bash
# Runs a bitget-margin container image the way Kubernetes's restricted profile runs it, against the loopback Bitget
# simulator, and prints what it saw: read-only root filesystem with no writable mount at all, every capability
# dropped, no privilege escalation, the image's own non-root user, a memory limit. Checks that it starts (time to
# ready), that a change round-trips and is audited, that a bad request is a 400 problem, that no secret is in the
# container's log, the memory in use after the run (the container's cgroup), that a SIGTERM during an in-flight
# change lets the change finish and the process exit cleanly within the grace period, and that a mounted key file
# the image's user cannot read stops the start in one line. Exits 1 on any failure.
# Loopback only: the container shares the host's network and listens on 127.0.0.1.
#
#   bench/container-check.sh IMAGE [memory-limit]     e.g. bench/container-check.sh bitget-margin-native 64m
#                                                          bench/container-check.sh bitget-margin-jvm 256m
# DOCKER names the docker command (default: docker).
set -euo pipefail
cd "$(dirname "$0")/.."

image=${1:?usage: bench/container-check.sh IMAGE [memory-limit]}
memory=${2:-64m}
docker=${DOCKER:-docker}
grace=30
name="bitget-margin-check-$$"
work=$(mktemp -d)
failures=0
standin_pid=""

cleanup() {
  "$docker" rm -f "$name" > /dev/null 2>&1 || true
  if [ -n "$standin_pid" ]; then
    kill "$standin_pid" 2> /dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

check() { # check DESCRIPTION COMMAND...: prints ok/FAILED and counts failures
  local what=$1
  shift
  if "$@"; then
    echo "  ok      $what"
  else
    echo "  FAILED  $what"
    failures=$((failures + 1))
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The simulator on a loopback port, until this script ends (its standard input is a pipe that stays open).
mkfifo "$work/standin-in"
bench/run-load-class.sh StandIn --bitget-only < "$work/standin-in" > "$work/standin.out" 2>&1 &
standin_pid=$!
exec 3> "$work/standin-in"
for _ in $(seq 1 600); do
  grep -q '^BITGET ' "$work/standin.out" 2> /dev/null && break
  sleep 0.1
done
bitget=$(sed -n 's/^BITGET //p' "$work/standin.out")
if [ -z "$bitget" ]; then
  echo "the simulator did not start:" >&2
  cat "$work/standin.out" >&2
  exit 1
fi
port=$(free_port)
facade="http://127.0.0.1:$port"
token="container-check-token-$$"
secret="container-check-secret-$$"
passphrase="container-check-passphrase-$$"
curl -sf -X PUT "$bitget/simulator/accounts/container-check-key" -H 'Content-Type: application/json' \
  -d "{\"secretKey\":\"$secret\",\"passphrase\":\"$passphrase\",\"demoTrading\":false}" > /dev/null
for symbol in BTCUSDT ETHUSDT; do
  curl -sf -X PUT "$bitget/simulator/accounts/container-check-key/symbols/$symbol" -H 'Content-Type: application/json' \
    -d '{"productType":"USDT-FUTURES","marginCoin":"USDT"}' > /dev/null
done

echo "container check of $image: read-only root, no writable mount, --cap-drop ALL, no-new-privileges, the image's user, $memory"
started=$(date +%s%N)
# The JVM image's base reads JAVA_OPTS_APPEND, the native image its arguments: both are told to listen on loopback.
"$docker" run -d --name "$name" --network host --read-only --cap-drop ALL --security-opt no-new-privileges \
  --memory "$memory" --memory-swap "$memory" --stop-timeout "$grace" \
  -e QUARKUS_HTTP_HOST=127.0.0.1 -e QUARKUS_HTTP_PORT="$port" \
  -e JAVA_OPTS_APPEND="-Dquarkus.http.host=127.0.0.1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
  -e QUARKUS_REST_CLIENT_BITGET_URL="$bitget" -e BITGET_API_KEY=container-check-key \
  -e BITGET_SECRET_KEY="$secret" -e BITGET_PASSPHRASE="$passphrase" -e BITGET_MARGIN_API_TOKENS="$token" \
  "$image" -Dquarkus.http.host=127.0.0.1 > /dev/null
ready=""
for _ in $(seq 1 600); do
  if curl -sf "$facade/q/health/ready" > /dev/null 2>&1; then
    ready=$((($(date +%s%N) - started) / 1000000))
    break
  fi
  if [ "$("$docker" inspect -f '{{.State.Running}}' "$name")" != "true" ]; then
    break
  fi
  sleep 0.05
done
check "starts and is ready (${ready:-never} ms from docker run to /q/health/ready)" test -n "$ready"
if [ -z "$ready" ]; then
  "$docker" logs "$name" 2>&1 | tail -20
  exit 1
fi

change() { # change SYMBOL MODE REQUEST-ID: prints the HTTP status; the body is in $work/body
  : > "$work/body"
  curl -s -o "$work/body" -w '%{http_code}' -X PUT "$facade/v1/margin-mode" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -H "X-Request-Id: $3" \
    -d "{\"symbol\":\"$1\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"$2\"}" \
    || true
}

status=$(change BTCUSDT isolated container-check-change)
check "a change round-trips: $status $(grep -o '"outcome":"[A-Z_]*"' "$work/body" || true)" \
  grep -q '"outcome":"CHANGED"' "$work/body"
sleep 0.5
check "the change is audited with its request id" sh -c "$docker logs $name 2>&1 | grep '\"event\":\"margin-mode\"' \
  | grep -q '\"requestId\":\"container-check-change\"'"

status=$(change BTCUSDT sideways container-check-bad)
check "a bad request is a 400 problem: $status $(grep -o '"code":"[A-Z_]*"' "$work/body" || true)" \
  sh -c "[ $status = 400 ] && grep -q '\"code\":\"INVALID_REQUEST\"' $work/body"

memory_used=$("$docker" stats --no-stream --format '{{.MemUsage}}' "$name" 2> /dev/null || echo "unknown (not running)")
check "still running after the calls (not killed for memory: $("$docker" inspect -f '{{.State.OOMKilled}}' "$name"))" \
  sh -c "[ \"\$($docker inspect -f '{{.State.Running}}' $name)\" = true ]"

# SIGTERM while a change is in flight: Bitget answers it after 2 s; the change must still be answered, and the
# process must stop by itself within the grace period.
curl -sf -X POST "$bitget/simulator/faults" -H 'Content-Type: application/json' \
  -d '{"path":"/api/v2/mix/account/set-margin-mode","delayMillis":2000,"times":1}' > /dev/null
change ETHUSDT isolated container-check-sigterm > "$work/sigterm-status" &
change_pid=$!
# The change reads the symbol first, then sends set-margin-mode, which Bitget holds for 2 s: once the read is seen,
# the change is on its way.
for _ in $(seq 1 100); do
  curl -sf "$bitget/simulator/requests" | python3 -c 'import json, sys
sys.exit(0 if any("ETHUSDT" in (r.get("query") or "") for r in json.load(sys.stdin)) else 1)' && break
  sleep 0.05
done
sleep 0.3
stopping=$(date +%s%N)
"$docker" kill --signal TERM "$name" > /dev/null 2>&1 || true
wait "$change_pid" || true
exit_code=$("$docker" wait "$name" || echo unknown)
stopped=$((($(date +%s%N) - stopping) / 1000000))
check "SIGTERM during a change: the change is answered ($(cat "$work/sigterm-status"))" \
  sh -c "[ \"\$(cat $work/sigterm-status)\" = 200 ] && grep -q '\"outcome\":\"CHANGED\"' $work/body"
check "then a clean exit (status $exit_code) in $stopped ms, within the ${grace} s grace period" \
  sh -c "[ $exit_code = 0 ] || [ $exit_code = 143 ]"

"$docker" logs "$name" > "$work/log" 2>&1

# A key file the image's user cannot read (a Kubernetes secret mounted 0600 for another user): the service refuses to
# start, in one line that names the property, and with exit status 1.
printf -- '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA%s\n-----END PUBLIC KEY-----\n' "$$" > "$work/idp.pem"
chmod 0600 "$work/idp.pem"
key_status=0
"$docker" run --name "$name-key" --network host --read-only --cap-drop ALL --security-opt no-new-privileges \
  --memory "$memory" -v "$work/idp.pem:/keys/idp.pem:ro" -e QUARKUS_HTTP_PORT="$(free_port)" \
  -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=/keys/idp.pem -e MP_JWT_VERIFY_ISSUER=https://idp.invalid \
  -e QUARKUS_REST_CLIENT_BITGET_URL="$bitget" -e BITGET_API_KEY=container-check-key -e BITGET_SECRET_KEY="$secret" \
  -e BITGET_PASSPHRASE="$passphrase" -e BITGET_MARGIN_API_TOKENS="$token" \
  -e JAVA_OPTS_APPEND="-Dquarkus.http.host=127.0.0.1" "$image" -Dquarkus.http.host=127.0.0.1 \
  > "$work/key.log" 2>&1 || key_status=$?
"$docker" rm -f "$name-key" > /dev/null 2>&1 || true
check "an unreadable key file stops the start (status $key_status): $(grep -o 'refuses to start: [^,]*' "$work/key.log" | head -1)" \
  sh -c "[ $key_status = 1 ] && grep -q 'mp.jwt.verify.publickey.location names /keys/idp.pem, which this process' $work/key.log \
    && ! grep -q MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA $work/key.log"
check "no secret in the container's log (token, secret key, passphrase)" \
  sh -c "! grep -q -e '$token' -e '$secret' -e '$passphrase' $work/log"
[ -n "${CONTAINER_CHECK_LOG:-}" ] && cp "$work/log" "$CONTAINER_CHECK_LOG"
check "nothing was written where it could not be (no read-only file system error)" \
  sh -c "! grep -qi -e 'read-only file system' -e 'Unable to create folder' $work/log"
echo "  memory  $memory_used after the run (docker stats: the container's cgroup)"

if [ "$failures" -gt 0 ]; then
  echo "container check FAILED: $failures check(s)"
  exit 1
fi
echo "container check passed"
