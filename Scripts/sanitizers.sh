#!/usr/bin/env bash
# The checks a compiler and a sanitizer can make that the tests cannot:
#  1. the library targets build in Swift 6 language mode (complete strict concurrency checking) with no warning
#     (`warnings`, also part of `all`; CI builds every target with warnings as errors in .ci/run instead);
#  2. the tests run under ThreadSanitizer (data races) — or AddressSanitizer (memory errors) — and pass clean.
#
#   Scripts/sanitizers.sh [thread|address|warnings|concurrency|all] [TEST FILTER]
#
# `concurrency` (what CI runs) builds only the libraries and `clusterkit-fuzz` under ThreadSanitizer and runs the
# concurrency scenarios (`clusterkit-fuzz --concurrency Examples`: a portfolio checked in parallel against the
# sequential report, the first error in input order, tasks sharing one engine) — the same scenarios as
# Tests/RobustnessTests/ConcurrencyTests, without building every test target under the sanitizer.
#
# The default is `thread` with every test. A filter (a regular expression of test names, as `swift test --filter`
# takes) narrows the sanitizer run, e.g. `Scripts/sanitizers.sh thread RobustnessTests`.
# Each sanitizer builds in its own scratch folder (.build-tsan, .build-asan), git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-thread}"
filter="${2:-}"
filter_args=()
[ -n "$filter" ] && filter_args=(--filter "$filter")

warnings() {
  echo "== library targets: Swift 6 mode, complete strict concurrency checking, warnings as errors"
  mkdir -p .build-warnings
  for target in ClusterKitCore ClusterKitFormats ClusterKitReports ClusterKitPlanning ClusterRules ClusterKitTesting \
    ClusterKitFuzzTargets; do
    if ! swift build --scratch-path .build-warnings --target "$target" \
      -Xswiftc -strict-concurrency=complete -Xswiftc -warnings-as-errors > .build-warnings/build.log 2>&1; then
      grep -E "error|warning: " .build-warnings/build.log | sort -u | head -30 >&2
      echo "$target does not build without warnings" >&2
      return 1
    fi
    echo "$target: no warning"
  done
}

sanitized_tests() {
  local sanitizer="$1" scratch="$2"
  echo "== swift test under the ${sanitizer} sanitizer ${filter:+(filter: $filter)}"
  local log="$scratch/sanitizer-tests.log"
  mkdir -p "$(dirname "$log")"
  local status=0
  TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" \
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" "${filter_args[@]}" > "$log" 2>&1 || status=$?
  grep -E "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY|✘|error:|Test run with" "$log" | head -40 || true
  if grep -qE "WARNING: ThreadSanitizer|ERROR: AddressSanitizer" "$log"; then
    echo "the ${sanitizer} sanitizer reported a problem: see $log" >&2
    return 1
  fi
  [ "$status" -eq 0 ] || { echo "swift test failed under the ${sanitizer} sanitizer: see $log" >&2; return 1; }
}

# The concurrency scenarios in a ThreadSanitizer build of clusterkit-fuzz (its replay build, not the fuzzer).
concurrency() {
  local scratch=.build-tsan log=.build-tsan/concurrency.log
  echo "== the concurrency scenarios under the thread sanitizer (clusterkit-fuzz --concurrency Examples)"
  mkdir -p "$scratch"
  if ! swift build --sanitize=thread --scratch-path "$scratch" --product clusterkit-fuzz > "$scratch/build.log" 2>&1; then
    grep -E "error" "$scratch/build.log" | head -20 >&2
    echo "the thread-sanitized build of clusterkit-fuzz failed: see $scratch/build.log" >&2
    return 1
  fi
  local status=0
  TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}" \
    "$(swift build --sanitize=thread --scratch-path "$scratch" --show-bin-path)/clusterkit-fuzz" --concurrency Examples \
    > "$log" 2>&1 || status=$?
  grep -E "WARNING: ThreadSanitizer|SUMMARY|concurrency:|differs|order|invalid|engine" "$log" | head -20 || true
  if grep -q "WARNING: ThreadSanitizer" "$log"; then
    echo "the thread sanitizer reported a problem: see $log" >&2
    return 1
  fi
  [ "$status" -eq 0 ] || { echo "the concurrency scenarios failed (status $status): see $log" >&2; return 1; }
}

case "$what" in
  warnings) warnings ;;
  concurrency) concurrency ;;
  thread) sanitized_tests thread .build-tsan ;;
  address) sanitized_tests address .build-asan ;;
  all) warnings; sanitized_tests thread .build-tsan; sanitized_tests address .build-asan ;;
  *) echo "usage: Scripts/sanitizers.sh [thread|address|warnings|concurrency|all] [TEST FILTER]" >&2; exit 2 ;;
esac
echo "sanitizers: clean"
