import ClusterKit

/// The words the commands print besides reports (which take theirs from ``ReportWords``), in English and French. A
/// test walks ``allTexts`` and ``allTemplates``: add any new word to them.
enum CommandWords {
    /// What `check` says when given no file.
    static let embeddedNotice = LocalizedText(
        english: "No file given: checking the embedded example, Mecabourg 2013 (Examples/mecabourg-2013.json).",
        french: "Aucun fichier indiqué : vérification de l'exemple intégré, Mecabourg 2013 (Examples/mecabourg-2013.json).")
    /// `explain`: the default severity.
    static let defaultSeverity = MessageTemplate(
        id: "explain.default-severity", english: "Default severity: {severity}", french: "Sévérité par défaut : {severity}")
    /// `explain`: the presets that run the rule.
    static let presets = MessageTemplate(id: "explain.presets", english: "Presets: {presets}", french: "Préréglages : {presets}")
    /// `explain`: an opt-in rule.
    static let optIn = LocalizedText(
        english: "Opt-in: runs only in the all preset, or when a configuration turns it on.",
        french: "Optionnelle : ne s'exécute que dans le préréglage all, ou si une configuration l'active.")
    /// `rules`: an opt-in rule, after its severity.
    static let optInShort = LocalizedText(english: "opt-in", french: "optionnelle")
    /// `explain`: where the rule comes from.
    static let source = MessageTemplate(
        id: "explain.source", english: "Source in the memento: {citation}", french: "Source dans le mémento : {citation}")
    /// `explain`: the parameters heading.
    static let parameters = LocalizedText(english: "Parameters:", french: "Paramètres :")
    /// `explain`: a rule without parameters.
    static let noParameters = LocalizedText(english: "Parameters: none.", french: "Paramètres : aucun.")
    /// `explain`: one parameter and its default.
    static let parameter = MessageTemplate(
        id: "explain.parameter", english: "{name} = {value} ({origin})", french: "{name} = {value} ({origin})")
    /// `explain`: a default the memento gives.
    static let mementoFigure = LocalizedText(english: "the memento's figure", french: "valeur du mémento")
    /// `explain`: a default that is ClusterKit's choice.
    static let ourDefault = LocalizedText(
        english: "ClusterKit's default: the memento gives no figure",
        french: "valeur retenue par ClusterKit : le mémento ne donne pas de chiffre")
    /// `explain`: the values a text parameter accepts.
    static let allowedValues = MessageTemplate(
        id: "explain.allowed-values", english: "one of: {values}", french: "valeurs possibles : {values}")
    /// `explain`: the messages heading.
    static let messages = LocalizedText(english: "Messages:", french: "Messages :")
    /// `metrics`: the title of one budget's table.
    static let metricsTitle = MessageTemplate(
        id: "metrics.title", english: "{budget} ({file})", french: "{budget} ({file})")
    /// `metrics`: a history without any year given in full.
    static let noFullYear = MessageTemplate(
        id: "metrics.no-full-year",
        english: "{cluster} ({file}): no year of the history is given in full, only published figures; 'clusterkit check' shows its trajectory.",
        french: "{cluster} ({file}) : aucune année de l'historique n'est détaillée, seuls des chiffres publiés ; 'clusterkit check' montre sa trajectoire.")

    /// Every word without values.
    static var allTexts: [LocalizedText] {
        [embeddedNotice, optIn, optInShort, parameters, noParameters, mementoFigure, ourDefault, messages] + PlanWords.allTexts
    }

    /// Every word with values.
    static var allTemplates: [MessageTemplate] {
        [defaultSeverity, presets, source, parameter, allowedValues, metricsTitle, noFullYear] + PlanWords.allTemplates
    }
}
