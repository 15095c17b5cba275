#!/usr/bin/env bash
# Builds and tests Examples/CustomRulePackage — a separate SwiftPM package that depends on ClusterKit by path and
# extends it with public API only — then runs its tool on a sample budget and on the memento's Cosmetic Valley.
# Uses its own scratch path (default .build-example-package at the repository's root; override with SCRATCH=…).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
package="$root/Examples/CustomRulePackage"
scratch="${SCRATCH:-$root/.build-example-package}"

echo "== build Examples/CustomRulePackage"
swift build --package-path "$package" --scratch-path "$scratch"

echo "== test Examples/CustomRulePackage"
swift test --package-path "$package" --scratch-path "$scratch"

echo "== regional-check on its sample budget and on Cosmetic Valley 2013"
tool="$(swift build --package-path "$package" --scratch-path "$scratch" --show-bin-path)/regional-check"
status=0
"$tool" "$package/budgets/example-pole-2014.json" "$root/Examples/cosmetic-valley-2013.json" >"$scratch/regional-check.txt" || status=$?
# 0 (no error) or 1 (an error diagnostic) is a report; 2 would be bad input.
if [ "$status" -gt 1 ]; then
  cat "$scratch/regional-check.txt"
  echo "regional-check failed with status $status" >&2
  exit 1
fi
grep -q "\[example-region/matching-funds\]" "$scratch/regional-check.txt" || {
  cat "$scratch/regional-check.txt"
  echo "regional-check did not report the custom rule on Cosmetic Valley" >&2
  exit 1
}
echo "Example package passed."
