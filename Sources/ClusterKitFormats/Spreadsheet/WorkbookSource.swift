/// A workbook's sheets, read one at a time in their order.
protocol WorkbookSource {
    /// The sheets' names, in the workbook's order.
    var sheetNames: [String] { get }
    /// Reads the sheet at an index of ``sheetNames``.
    mutating func sheet(_ index: Int) throws(WorkbookError) -> SheetGrid
}

