#!/usr/bin/env bash
# Regenerates Documentation/Rules.md from the rules' own descriptions (the test that checks it writes it).
set -euo pipefail
cd "$(dirname "$0")/.."
CLUSTERKIT_UPDATE_REFERENCE=1 swift test --filter RuleReferenceTests "$@" >/dev/null 2>&1 || true
swift test --filter RuleReferenceTests "$@" 2>&1 | grep -E "✘|passed after|failed" | tail -3
