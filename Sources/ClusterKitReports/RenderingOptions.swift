import ClusterKitCore
import Foundation

/// What every renderer is told: the language of its words, and what to show besides the diagnostics.
///
/// One value for all renderers, so that a host sets its user's choices once and hands them to whichever format it
/// prints:
///
/// ```swift
/// let options = RenderingOptions(language: Language(Locale.current), showExplanations: true)
/// print(TextReportRenderer(options: options).render(report))
/// try MarkdownReportRenderer(options: options).render(report).write(to: url, atomically: true, encoding: .utf8)
/// ```
///
/// A renderer ignores what its format cannot show (colour outside a terminal, explanations in SARIF).
public struct RenderingOptions: Sendable {
    /// The language of messages and of every word printed; amounts and percentages are formatted for it
    /// (`1 227 000,00 €` and `44,8 %` in French).
    public var language: Language
    /// Whether to show, under each diagnostic, the figures it was computed from (text and Markdown; JSON always
    /// carries them).
    public var showExplanations: Bool
    /// Whether to list the diagnostics suppressions hid, each with its justification (text and JSON).
    public var showSuppressed: Bool
    /// Whether to colour severities with ANSI escapes (text only).
    public var useColor: Bool
    /// The catalogue that names the revenue sources in tables of figures.
    public var catalog: Catalog

    /// Creates options; the defaults print English, with no explanations, no suppressed diagnostics and no colour.
    public init(
        language: Language = .english, showExplanations: Bool = false, showSuppressed: Bool = false,
        useColor: Bool = false, catalog: Catalog = .builtIn
    ) {
        self.language = language
        self.showExplanations = showExplanations
        self.showSuppressed = showSuppressed
        self.useColor = useColor
        self.catalog = catalog
    }
}
