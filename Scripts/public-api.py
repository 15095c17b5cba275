#!/usr/bin/env python3
"""The public API of ClusterKit's libraries, one declaration a line, from the compiler's symbol graphs.

    swift package dump-symbol-graph --minimum-access-level public
    python3 Scripts/public-api.py write   # API/<Module>.txt from the symbol graphs
    python3 Scripts/public-api.py check   # fails when API/<Module>.txt differs from the symbol graphs

Each line: the symbol's kind, its path (Type.member) and its declaration as the compiler prints it. Members that
the compiler synthesises from a protocol's default implementation (`!=`, `>=`, …) are left out: they follow from
the conformances, which are listed. Extensions a module makes to another's types are listed under the module that
makes them (`ClusterRules@ClusterKitCore` in ClusterRules.txt).
"""
import glob, json, os, sys

MODULES = ["ClusterKitCore", "ClusterKitFormats", "ClusterKitReports", "ClusterKitPlanning", "ClusterRules", "ClusterKitTesting"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def symbol_graph_folder():
    found = glob.glob(os.path.join(ROOT, ".build", "*", "symbolgraph"))
    if not found:
        sys.exit("no symbol graph: run `swift package dump-symbol-graph --minimum-access-level public` first")
    return max(found, key=os.path.getmtime)


def lines(module, folder):
    out = set()
    for path in sorted(glob.glob(os.path.join(folder, module + ".symbols.json")) +
                       glob.glob(os.path.join(folder, module + "@*.symbols.json"))):
        graph = json.load(open(path))
        for symbol in graph["symbols"]:
            if "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
                continue
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            spi = " [SPI]" if symbol.get("spi") else ""
            declaration = "".join(f["spelling"] for f in symbol.get("declarationFragments", []))
            declaration = " ".join(declaration.split())
            out.add(f'{symbol["kind"]["identifier"]} {".".join(symbol["pathComponents"])}{spi}: {declaration}')
    return sorted(out)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    folder = symbol_graph_folder()
    failed = False
    for module in MODULES:
        current = lines(module, folder)
        target = os.path.join(ROOT, "API", module + ".txt")
        text = "".join(line + "\n" for line in current)
        if mode == "write":
            os.makedirs(os.path.dirname(target), exist_ok=True)
            open(target, "w").write(text)
            print(f"{module}: {len(current)} public declarations written to API/{module}.txt")
        else:
            recorded = open(target).read().splitlines() if os.path.exists(target) else []
            added = sorted(set(current) - set(recorded))
            removed = sorted(set(recorded) - set(current))
            print(f"{module}: {len(current)} public declarations")
            if added or removed:
                failed = True
                for line in removed:
                    print(f"  - {line}")
                for line in added:
                    print(f"  + {line}")
    if failed:
        sys.exit("The public API differs from API/*.txt. If the change is meant: "
                 "python3 Scripts/public-api.py write, and commit the listing with the change.")


if __name__ == "__main__":
    main()
