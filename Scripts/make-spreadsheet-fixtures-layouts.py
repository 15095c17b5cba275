"""Builds the layout fixtures of issue 26 — budgets laid out as directors lay them out — into
Tests/Fixtures/spreadsheets/layouts/: CSV files written here, workbooks (.xlsx, .ods) through LibreOffice's UNO API,
with formulas for the totals (LibreOffice stores their computed values).

Every cluster name and figure is made up for a layout test (see the README next to the files); none is a real
cluster's budget. Run by Scripts/make-spreadsheet-fixtures.sh --layouts with the system's python3 (python3-uno); the
argument is a scratch folder for LibreOffice's profile.
"""
import os
import subprocess
import sys
import time

OUT = "Tests/Fixtures/spreadsheets/layouts"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PORT = 2101

# ---- The layouts: rows of cells; a cell is text, a number, or a formula (text starting with "=").

VERTICAL_CHARGES_FIRST = [  # .ods: expenses first, headings, subtotals, blank rows
    ["Cluster Mer & Littoral — Budget prévisionnel 2025"],
    [],
    ["DÉPENSES", "Montant"],
    ["Frais de fonctionnement"],
    ["Salaires et charges", 95000],
    ["Loyer et charges locatives", 15000],
    ["Honoraires comptables", 5000],
    ["Sous-total fonctionnement", "=SUM(B5:B7)"],
    [],
    ["Programme d'actions"],
    ["Salon Euromaritime", 40000],
    ["Études de marché", 25000],
    ["Sous-total actions", "=SUM(B11:B12)"],
    ["Total dépenses", "=B8+B13"],
    [],
    ["RECETTES", "Montant"],
    ["Subventions publiques"],
    ["Région Bretagne", 60000],
    ["État (DGE)", 20000],
    ["Brest Métropole", 10000],
    ["Sous-total subventions", "=SUM(B18:B20)"],
    ["Ressources privées"],
    ["Cotisations", 50000],
    ["Inscriptions au salon", 30000],
    ["Sponsoring", 10000],
    ["Sous-total privé", "=SUM(B23:B25)"],
    ["Total recettes", "=B21+B26"],
]

ACCOUNTS_74 = [  # .xlsx: the associations' chart, 74 above its 7411…7415
    ["Technopôle Numérique Rennes — Budget prévisionnel 2026"],
    ["Compte", "Intitulé", "Montant"],
    ["PRODUITS"],
    ["706", "Prestations de services", 40000],
    ["74", "Subventions d'exploitation", "=SUM(C6:C10)"],
    ["7411", "État - DGE", 30000],
    ["7412", "Région Bretagne", 60000],
    ["7413", "Département d'Ille-et-Vilaine", 20000],
    ["7414", "Rennes Métropole", 25000],
    ["7415", "FEDER", 15000],
    ["756", "Cotisations", 45000],
    ["768", "Produits financiers", 1000],
    ["", "Total produits", "=C4+C5+C11+C12"],
    ["CHARGES"],
    ["60", "Achats", 6000],
    ["61", "Services extérieurs (loyers)", 24000],
    ["62", "Autres services extérieurs", 20000],
    ["64", "Charges de personnel", 130000],
    ["65", "Actions collectives", 50000],
    ["68", "Dotations aux amortissements", 6000],
    ["", "Total charges", "=SUM(C15:C20)"],
]

ENGLISH_BUDGET = [  # .xlsx, second sheet after a cover sheet
    ["Nordic Link Cluster — Budget 2026"],
    ["Item", "Amount", "%"],
    ["Income"],
    ["Membership fees", 120000, "=B4/B9"],
    ["Regional council", 60000, "=B5/B9"],
    ["ERDF (Interreg)", 45000, "=B6/B9"],
    ["Sponsorship", 30000, "=B7/B9"],
    ["Events and registrations", 45000, "=B8/B9"],
    ["Total income", "=SUM(B4:B8)", "=B9/B9"],
    [],
    ["Expenditure"],
    ["Staff salaries", 150000],
    ["Office rent", 30000],
    ["Trade fairs", 60000],
    ["Studies", 40000],
    ["Travel", 20000],
    ["Total expenditure", "=SUM(B12:B16)"],
]
ENGLISH_COVER = [
    ["Nordic Link Cluster"],
    ["Annual plan prepared for the board meeting of 12 December"],
    ["The figures are on the next sheet."],
]

