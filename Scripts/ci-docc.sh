#!/usr/bin/env bash
# Builds the DocC archives of the library modules with the toolchain's own docc (no plugin): build the modules,
# extract their symbol graphs with swift-symbolgraph-extract, then `docc convert` per module. Fails on any DocC
# warning (a broken symbol link, an undocumented parameter).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-docs
out="$scratch/docs"
graphs="$scratch/symbol-graphs"
mkdir -p "$scratch"
swift build --scratch-path "$scratch" --target ClusterRules >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
triple=$(swift -print-target-info | sed -n 's/.*"triple": "\(.*\)".*/\1/p' | head -n 1)
modules="$scratch/debug/Modules"
for module in ClusterKitCore ClusterRules; do
  rm -rf "$graphs/$module" && mkdir -p "$graphs/$module" "$out"
  swift-symbolgraph-extract -module-name "$module" -I "$modules" -target "$triple" \
    -output-dir "$graphs/$module" -minimum-access-level public
  # Extensions of other modules' types stay out of this module's catalogue.
  rm -f "$graphs/$module/$module"@*.symbols.json
  log="$scratch/docc-$module.log"
  docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$graphs/$module" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.clusterkit.$module" \
    --output-path "$out/$module.doccarchive" --warnings-as-errors >"$log" 2>&1 || { cat "$log"; exit 1; }
  echo "DocC archive: $out/$module.doccarchive"
done
