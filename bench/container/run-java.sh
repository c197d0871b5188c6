#!/bin/sh
# Stand-in for the published base's /opt/jboss/container/java/run/run-java.sh: the same contract, the part this
# service uses. It starts JAVA_APP_JAR with JAVA_OPTS (when unset, the published script's container defaults: a heap
# of JAVA_MAX_RAM_RATIO percent of the container's memory, 80 by default, and an exit on OutOfMemoryError) followed
# by JAVA_OPTS_APPEND, and passes on its arguments.
if [ -z "${JAVA_APP_JAR}" ]; then
  echo "run-java.sh: JAVA_APP_JAR is not set" >&2
  exit 1
fi
if [ -z "${JAVA_OPTS+set}" ]; then
  JAVA_OPTS="-XX:MaxRAMPercentage=${JAVA_MAX_RAM_RATIO:-80}.0 -XX:+ExitOnOutOfMemoryError"
fi
# shellcheck disable=SC2086 # the options are a list of words, as in the published script
exec "${JAVA_HOME}/bin/java" ${JAVA_OPTS} ${JAVA_OPTS_APPEND} -jar "${JAVA_APP_JAR}" "$@"
