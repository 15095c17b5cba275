#!/usr/bin/env bash
# Makes the spreadsheet fixtures with LibreOffice Calc (headless), installing it when missing:
#
#   Examples/spreadsheets/<name>.xlsx and .ods   every CSV example (Examples/csv/*.csv) imported by Calc's CSV filter
#                                                (UTF-8; `;` and the French locale, or `,` and the US locale) and saved by
#                                                `soffice --headless --convert-to`
#   Examples/spreadsheets/workbook-2013.xlsx/.ods  three sheets: « Notes » (text only), « Mecabourg » (the budget: titles
#                                                merged over their columns, totals as SUM formulas, one amount stored as
#                                                text), « Cosmetic Valley » (a second budget)
#   Tests/Fixtures/spreadsheets/password.ods     the Mecabourg budget saved by Calc with the password « secret »
#   Tests/Fixtures/spreadsheets/password.xlsx    Calc's .xlsx of it encrypted with the password « secret » (ECMA-376
#                                                agile encryption) by msoffcrypto-tool, installed from PyPI into a
#                                                throwaway virtual environment: LibreOffice 7.4 headless writes an
#                                                .xlsx given a password through UNO without encrypting it
#
#   Tests/Fixtures/spreadsheets/layouts/        issue 26's layouts, as directors lay budgets out (vertical sections in both
#                                                orders, account numbers with sub-lines under 74, English with a cover
#                                                sheet, valued time on both sides, realised beside budget, side by side
#                                                with free headings, Excel's French CSV in Windows-1252): made by
#                                                Scripts/make-spreadsheet-fixtures-layouts.py; `--layouts` makes only them
#
#   Fuzz/seeds/spreadsheet-reader/              the fuzz target's seeds: each workbook above unpacked (its XML parts, each
#                                                after a line `--- path`), and two workbooks as they are
#
# The workbooks are built through LibreOffice's UNO API (Scripts/make-spreadsheet-fixtures.py, run by the system's
# python3, which has the `uno` module). Run from anywhere; the output is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice > /dev/null; then
  echo "== installing LibreOffice Calc (headless)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui python3-uno
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

if [ "${1:-}" = "--layouts" ]; then
  mkdir -p Tests/Fixtures/spreadsheets/layouts
  /usr/bin/python3 Scripts/make-spreadsheet-fixtures-layouts.py "$profile"
  mkdir -p Fuzz/seeds/spreadsheet-reader Fuzz/seeds/csv-importer
  for file in Tests/Fixtures/spreadsheets/layouts/*; do
    case "$file" in
      *.csv) cp "$file" Fuzz/seeds/csv-importer/layout-"$(basename "$file")" ;;
      *.xlsx|*.ods) cp "$file" Fuzz/seeds/spreadsheet-reader/layout-"$(basename "$file")" ;;
    esac
  done
  exit 0
fi
soffice=(soffice --headless --norestore "-env:UserInstallation=file://$profile/user")

out=Examples/spreadsheets
mkdir -p "$out" Tests/Fixtures/spreadsheets
for csv in Examples/csv/*.csv; do
  name="$(basename "$csv" .csv)"
  # Field separator, text delimiter, charset 76 (UTF-8), first line 1, no column formats, locale, quoted fields not
  # forced to text, special numbers detected (so that « 135 000 € » becomes the number 135000).
  if head -c 200 "$csv" | grep -q ';'; then options="59,34,76,1,,1036,false,true"; else options="44,34,76,1,,1033,false,true"; fi
  for format in "xlsx:Calc MS Excel 2007 XML" "ods:calc8"; do
    "${soffice[@]}" --infilter="CSV:$options" --convert-to "$format" --outdir "$out" "$csv" > /dev/null 2>&1
  done
  echo "$out/$name.xlsx, $out/$name.ods"
done

/usr/bin/python3 Scripts/make-spreadsheet-fixtures.py "$profile"

python3 -m venv "$profile/venv" > /dev/null
"$profile/venv/bin/pip" install -q msoffcrypto-tool
"$profile/venv/bin/msoffcrypto-tool" -e -p secret "$out/mecabourg-2013.xlsx" Tests/Fixtures/spreadsheets/password.xlsx
echo Tests/Fixtures/spreadsheets/password.xlsx

echo "== fuzz seeds"
mkdir -p Fuzz/seeds/spreadsheet-reader
cp "$out/mecabourg-2013.xlsx" "$out/mecabourg-2013.ods" Tests/Fixtures/spreadsheets/password.ods Fuzz/seeds/spreadsheet-reader/
python3 - "$out" Fuzz/seeds/spreadsheet-reader <<'PY'
import os, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(source)):
    with zipfile.ZipFile(os.path.join(source, name)) as archive:
        text = b""
        for entry in archive.namelist():
            # The parts the reader reads; not thumbnails, settings, OpenDocument styles or document properties.
            if entry.startswith(("Thumbnails/", "Configurations2/", "docProps/")) or entry in ("settings.xml", "styles.xml", "meta.xml", "manifest.rdf"):
                continue
            text += b"--- " + entry.encode() + b"\n" + archive.read(entry) + b"\n"
    with open(os.path.join(target, name + ".parts"), "wb") as file:
        file.write(text)
    print(os.path.join(target, name + ".parts"))
PY
