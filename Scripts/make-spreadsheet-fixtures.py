"""Builds the multi-sheet and password-protected workbooks through LibreOffice's UNO API.

Run by Scripts/make-spreadsheet-fixtures.sh with the system's python3 (which has the `uno` module of python3-uno); the
argument is a scratch folder for LibreOffice's profile.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PORT = 2099


def props(**values):
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def url(path):
    return uno.systemPathToFileUrl(os.path.join(ROOT, path))


def main(profile):
    office = subprocess.Popen([
        "soffice", "--headless", "--norestore", "--invisible", f"-env:UserInstallation=file://{profile}/uno",
        f"--accept=socket,host=127.0.0.1,port={PORT};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:socket,host=127.0.0.1,port={PORT};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

        def load_csv(path):
            return desktop.loadComponentFromURL(url(path), "_blank", 0, props(
                FilterName="Text - txt - csv (StarCalc)", FilterOptions="59,34,76,1,,1036,false,true", Hidden=True))

        def save(doc, path, extensions=("xlsx", "ods"), **extra):
            filters = {"xlsx": "Calc MS Excel 2007 XML", "ods": "calc8"}
            for extension in extensions:
                doc.storeToURL(url(f"{path}.{extension}"), props(FilterName=filters[extension], Overwrite=True, **extra))
                print(f"{path}.{extension}")

        # The budget on the second of three sheets.
        book = load_csv("Examples/csv/mecabourg-2013.csv")
        sheets = book.Sheets
        budget = sheets.getByIndex(0)
        budget.Name = "Mecabourg"
        sheets.insertNewByName("Notes", 0)
        notes = sheets.getByName("Notes")
        notes.getCellRangeByName("A1").setString("Budget prévisionnel 2013 de Mecabourg")
        notes.getCellRangeByName("A2").setString("Le plan de financement est sur la feuille « Mecabourg ».")
        # The sides' titles merged over their columns, as a finance officer lays them out.
        budget.getCellRangeByName("A12:E12").merge(True)
        budget.getCellRangeByName("F12:J12").merge(True)
        # The expenses' total as a formula: the reader takes its cached result.
        budget.getCellRangeByName("D20").setFormula("=SUM(D14:D19)")
        # A number stored as text, as a pasted figure often is (the resources' total stays a number: SUM would leave
        # the text out, and the reader, which reads the text as 50,000, would then rightly find the total wrong).
        budget.getCellRangeByName("I15").setString("50 000")
        other = load_csv("Examples/csv/cosmetic-valley-2013.csv")
        sheets.importSheet(other, other.Sheets.getByIndex(0).Name, 2)
        sheets.getByIndex(2).Name = "Cosmetic Valley"
        other.close(True)
        save(book, "Examples/spreadsheets/workbook-2013")
        book.close(True)

        # A password-protected (encrypted) OpenDocument workbook. (LibreOffice 7.4 writes an .xlsx given a password
        # unencrypted through this API; the shell script encrypts that one with msoffcrypto-tool.)
        book = load_csv("Examples/csv/mecabourg-2013.csv")
        save(book, "Tests/Fixtures/spreadsheets/password", extensions=("ods",), Password="secret")
        book.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=30) if office.poll() is None else None


if __name__ == "__main__":
    main(sys.argv[1])
