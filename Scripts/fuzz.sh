#!/usr/bin/env bash
# Builds clusterkit-fuzz with libFuzzer and AddressSanitizer and fuzzes one target for a given time.
#
#   Scripts/fuzz.sh TARGET [SECONDS]          (default 60 seconds)
#   Scripts/fuzz.sh --list                    the targets
#
# TARGET: budget-decoder, check, csv-importer, spreadsheet-reader, configuration (see Fuzz/Sources/ClusterKitFuzzTargets).
# The corpus grows in fuzz-artifacts/TARGET/corpus (git-ignored), seeded from Fuzz/seeds/TARGET and Examples/.
# A crashing input is saved in fuzz-artifacts/TARGET/crashes and copied to Fuzz/regressions/TARGET, where
# `swift test` replays it from then on (FuzzRegressionTests): fix the crash, keep the file.
# libFuzzer's statistics go to fuzz-artifacts/TARGET/last-run.log.
#
# Environment: FUZZ_JOBS (parallel libFuzzer jobs, default 1), FUZZ_WORK (work folder, default fuzz-artifacts),
# FUZZ_CONFIGURATION (release, the default, or debug: quicker to build, slower to run), FUZZ_TIMEOUT (seconds one
# input may take, default 20), FUZZ_MAX_LEN (bytes an input may have, default 16384; 65536 for spreadsheet-reader), FUZZ_FLAGS (more libFuzzer
# flags).
# Needs Linux and the swift.org toolchain (libFuzzer and lld ship with it). Exit status: 0 no crash, 1 a crash
# (or a timeout, or memory exhausted), 2 the fuzzer could not be built.
set -euo pipefail
cd "$(dirname "$0")/.."

targets="budget-decoder check csv-importer spreadsheet-reader configuration"
if [ "${1:-}" = "--list" ]; then echo "$targets" | tr ' ' '\n'; exit 0; fi
target="${1:?usage: Scripts/fuzz.sh TARGET [SECONDS] (Scripts/fuzz.sh --list for the targets)}"
seconds="${2:-60}"
case " $targets " in *" $target "*) ;; *) echo "unknown target '$target'; targets: $targets" >&2; exit 2 ;; esac

work="${FUZZ_WORK:-fuzz-artifacts}/$target"
mkdir -p "$work/corpus" "$work/crashes" "Fuzz/regressions/$target"

# Seeds: the committed ones, and the examples a target reads.
seed() { for file in "$@"; do [ -f "$file" ] && cp -n "$file" "$work/corpus/" || true; done; }
seed Fuzz/seeds/"$target"/*
case "$target" in
  budget-decoder|check) seed Examples/*.json ;;
  csv-importer) seed Examples/csv/*.csv Examples/cerfa/*.csv ;;
  spreadsheet-reader) seed Examples/spreadsheets/*.xlsx Examples/spreadsheets/*.ods ;;
  configuration) seed Examples/*.config.json Examples/*/*.config.json ;;
esac

flags=(-c "${FUZZ_CONFIGURATION:-release}" -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc FUZZING
       -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --scratch-path .build-fuzz)
echo "== building clusterkit-fuzz (libFuzzer + AddressSanitizer, ${FUZZ_CONFIGURATION:-release})"
if ! swift build "${flags[@]}" --product clusterkit-fuzz > "$work/build.log" 2>&1; then
  grep -E "error" "$work/build.log" | head -20 >&2
  echo "the build of clusterkit-fuzz failed; see $work/build.log" >&2
  exit 2
fi
binary="$(swift build "${flags[@]}" --show-bin-path)/clusterkit-fuzz"

# A workbook's parts are larger than a JSON or CSV budget: its seeds run to 40 KB.
max_len=16384
[ "$target" = "spreadsheet-reader" ] && max_len=65536
dictionary=()
[ -f "Fuzz/dictionaries/$target.dict" ] && dictionary=(-dict="Fuzz/dictionaries/$target.dict")
jobs=()
[ "${FUZZ_JOBS:-1}" -gt 1 ] && jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")

echo "== fuzzing $target for ${seconds}s (corpus $work/corpus: $(ls "$work/corpus" | wc -l) inputs)"
status=0
# The Swift runtime's own backtracer is off: it fights AddressSanitizer over a crash; libFuzzer reports it.
# shellcheck disable=SC2086
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$binary" "$target" "$work/corpus" \
  -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-$max_len}" -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb=3072 \
  -detect_leaks=0 -report_slow_units=30 -print_final_stats=1 \
  -artifact_prefix="$work/crashes/" "${dictionary[@]}" "${jobs[@]}" ${FUZZ_FLAGS:-} \
  > "$work/last-run.log" 2>&1 || status=$?
# -jobs writes each job's log to fuzz-N.log in the current folder: gather them.
for log in fuzz-[0-9]*.log; do [ -f "$log" ] && { cat "$log" >> "$work/last-run.log"; rm -f "$log"; }; done
grep -E "^#[0-9]+.*(DONE|pulse)|stat::|SUMMARY|ERROR|==[0-9]+==" "$work/last-run.log" | tail -15 || true

found=0
for crash in "$work"/crashes/*; do
  [ -f "$crash" ] || continue
  name="$(basename "$crash")"
  # A slow unit (over 10 s) is a hint, not a finding: a loaded machine makes them. Replay it to see.
  case "$name" in slow-unit-*) echo "slow input (replay it to time it): $crash"; continue ;; esac
  if [ ! -f "Fuzz/regressions/$target/$name" ]; then
    cp "$crash" "Fuzz/regressions/$target/$name"
    echo "new finding: Fuzz/regressions/$target/$name (replay: swift run clusterkit-fuzz $target Fuzz/regressions/$target/$name)"
    found=1
  fi
done
if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
  echo "fuzzing $target found a crash (libFuzzer status $status); see $work/last-run.log" >&2
  exit 1
fi
echo "no crash in ${seconds}s"
