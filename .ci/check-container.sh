#!/usr/bin/env bash
# The images as users deploy them: installs and starts a Docker engine when none runs (Debian's docker.io, as root),
# builds the JVM image from src/main/docker/Dockerfile.jvm on a locally made stand-in of its published base (no image
# registry is reachable here; bench/container/stand-in-base.sh), and runs bench/container-check.sh on it, hardened as
# Kubernetes's restricted profile runs it. The native image is built and checked the same way wherever a native
# executable exists (target/*-runner). Needs target/quarkus-app (./mvnw package). Bounded: the engine must answer
# within 60 s, and .ci/run gives the whole step 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's client: another docker client earlier on the PATH may lack BuildKit (COPY --chmod).
docker=/usr/bin/docker
started_engine=""
if [ ! -x "$docker" ] || ! command -v dockerd > /dev/null 2>&1; then
  echo "installing Debian's docker.io for the container check"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io > /dev/null
fi
if ! "$docker" info > /dev/null 2>&1; then
  # No registry, no bridge, no iptables here: containers use the host's network (loopback only in the check).
  dockerd --storage-driver=vfs --iptables=false --bridge=none > target/dockerd.log 2>&1 &
  started_engine=$!
  for _ in $(seq 1 120); do
    "$docker" info > /dev/null 2>&1 && break
    sleep 0.5
  done
  "$docker" info > /dev/null 2>&1 || { echo "the Docker engine did not start:"; tail -20 target/dockerd.log; exit 1; }
fi
stop_engine() {
  if [ -n "$started_engine" ]; then
    kill "$started_engine" 2> /dev/null || true
    wait "$started_engine" 2> /dev/null || true
  fi
}
trap stop_engine EXIT

test -f target/quarkus-app/quarkus-run.jar || ./mvnw -B -q -ntp package -DskipTests
begin=$(date +%s)
bench/container/stand-in-base.sh jvm "$docker"
DOCKER_BUILDKIT=1 "$docker" build --network host -q -f src/main/docker/Dockerfile.jvm -t bitget-margin-jvm:ci . > /dev/null
echo "built bitget-margin-jvm:ci from src/main/docker/Dockerfile.jvm in $(($(date +%s) - begin)) s"
DOCKER="$docker" bench/container-check.sh bitget-margin-jvm:ci 192m

if ls target/*-runner > /dev/null 2>&1; then
  bench/container/stand-in-base.sh native "$docker"
  DOCKER_BUILDKIT=1 "$docker" build --network host -q -f src/main/docker/Dockerfile.native-micro \
    -t bitget-margin-native:ci . > /dev/null
  DOCKER="$docker" bench/container-check.sh bitget-margin-native:ci 64m
else
  echo "no native executable (target/*-runner): the native image is checked where one is built"
fi
echo "container step: $(($(date +%s) - begin)) s"
