import ClusterKitCore
import Foundation
import Testing
import TestSupport

@testable import ClusterKitFormats

/// A file of the repository, by its path from the root: its path on disk and its bytes.
private func exampleFile(_ path: String) throws -> (path: String, data: Data) {
    let url = repositoryFile(path)
    return (url.path, try Data(contentsOf: url))
}

/// A fresh temporary folder holding these files (name → contents).
private func temporaryFolder(_ files: [String: String]) throws -> URL {
    let folder = try scratchFolder("budgetfile")
    for (name, contents) in files { try Data(contents.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder
}

@Suite("BudgetFile: one entry point for every file a user holds")
struct BudgetFileTests {
    static let jsonBudgets = ["Examples/mecabourg-2013.json", "Examples/aerospace-valley-2024-2025.json", "Examples/plab-2013.json"]
    static let histories = ["Examples/cra-eco-energies-2010-2013.json", "Examples/soliage-2012-2013.json"]
    static let csvFiles = ["Examples/csv/cosmetic-valley-2013.csv", "Examples/csv/mecabourg-2013.csv", "Examples/csv/mecabourg-2013-en.csv"]
    static let cerfaTables = [
        "Examples/cerfa/mecabourg-2013-12156.csv", "Examples/cerfa/mecabourg-2013-12156-keur.csv",
        "Examples/cerfa/soliage-2012-2013-15059.csv",
    ]
    static let workbooks = [
        "Examples/spreadsheets/mecabourg-2013.xlsx", "Examples/spreadsheets/mecabourg-2013.ods",
        "Examples/spreadsheets/cosmetic-valley-2013.xlsx", "Examples/spreadsheets/mecabourg-2013-en.ods",
        "Examples/spreadsheets/workbook-2013.xlsx", "Examples/spreadsheets/workbook-2013.ods",
    ]

    @Test("A JSON budget reads to the JSON decoder's budget", arguments: jsonBudgets)
    func jsonBudget(path: String) throws {
        let file = try exampleFile(path)
        let input = try BudgetFile.read(contentsOf: file.path)
        #expect(input.file == file.path)
        #expect(input.history == nil)
        #expect(input.budget == (try BudgetDecoder().decode(file.data, file: file.path).budget))
    }

    @Test("A JSON history reads to the history its document gives", arguments: histories)
    func jsonHistory(path: String) throws {
        let file = try exampleFile(path)
        let input = try BudgetFile.read(contentsOf: file.path)
        let expected = try BudgetInput(decoding: file.data, file: file.path).history
        #expect(input.budget == nil)
        #expect(input.history != nil && input.history == expected)
    }

    @Test("A CSV export and a Cerfa table read to the CSV reader's budget", arguments: csvFiles + cerfaTables)
    func csv(path: String) throws {
        let file = try exampleFile(path)
        let expected = try CSVBudgetReader().decode(file.data, file: file.path).budget
        #expect(try BudgetFile.read(contentsOf: file.path).budget == expected)
        #expect(try BudgetFile.read(file.data, file: path).budget == expected)
    }

    @Test("A workbook reads to the spreadsheet reader's budget", arguments: workbooks)
    func workbook(path: String) throws {
        let file = try exampleFile(path)
        let expected = try SpreadsheetBudgetReader().decode(file.data, file: file.path).budget
        #expect(try BudgetFile.read(contentsOf: file.path).budget == expected)
        #expect(try BudgetFile.read(file.data, file: path).budget == expected)
    }

    @Test("A workbook's sheet is the one named, as the spreadsheet reader reads it")
    func namedSheet() throws {
        for path in ["Examples/spreadsheets/workbook-2013.xlsx", "Examples/spreadsheets/workbook-2013.ods"] {
            let file = try exampleFile(path)
            let expected = try SpreadsheetBudgetReader(sheet: "Cosmetic Valley").decode(file.data, file: file.path).budget
            let input = try BudgetFile.read(contentsOf: file.path, sheet: "Cosmetic Valley")
            #expect(input.budget == expected)
            #expect(input.budget?.cluster.name == "Cosmetic Valley")
        }
    }

    @Test("The reader is chosen by the name's ending, in any case: .csv, .xlsx, .ods, else JSON")
    func choiceByName() throws {
        let csv = try exampleFile("Examples/csv/mecabourg-2013.csv").data
        let json = try exampleFile("Examples/mecabourg-2013.json").data
        #expect(try BudgetFile.read(csv, file: "BUDGET.CSV").budget == (try CSVBudgetReader().decode(csv, file: "BUDGET.CSV").budget))
        #expect(try BudgetFile.read(json, file: "budget.txt").budget == (try mecabourg2013()))
        // A CSV export named as JSON goes to the JSON decoder, which says the file is not JSON.
        let error = #expect(throws: InputError.self) { try BudgetFile.read(csv, file: "budget.json") }
        #expect(error?.file == "budget.json")
        // Bytes that are not a workbook, named as one, go to the spreadsheet reader.
        let workbookError = #expect(throws: InputError.self) { try BudgetFile.read(json, file: "budget.XLSX") }
        #expect(workbookError?.file == "budget.XLSX")
        #expect(workbookError?.description != error?.description)
    }

    @Test("A missing file, a folder and a file that does not read give an InputError naming the file")
    func errorsNameTheFile() throws {
        let missing = "/nonexistent/budget.json"
        let notFound = #expect(throws: InputError.self) { try BudgetFile.read(contentsOf: missing) }
        #expect(notFound?.description == "/nonexistent/budget.json: no such file or folder")

        let folder = try temporaryFolder(["bad.json": "{ not json", "bad.csv": "nothing;here\n", "bad.xlsx": "PK"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let unreadable = #expect(throws: InputError.self) { try BudgetFile.read(contentsOf: folder.path) }
        #expect(unreadable?.description == "\(folder.path): cannot read the file")
        for name in ["bad.json", "bad.csv", "bad.xlsx"] {
            let path = folder.appendingPathComponent(name).path
            let error = #expect(throws: InputError.self) { try BudgetFile.read(contentsOf: path) }
            #expect(error?.file == path)
            #expect(error?.description.hasPrefix(path) == true)
        }
    }

    @Test("A folder's budget files are its .json, .csv and workbooks in name order, lock files left out")
    func folderListing() throws {
        let folder = try temporaryFolder([
            "b.csv": "", "a.json": "", "c.ods": "", "d.XLSX": "", "~$d.xlsx": "", "notes.txt": "", "README.md": "",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(BudgetFile.files(inFolder: folder.path) == ["a.json", "b.csv", "c.ods", "d.XLSX"].map {
            folder.appendingPathComponent($0).path
        })
        #expect(BudgetFile.files(inFolder: "/nonexistent").isEmpty)
    }

    @Test("Reading several paths keeps going past those that do not read, in order")
    func readEach() throws {
        let good = try exampleFile("Examples/mecabourg-2013.json").path
        let folder = repositoryFile("Examples/csv").path
        let loaded = BudgetFile.readEach([good, "/nonexistent/budget.json", folder])
        #expect(loaded.inputs.map(\.file) == [good] + BudgetFile.files(inFolder: folder))
        #expect(loaded.inputs.count == 1 + Self.csvFiles.count)
        #expect(loaded.failures.map(\.description) == ["/nonexistent/budget.json: no such file or folder"])
    }
}
