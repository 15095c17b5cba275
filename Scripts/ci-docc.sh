#!/usr/bin/env bash
# Builds the DocC archives of the library modules with the toolchain's own docc (no plugin): symbol graphs from
# the compiler, then `docc convert` per module. Fails on any DocC warning (a broken symbol link, say).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-docs
out="$scratch/docs"
graphs="$scratch/symbol-graphs"
rm -rf "$graphs" && mkdir -p "$graphs" "$out"
swift build --scratch-path "$scratch" --target ClusterRules \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" >"$scratch/build.log" 2>&1 \
  || { cat "$scratch/build.log"; exit 1; }
for module in ClusterKitCore ClusterRules; do
  mkdir -p "$graphs/$module"
  mv "$graphs/$module"*.symbols.json "$graphs/$module/" 2>/dev/null || true
  log="$scratch/docc-$module.log"
  docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$graphs/$module" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.clusterkit.$module" \
    --output-path "$out/$module.doccarchive" --warnings-as-errors >"$log" 2>&1 || { cat "$log"; exit 1; }
  echo "DocC archive: $out/$module.doccarchive"
done
