import ClusterKitCore

/// One figure a report prints under a diagnostic's message — what it measured, the threshold it was compared with, the
/// lines concerned — with its word: chosen once here, formatted by each renderer (plain in text, lines as code spans in
/// Markdown, escaped in HTML).
package struct DiagnosticFigure: Sendable {
    /// A figure's value: a measure, or the ids of the lines concerned.
    package enum Value: Sendable {
        case measure(Measure)
        case lines([String])
    }

    /// What the figure is: « measured », « threshold », « lines ».
    package var label: LocalizedText
    package var value: Value

    /// A diagnostic's figures, in the order reports print them; none it does not have.
    package static func of(_ diagnostic: Diagnostic) -> [DiagnosticFigure] {
        var figures: [DiagnosticFigure] = []
        if let measured = diagnostic.measured { figures.append(DiagnosticFigure(label: ReportWords.measured, value: .measure(measured))) }
        if let threshold = diagnostic.threshold {
            figures.append(DiagnosticFigure(label: ReportWords.threshold(of: diagnostic), value: .measure(threshold)))
        }
        if !diagnostic.lines.isEmpty { figures.append(DiagnosticFigure(label: ReportWords.lines, value: .lines(diagnostic.lines))) }
        return figures
    }

    /// The value as a renderer prints it: a measure as `measure` formats it, lines each as `line` prints it, separated
    /// by commas.
    package func value(measure: (Measure) -> String, line: (String) -> String = { $0 }) -> String {
        switch value {
        case .measure(let figure): measure(figure)
        case .lines(let ids): ids.map(line).joined(separator: ", ")
        }
    }

    /// The figures of a diagnostic on one line — `measured 32.8%; threshold 40%; lines fees` — as the text and
    /// Markdown reports print them; `nil` when it has none.
    package static func line(of diagnostic: Diagnostic, language: Language, line: (String) -> String = { $0 }) -> String? {
        let format = ValueFormatter(language: language)
        let figures = of(diagnostic).map { "\($0.label(language)) \($0.value(measure: format.string, line: line))" }
        return figures.isEmpty ? nil : figures.joined(separator: language == .french ? " ; " : "; ")
    }
}

extension Remediation {
    /// The remediation's options as reports print them, each after its word: the primary after « fix: », each
    /// alternative after « or: ».
    package var worded: [(word: LocalizedText, option: RemediationOption)] {
        [(ReportWords.fix, primary)] + alternatives.map { (ReportWords.orElse, $0) }
    }
}
