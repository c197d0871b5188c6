#!/usr/bin/env bash
# Fails unless every Redis test class ran with at least one test and none skipped, in the reports of the last
# ./mvnw verify: a build that silently skipped them must not pass CI.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
for report in target/surefire-reports/TEST-io.bitgetmargin.ratelimit.RedisRateLimiterTest.xml \
              target/surefire-reports/TEST-io.bitgetmargin.ratelimit.RedisStoreTest.xml \
              target/surefire-reports/TEST-io.bitgetmargin.ratelimit.RedisSecretsNeverLoggedTest.xml \
              target/failsafe-reports/TEST-io.bitgetmargin.ratelimit.SharedRateLimitIT.xml; do
  if [ ! -f "$report" ]; then
    echo "Redis tests: FAILED, no report $report" >&2
    status=1
    continue
  fi
  header=$(grep -m1 -o '<testsuite [^>]*>' "$report")
  tests=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$header")
  skipped=$(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$header")
  name=$(basename "$report" .xml)
  if [ "${tests:-0}" -eq 0 ] || [ "${skipped:-0}" -ne 0 ]; then
    echo "Redis tests: FAILED, ${name#TEST-} ran ${tests:-0} tests and skipped ${skipped:-?}" >&2
    status=1
  else
    echo "Redis tests: ${name#TEST-} ran $tests tests"
  fi
done
exit $status