VALUED_TIME = [  # .ods: valued time on both sides
    ["Cluster Bois Auvergne — Budget 2026"],
    ["Poste", "Montant"],
    ["RESSOURCES"],
    ["Cotisations", 40000],
    ["Région Auvergne-Rhône-Alpes", 50000],
    ["Valorisation du temps des adhérents", 30000],
    ["Mise à disposition de locaux", 10000],
    ["Total", "=SUM(B4:B7)"],
    ["EMPLOIS"],
    ["Salaires", 60000],
    ["Actions collectives", 30000],
    ["Temps des adhérents valorisé", 30000],
    ["Mise à disposition de locaux", 10000],
    ["Total", "=SUM(B10:B13)"],
]

REALISED = [  # .xlsx: « Budget 2025 » beside « Réalisé 2025 »
    ["Pôle Mécanique Est — Compte de résultat 2025"],
    ["Poste", "Budget 2025", "Réalisé 2025"],
    ["Produits"],
    ["Cotisations", 100000, 95000],
    ["Prestations", 50000, 62000],
    ["Subvention Région Grand Est", 80000, 80000],
    ["État - DREETS", 20000, 15000],
    ["Total produits", "=SUM(B4:B7)", "=SUM(C4:C7)"],
    ["Charges"],
    ["Salaires", 140000, 138000],
    ["Loyer", 20000, 20000],
    ["Actions", 90000, 85000],
    ["Total charges", "=SUM(B10:B12)", "=SUM(C10:C12)"],
]

ROUNDED = [  # .xlsx: a share of a cost computed by a formula, 33,333.333…
    ["Cluster Arrondi — Budget 2026"],
    ["Poste", "Montant"],
    ["Produits"],
    ["Cotisations", "=100000/3"],
    ["Région Normandie", "=200000/3"],
    ["Total produits", "=B4+B5"],
    ["Charges"],
    ["Salaires", 60000],
    ["Actions", 40000],
    ["Total charges", "=B8+B9"],
]

CSV_FILES = {
    # Produits first, a title, a header row with a share column, totals.
    "vertical-produits-first.csv": ("utf-8", """Grappe Numérique Loire — Budget prévisionnel 2026

Poste;Montant;%
PRODUITS;;
Cotisations des adhérents;80 000;32%
Conseil régional Pays de la Loire;90 000;36%
Prestations de formation;30 000;12%
Valorisation du temps des adhérents;50 000;20%
Total produits;250 000;100%

CHARGES;;
Salaires et charges sociales;120 000;48%
Loyers;20 000;8%
Actions collectives;60 000;24%
Temps des adhérents valorisé;50 000;20%
Total charges;250 000;100%
"""),
    # Side by side, free headings (« Charges;Montant;Produits;Montant »), amounts with spaces, no Source column.
    "side-by-side-free.csv": ("utf-8", """Cluster;Agri Sud-Ouest Innovation
Année;2026

Charges;Montant;Produits;Montant
Salaires;80 000;Cotisations;60 000
Loyers;12 000;Conseil régional Occitanie;50 000
Actions collectives;40 000;Prestations;30 000
Études;8 000;;
Total;140 000;Total;140 000
"""),
    # Excel's « CSV (séparateur : point-virgule) »: Windows-1252, no-break spaces, €, a % column.
    "excel-fr-1252.csv": ("cp1252", """Association Cluster Lumière — Budget prévisionnel 2026;;
;;
Poste;Montant;%
RESSOURCES;;
Cotisations des membres;45\u00a0000,00 €;30,0 %
Subvention Conseil départemental;30\u00a0000,00 €;20,0 %
Métropole de Lyon;15\u00a0000,00 €;10,0 %
Bpifrance;22\u00a0500,00 €;15,0 %
Participation des entreprises aux actions;37\u00a0500,00 €;25,0 %
Total;150\u00a0000,00 €;100,0 %
DÉPENSES;;
Personnel;90\u00a0000,00 €;60,0 %
Frais généraux;15\u00a0000,00 €;10,0 %
Événements;45\u00a0000,00 €;30,0 %
Total;150\u00a0000,00 €;100,0 %
""".replace("\n", "\r\n")),
}


