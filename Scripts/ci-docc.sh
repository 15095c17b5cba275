#!/usr/bin/env bash
# Builds the DocC archives of the library modules with the toolchain's own docc (no plugin): build the modules,
# extract their symbol graphs with swift-symbolgraph-extract, then `docc convert` per module. Fails on any DocC
# warning (a broken symbol link, an undocumented parameter).
#
# The guides of Documentation/ are articles of the catalogues: a catalogue claims a guide by listing `<doc:Name>` in
# its Topics, and Scripts/stage-docc-articles.pl builds each catalogue from a staged copy holding the guides it claims,
# their GitHub links (`[text](Other.md#anchor)`) rewritten as DocC links. The guides stay where GitHub and the README
# read them, the one copy there is; DocC checks their symbol links (``Engine``) and their links to each other. A
# warning about an article is about the guide of that name in Documentation/ (ConfigurationFiles: Configuration.md),
# at the same line: the staging rewrites links within their lines.
# DocC resolves a symbol link only within its own catalogue's module: a guide or a doc comment names another module's
# symbol as code (`Engine` in ClusterKitReports' guide), not as a link.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-docs
out="$scratch/docs"
graphs="$scratch/symbol-graphs"
mkdir -p "$scratch"
# The umbrella ClusterKit builds every library but the testing one.
: >"$scratch/build.log"
for target in ClusterKit ClusterKitTesting; do
  swift build --scratch-path "$scratch" --target "$target" >>"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
done
triple=$(swift -print-target-info | sed -n 's/.*"triple": "\(.*\)".*/\1/p' | head -n 1)
modules="$scratch/debug/Modules"
catalogues="$scratch/catalogues"
# Every library module has a catalogue (Sources/<module>/<module>.docc), the umbrella ClusterKit too: it only
# re-exports the others, so its catalogue is a landing page that points to them (its symbol graph is empty).
libraries="ClusterKit ClusterKitCore ClusterKitFormats ClusterKitReports ClusterKitPlanning ClusterRules ClusterKitTesting"
catalogue_dirs=()
for module in $libraries; do catalogue_dirs+=("Sources/$module/$module.docc"); done
perl Scripts/stage-docc-articles.pl "$catalogues" "${catalogue_dirs[@]}"
for module in $libraries; do
  rm -rf "$graphs/$module" && mkdir -p "$graphs/$module" "$out"
  swift-symbolgraph-extract -module-name "$module" -I "$modules" -target "$triple" \
    -output-dir "$graphs/$module" -minimum-access-level public
  # Extensions of other modules' types stay out of this module's catalogue.
  rm -f "$graphs/$module/$module"@*.symbols.json
  log="$scratch/docc-$module.log"
  docc convert "$catalogues/$module.docc" \
    --additional-symbol-graph-dir "$graphs/$module" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.clusterkit.$module" \
    --output-path "$out/$module.doccarchive" --warnings-as-errors >"$log" 2>&1 || { cat "$log"; exit 1; }
  echo "DocC archive: $out/$module.doccarchive"
done
