#!/usr/bin/env bash
# CI: the public API of the libraries is the checked-in listing in API/ (a change of API is a visible diff).
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-symbol-graph --minimum-access-level public >/dev/null
python3 Scripts/public-api.py check