def write_csv():
    for name, (encoding, text) in CSV_FILES.items():
        with open(os.path.join(ROOT, OUT, name), "wb") as file:
            file.write(text.encode(encoding))
        print(os.path.join(OUT, name))


def main(profile):
    write_csv()
    import uno
    from com.sun.star.beans import PropertyValue

    def props(**values):
        result = []
        for key, value in values.items():
            prop = PropertyValue()
            prop.Name, prop.Value = key, value
            result.append(prop)
        return tuple(result)

    def url(path):
        return uno.systemPathToFileUrl(os.path.join(ROOT, path))

    office = subprocess.Popen([
        "soffice", "--headless", "--norestore", "--invisible", f"-env:UserInstallation=file://{profile}/uno-layouts",
        f"--accept=socket,host=127.0.0.1,port={PORT};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
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

        def fill(sheet, rows):
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    cell = sheet.getCellByPosition(c, r)
                    if isinstance(value, (int, float)):
                        cell.setValue(value)
                    elif value.startswith("="):
                        cell.setFormula(value)
                    elif value:
                        cell.setString(value)

        def book(sheets, name, extensions):
            doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
            all_sheets = doc.Sheets
            for index, (title, rows) in enumerate(sheets):
                if index == 0:
                    sheet = all_sheets.getByIndex(0)
                    sheet.Name = title
                else:
                    all_sheets.insertNewByName(title, index)
                    sheet = all_sheets.getByName(title)
                fill(sheet, rows)
            doc.calculateAll()
            filters = {"xlsx": "Calc MS Excel 2007 XML", "ods": "calc8"}
            for extension in extensions:
                doc.storeToURL(url(f"{OUT}/{name}.{extension}"), props(FilterName=filters[extension], Overwrite=True))
                print(f"{OUT}/{name}.{extension}")
            doc.close(True)

        book([("Budget", VERTICAL_CHARGES_FIRST)], "vertical-charges-first", ("ods",))
        book([("Budget", ACCOUNTS_74)], "accounts-74", ("xlsx",))
        book([("Cover", ENGLISH_COVER), ("Budget 2026", ENGLISH_BUDGET)], "english-cover", ("xlsx",))
        book([("Budget", VALUED_TIME)], "valued-time", ("ods",))
        book([("Compte de résultat", REALISED)], "realised-budget", ("xlsx",))
        book([("Budget", ROUNDED)], "rounded-formula", ("xlsx",))
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        if office.poll() is None:
            office.wait(timeout=30)

    # A formula saved without its computed value (as a generator that does not calculate writes it): the total's
    # <v> removed from the .xlsx LibreOffice wrote.
    import re
    import zipfile
    source = os.path.join(ROOT, OUT, "realised-budget.xlsx")
    target = os.path.join(ROOT, OUT, "uncomputed-formula.xlsx")
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'(<c r="B8"[^>]*>)(<f[^>]*>[^<]*</f>)<v>[^<]*</v>', rb"\1\2", data)
            out.writestr(item, data)
    print(os.path.join(OUT, "uncomputed-formula.xlsx"))


if __name__ == "__main__":
    main(sys.argv[1])
