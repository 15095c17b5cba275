#!/usr/bin/env bash
# CI: the benchmark still builds and runs (Benchmarks/, Documentation/Performance.md). --quick uses tiny sizes and one
# repetition, so its timings mean nothing; it fails only if a measurement fails (the baseline disagreeing with the
# engine on the typical budget, a workload that does not check).
set -euo pipefail
cd "$(dirname "$0")/.."
# From the debug build .ci/run already made (CLUSTERKIT_BUILD_FLAGS: its flags, so that nothing is rebuilt); the
# measured runs use a release build (Documentation/Performance.md).
# shellcheck disable=SC2086
swift run ${CLUSTERKIT_BUILD_FLAGS:-} clusterkit-bench --quick
