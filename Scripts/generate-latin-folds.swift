// Prints the body of `LatinFolds.folds` (Sources/ClusterKitCore/Support/LatinFolds.swift): what Foundation's
// folding (case, diacritics, width) makes of each scalar from U+0080 to U+024F, every scalar of the result that is
// neither ASCII nor a letter or digit written as a space.
//
//     swift Scripts/generate-latin-folds.swift
//
// `CSVVocabularyFoldingTests` fails when the table and Foundation disagree.
import Foundation

func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
}

for row in stride(from: 0x80, to: 0x250, by: 16) {
    var entries: [String] = []
    for value in row..<row + 16 {
        var entry = ""
        for scalar in fold(String(Unicode.Scalar(UInt32(value))!)).unicodeScalars {
            if scalar.isASCII || CharacterSet.alphanumerics.contains(scalar) { entry.unicodeScalars.append(scalar) } else { entry += " " }
        }
        entries.append("\"" + entry.unicodeScalars.map { $0 == "\"" ? "\\\"" : $0 == "\\" ? "\\\\" : String($0) }.joined() + "\"")
    }
    print("        " + entries.joined(separator: ", ") + ",  // U+" + String(format: "%04X", row))
}
