#!/usr/bin/env bash
# CI: a short fuzz of every fuzz target, then the concurrency scenarios under ThreadSanitizer
# (Scripts/sanitizers.sh concurrency). Fails on a crash, a sanitizer report or a
# failing test; a toolchain that cannot build the fuzzer (no libFuzzer) skips the fuzzing with a warning.
#
# CI_FUZZ_SECONDS (default 10) sets the time per target: a smoke run of the seeds and their first mutations (the
# long runs are `Scripts/fuzz.sh TARGET 600`, Documentation/Robustness.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${CI_FUZZ_SECONDS:-10}"

failed=0
for target in $(Scripts/fuzz.sh --list); do
  status=0
  # Release, as for the long runs: a debug build links libFuzzer's own main (SwiftPM renames the executable's
  # entry point for testability) and fails. A loaded CI machine gets more time per input before it counts as a hang.
  FUZZ_CONFIGURATION=release FUZZ_TIMEOUT=60 Scripts/fuzz.sh "$target" "$seconds" || status=$?
  case "$status" in
    0) ;;
    2)
      # Where libFuzzer ships (Linux, the swift.org toolchain: CI's machines), a build failure is a failure.
      if [ "${CI:-}" = "true" ] && [ "$(uname)" = "Linux" ]; then failed=1; fi
      echo "warning: clusterkit-fuzz could not be built here; fuzzing skipped" >&2
      break ;;
    *) echo "fuzzing $target: crash (see fuzz-artifacts/$target/last-run.log)" >&2; failed=1 ;;
  esac
done

Scripts/sanitizers.sh concurrency || failed=1
exit "$failed"
