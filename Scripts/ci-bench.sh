#!/usr/bin/env bash
# CI: the benchmark still builds and runs (Benchmarks/, Documentation/Performance.md). --quick uses tiny sizes and one
# repetition, so its timings mean nothing; it fails only if a measurement fails (the baseline disagreeing with the
# engine on the typical budget, a workload that does not check).
set -euo pipefail
cd "$(dirname "$0")/.."
swift run -c release --scratch-path .build-bench clusterkit-bench --quick
