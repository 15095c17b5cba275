import ClusterKitCore

/// Why a workbook cannot be read: the reason, and the sheet and cell when known. ``SpreadsheetBudgetReader`` turns it
/// into an ``InputError`` naming the file.
struct WorkbookError: Error {
    var reason: String
    var sheet: String?
    var row: Int?
    var column: Int?
    init(_ reason: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.sheet = sheet
        self.row = row
        self.column = column
    }
}

/// Runs an XML pass, naming the part in its errors.
func parsing<T>(_ part: String, sheet: String? = nil, _ body: () throws -> T) throws(WorkbookError) -> T {
    do {
        return try body()
    } catch let error as WorkbookError {
        throw error
    } catch let error as XMLError {
        throw WorkbookError("« \(part) » is not well-formed XML: \(error.reason)", sheet: sheet)
    } catch let error as SheetError {
        throw WorkbookError(error.reason, sheet: sheet, row: error.row, column: error.column)
    } catch {
        throw WorkbookError("« \(part) » cannot be read: \(error)", sheet: sheet)
    }
}
