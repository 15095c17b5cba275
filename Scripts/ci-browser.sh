#!/usr/bin/env bash
# CI: the HTML report in headless Chromium (Scripts/browser-check.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/browser-check.sh --self-test
