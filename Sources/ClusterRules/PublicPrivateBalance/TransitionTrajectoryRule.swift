import ClusterKitCore

/// `transition-trajectory`: over several years, the private share behind the straight glide path from the year the
/// target was set (`baselineYear`) to its year, under that target from its year (« due since »), or falling from one
/// year to the next. Without a baseline year there is no path: before the target's year, a note gives the distance
/// and the years left; on or above the path, a note.
/// A note rather than a warning for a cluster younger than `minimumAge` (3 years), or for a public-service cluster no
/// funder set a target. Without a dated target (a grappe's 50% « à terme ») there is no path to draw, only falls; a
/// path never starts before its baseline year and never runs backwards: from a baseline at or after the target year,
/// the year is compared with the target.
///
/// It judges a `BudgetHistory` (it is a `TrajectoryRule`): the latest year with a known share against the path,
/// and every fall between two consecutive known years. By default a year's share is the one the cluster publishes
/// (its summary row), else the one computed from its plan of financing, so that a series of published figures is
/// compared like with like; `declared-figures` checks the published figures against the plans of financing.
public struct TransitionTrajectoryRule: TrajectoryRule {
    /// Creates the rule.
    public init() {}

    static let figures = Parameter<FigureSource>(
        "figures", default: .published,
        english: "published: each year's published figure first, else the one computed from its plan of financing; computed: the other way round.",
        french: "published : d'abord le chiffre publié de l'année, sinon celui calculé sur son plan de financement ; computed : l'inverse.",
        defaultIsOurs: true, allowedValues: FigureSource.allCases.map(\.rawValue))
    static let path = Parameter<String>(
        "path", default: "linear",
        english: "The shape of the glide path: a straight line from the baseline year's share to the target in its year (our choice; the memento asks for « un lissage dans le temps » and draws no path).",
        french: "La forme de la trajectoire : une droite, de la part de l'année de référence à l'objectif de son année (notre choix ; le mémento demande « un lissage dans le temps » et ne trace pas de trajectoire).",
        defaultIsOurs: true, allowedValues: ["linear"])

    static let behind = MessageTemplate(
        id: "transition-trajectory.behind",
        english: "In {year}, private resources are {share} of the budget ({figure}), behind the {required} of the glide path from {baselineShare} in {baselineYear} to {threshold} in {targetYear}.",
        french: "En {year}, les ressources privées représentent {share} du budget ({figure}), en retard sur les {required} de la trajectoire allant de {baselineShare} en {baselineYear} à {threshold} en {targetYear}.")
    static let behindYoung = MessageTemplate(
        id: "transition-trajectory.behind-young",
        english: "In {year}, private resources are {share} of the budget ({figure}), behind the {required} of the glide path to {threshold} in {targetYear}; the cluster is {age} {age|year|years} old, and self-financing is very delicate for clusters being created.",
        french: "En {year}, les ressources privées représentent {share} du budget ({figure}), en retard sur les {required} de la trajectoire vers {threshold} en {targetYear} ; le cluster a {age} {age|an|ans}, et l'autofinancement est très délicat pour les clusters en création.")
    static let overdue = MessageTemplate(
        id: "transition-trajectory.overdue",
        english: "In {year}, private resources are {share} of the budget ({figure}), under the {threshold} target due since {targetYear}.",
        french: "En {year}, les ressources privées représentent {share} du budget ({figure}), sous l'objectif de {threshold} qui devait être atteint en {targetYear}.")
    static let overdueYoung = MessageTemplate(
        id: "transition-trajectory.overdue-young",
        english: "In {year}, private resources are {share} of the budget ({figure}), under the {threshold} target due since {targetYear}; the cluster is {age} {age|year|years} old, and self-financing is very delicate for clusters being created.",
        french: "En {year}, les ressources privées représentent {share} du budget ({figure}), sous l'objectif de {threshold} qui devait être atteint en {targetYear} ; le cluster a {age} {age|an|ans}, et l'autofinancement est très délicat pour les clusters en création.")
    static let onPath = MessageTemplate(
        id: "transition-trajectory.on-path",
        english: "In {year}, private resources are {share} of the budget ({figure}), on or above the {required} of the glide path from {baselineShare} in {baselineYear} to {threshold} in {targetYear}, {gap} short of the target.",
        french: "En {year}, les ressources privées représentent {share} du budget ({figure}), au niveau ou au-dessus des {required} de la trajectoire allant de {baselineShare} en {baselineYear} à {threshold} en {targetYear}, à {gap} de l'objectif.")
    static let ahead = MessageTemplate(
        id: "transition-trajectory.ahead",
        english: "In {year}, private resources are {share} of the budget ({figure}), {gap} short of the {threshold} target due by {targetYear}; {yearsLeft} {yearsLeft|year is|years are} left to reach it, and with no baseline year the target gives no path to be behind.",
        french: "En {year}, les ressources privées représentent {share} du budget ({figure}), à {gap} de l'objectif de {threshold} à atteindre au plus tard en {targetYear} ; il reste {yearsLeft} {yearsLeft|an|ans} pour l'atteindre, et, sans année de référence, l'objectif ne trace pas de trajectoire sur laquelle être en retard.")
    static let fallPublicService = MessageTemplate(
        id: "transition-trajectory.fall-public-service",
        english: "The private share fell from {previous} in {previousYear} to {share} in {year} ({figure}); no funder has set this cluster a target, and the memento reads a cluster with a public-service mission as largely publicly funded by design (p. 21).",
        french: "La part privée a baissé de {previous} en {previousYear} à {share} en {year} ({figure}) ; aucun financeur n'a fixé d'objectif à ce cluster, et le mémento voit un cluster investi d'une mission de service public comme largement financé sur fonds publics par construction (p. 21).")
    static let fall = MessageTemplate(
        id: "transition-trajectory.fall",
        english: "The private share fell from {previous} in {previousYear} to {share} in {year} ({figure}).",
        french: "La part privée a baissé de {previous} en {previousYear} à {share} en {year} ({figure}).")
    static let fallYoung = MessageTemplate(
        id: "transition-trajectory.fall-young",
        english: "The private share fell from {previous} in {previousYear} to {share} in {year} ({figure}); the cluster is {age} {age|year|years} old, and self-financing is very delicate for clusters being created.",
        french: "La part privée a baissé de {previous} en {previousYear} à {share} en {year} ({figure}) ; le cluster a {age} {age|an|ans}, et l'autofinancement est très délicat pour les clusters en création.")
    static let catchUp = MessageTemplate(
        id: "transition-trajectory.catch-up",
        english: "add {amount} of private revenue in {year} (the budget grows with it) to reach the {required} of the path",
        french: "ajouter {amount} de recettes privées en {year} (le budget augmente d'autant) pour atteindre les {required} de la trajectoire")
    static let recover = MessageTemplate(
        id: "transition-trajectory.recover",
        english: "add {amount} of private revenue in {year} (the budget grows with it) to get back to {previous}",
        french: "ajouter {amount} de recettes privées en {year} (le budget augmente d'autant) pour revenir à {previous}")

    public static let description = RuleDescription(
        id: "transition-trajectory",
        name: LocalizedText(english: "Transition towards the target", french: "Trajectoire de transition vers l'objectif"),
        rationale: LocalizedText(
            english: """
                The working group asks funders to preserve a transition phase and to smooth the move to a balanced \
                budget over time: a cluster needs time to invent its economic model, its team time to adapt, and a new \
                range of services time to bring in revenue. This rule draws that transition as a straight glide path \
                from the private share of a baseline year to the target in the target year (50% by 2016 unless the \
                cluster or the rule set says otherwise) and warns when the latest year is behind it, or when the share \
                falls from one year to the next. The path starts at the year the target was set (its `baselineYear`), \
                never earlier: without one there is no path, and before the target's year the distance and the years \
                left are a note; on or above the path, a note while the target is not reached. Self-financing is very \
                delicate for clusters being created: under 3 years of age — the memento's threshold for a consolidated \
                model — it is a note.
                """,
            french: """
                Le groupe de travail demande de préserver une phase transitoire et de prévoir un lissage dans le \
                temps : le cluster doit inventer son modèle économique, l'équipe s'adapter, et une nouvelle gamme de \
                services met du temps à générer des ressources. La règle trace cette transition comme une droite, de \
                la part privée d'une année de référence à l'objectif de l'année cible (50 % en 2016, sauf indication \
                du cluster ou du jeu de règles), et avertit quand la dernière année est en retard sur elle, ou quand la \
                part baisse d'une année sur l'autre. La trajectoire part de l'année où l'objectif a été fixé (son \
                `baselineYear`), jamais avant : sans elle, pas de trajectoire, et avant l'année de l'objectif l'écart et \
                les années restantes font une note ; sur la trajectoire ou au-dessus, une note tant que l'objectif n'est \
                pas atteint. L'autofinancement est très délicat pour les clusters en création : avant 3 ans \
                d'existence — le seuil du mémento pour un modèle consolidé —, c'est une note.
                """),
        citation: Memento.cite("p. 21, « l'intérêt de préserver une phase transitoire » ; p. 68, « Prévoir un lissage dans le temps, une période de transition »"),
        defaultSeverity: .warning,
        parameters: [
            FundingTarget.target, FundingTarget.targetYear, FundingTarget.basis,
            figures,
            FundingPurpose.minimumAge,
            path,
        ],
        messages: [behind, behindYoung, onPath, ahead, overdue, overdueYoung, fallPublicService, fall, fallYoung, catchUp, recover],
        triggeringExamples: [
            RuleExample(
                history: exampleHistory(
                    founded: 2005, [(2011, 40), (2012, 41), (2013, 42)],
                    targets: FundingTargets(privateShare: Share(percent: 50), year: 2015, baselineYear: 2011)),
                note: "A target of 50% by 2015 set in 2011 at 40%: 42% in 2013, behind the 45% of the path."),
            RuleExample(
                history: exampleHistory(
                    "Silicon Sentier", founded: 2000, [(2011, 50), (2012, 50), (2013, 50)],
                    targets: FundingTargets(
                        privateShare: Share(percent: 75), year: 2014, baselineYear: 2013,
                        source: "« Autofinancement de 75 % visé à moyen terme (fin 2014) », p. 56")),
                note: "Silicon Sentier 2011–2013 against its own target, 75% by the end of 2014, set in 2013: 50% in 2013, the path's start, a note; 2011 and 2012 are before the path."),
            RuleExample(
                history: exampleHistory(
                    "Silicon Sentier", founded: 2000, [(2011, 50), (2012, 50), (2013, 50)],
                    targets: FundingTargets(privateShare: Share(percent: 75), year: 2014, source: "« Autofinancement de 75 % visé à moyen terme (fin 2014) », p. 56")),
                note: "The same target with no baseline year: no path, a note that 25% are missing with a year left."),
            RuleExample(
                history: exampleHistory(
                    "Rhône-Alpes Eco-énergies", founded: 2005, [(2010, 25), (2013, 38)],
                    targets: FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2010)),
                note: "Ahead of the path's 37.5% in 2013, with a target of 50% by 2016 set in 2010: a note, the target not reached yet."),
            RuleExample(
                history: exampleHistory(founded: 2005, [(2011, 48), (2012, 45)]),
                note: "A fall from 48% to 45%."),
            RuleExample(
                history: exampleHistory(
                    founded: 2011, [(2012, 20), (2013, 22)],
                    targets: FundingTargets(privateShare: Share(percent: 50), year: 2014, baselineYear: 2012)),
                note: "Two years old and behind the path to its target: a note."),
        ],
        nonTriggeringExamples: [
            RuleExample(
                history: exampleHistory("Silicon Sentier", founded: 2000, [(2011, 50), (2012, 50), (2013, 50)]),
                note: "Silicon Sentier 2011–2013: 50% each year, no target of its own."),
            RuleExample(
                history: exampleHistory("Rhône-Alpes Eco-énergies", founded: 2005, [(2010, 25), (2011, 25), (2012, 30), (2013, 35)]),
                note: "Cluster Rhône-Alpes Eco-énergies 2010–2013, a grappe with no dated target: no path to draw, and no fall."),
            RuleExample(
                history: exampleHistory(
                    "Rhône-Alpes Eco-énergies", founded: 2005, [(2010, 25), (2013, 52)],
                    targets: FundingTargets(privateShare: Share(percent: 50), year: 2016, baselineYear: 2010)),
                note: "Above the target itself before its year."),
            RuleExample(
                history: exampleHistory(founded: 2005, [(2013, 20)]),
                note: "A single year: no path to judge against."),
        ])

    public func evaluate(history context: RuleContext) throws -> [Diagnostic] {
        // Long: the year-by-year verdicts, each with its arguments and explanation, built in place.
        guard let history = context.history, let trajectory = try trajectory(context) else { return [] }
        let minimumAge = try context.value(of: FundingPurpose.minimumAge)
        func age(_ year: Int) -> Int? { history.years.first { $0.year == year }?.age }
        func young(_ year: Int) -> Bool { age(year).map { $0 < minimumAge } ?? false }
        func figure(_ figure: PrivateShareFigure) -> MessageArgument {
            switch (figure.source, figure.basis) {
            case (.computed, let basis?):
                .localized(LocalizedText(english: "computed, \(basis.label.english)", french: "calculé, \(basis.label.french)"))
            case (.computed, nil): .localized(LocalizedText(english: "computed", french: "calculé"))
            case (.published, _): .localized(LocalizedText(english: "as published", french: "chiffre publié"))
            }
        }
        let target = try self.target(context, history)
        let publicService = FundingPurpose.of(history.history.cluster) == .publicService && !target.isSet
        let known = trajectory.points.filter { $0.figure != nil }
        var found: [Diagnostic] = []
        // Every fix adds private revenue in the year it names.
        let privateRevenue = ResourceLine.remedy(.otherPrivate, history.history.currency, label: "private revenue")

        if let last = known.last, let share = last.figure, let targetYear = target.year {
            let isYoung = young(last.year)
            var arguments: MessageArguments = [
                "year": .integer(last.year), "share": .share(share.share), "figure": figure(share),
                "threshold": .share(target.share), "targetYear": .integer(targetYear),
            ]
            if let age = age(last.year) { arguments["age"] = .integer(age) }
            let severity: Severity? = isYoung || publicService ? .note : nil
            if let path = trajectory.path, last.year < targetYear, let required = last.required {
                // On a path the target's baseline year draws: behind it a warning, on or above it a note while the
                // target is not reached.
                arguments["required"] = .share(required)
                arguments["baselineShare"] = .share(path.baselineShare)
                arguments["baselineYear"] = .integer(path.baselineYear)
                if last.isBehind {
                    let remediation = share.additionToReach(required).map {
                        Remediation(context.option($0, Self.catchUp, arguments, move: .addResource(privateRevenue)))
                    }
                    found.append(
                        context.diagnostic(
                            isYoung ? Self.behindYoung : Self.behind, arguments,
                            severity: severity, measured: .share(share.share), threshold: .share(required),
                            lines: share.lines, remediation: remediation,
                            explanation: explanation(path, point: last)))
                } else if share.share < target.share {
                    arguments["gap"] = .localized(FundingTarget.points(target.gap(from: share.share)))
                    found.append(
                        context.diagnostic(
                            Self.onPath, arguments, severity: .note, measured: .share(share.share),
                            threshold: .share(required), lines: share.lines, explanation: explanation(path, point: last)))
                }
            } else if last.year < targetYear, share.share < target.share {
                // Before the target's year with no path (no baseline year, or a year before it): the distance and the
                // years left, a note.
                arguments["gap"] = .localized(FundingTarget.points(target.gap(from: share.share)))
                arguments["yearsLeft"] = .integer(targetYear - last.year)
                found.append(
                    context.diagnostic(
                        Self.ahead, arguments, severity: .note, measured: .share(share.share), threshold: .share(target.share),
                        lines: share.lines,
                        explanation: [
                            ExplanationItem(LocalizedText(english: "Target", french: "Objectif"), .share(target.share)),
                            ExplanationItem(LocalizedText(english: "Target year", french: "Année cible"), .integer(targetYear)),
                            ExplanationItem(LocalizedText(english: "Years left", french: "Années restantes"), .integer(targetYear - last.year)),
                        ]))
            } else if last.year >= targetYear, share.share < target.share {
                // From the target's year: the target itself.
                arguments["required"] = .share(target.share)
                let remediation = share.additionToReach(target.share).map {
                    Remediation(context.option($0, Self.catchUp, arguments, move: .addResource(privateRevenue)))
                }
                found.append(
                    context.diagnostic(
                        isYoung ? Self.overdueYoung : Self.overdue, arguments,
                        severity: severity, measured: .share(share.share), threshold: .share(target.share),
                        lines: share.lines, remediation: remediation,
                        explanation: [
                            ExplanationItem(LocalizedText(english: "Target", french: "Objectif"), .share(target.share)),
                            ExplanationItem(LocalizedText(english: "Target year", french: "Année cible"), .integer(targetYear)),
                        ]))
            }
        }

        for (previous, current) in zip(known, known.dropFirst()) {
            guard let before = previous.figure, let now = current.figure, now.share < before.share else { continue }
            let isYoung = young(current.year)
            var arguments: MessageArguments = [
                "year": .integer(current.year), "share": .share(now.share), "figure": figure(now),
                "previous": .share(before.share), "previousYear": .integer(previous.year),
            ]
            if let age = age(current.year) { arguments["age"] = .integer(age) }
            let remediation = now.additionToReach(before.share).map {
                Remediation(context.option($0, Self.recover, arguments, move: .addResource(privateRevenue)))
            }
            let message: MessageTemplate = isYoung ? Self.fallYoung
                : publicService ? Self.fallPublicService : Self.fall
            found.append(
                context.diagnostic(
                    message, arguments,
                    severity: isYoung || publicService ? .note : nil, measured: .share(now.share), threshold: .share(before.share),
                    lines: now.lines, remediation: remediation,
                    explanation: [
                        ExplanationItem(
                            LocalizedText(english: "Share in \(previous.year)", french: "Part en \(previous.year)"), .share(before.share)),
                        ExplanationItem(
                            LocalizedText(english: "Share in \(current.year)", french: "Part en \(current.year)"), .share(now.share)),
                    ] + (now.whole.map {
                        [ExplanationItem(LocalizedText(english: "Total of the year", french: "Total de l'année"), .money($0))]
                    } ?? [])))
        }
        return found
    }

    /// The target the history's latest year is judged against.
    private func target(_ context: RuleContext, _ history: HistoryMetrics) throws -> FundingTarget {
        try FundingTarget(context, cluster: history.history.cluster, year: history.years.last?.year ?? 0)
    }

    public func trajectory(_ context: RuleContext) throws -> Trajectory? {
        guard let history = context.history else { return nil }
        let target = try self.target(context, history)
        let preferring = try context.value(of: Self.figures)
        let basis = try target.basis ?? FundingTarget.basis(context)
        let plain = history.trajectory(basis: basis, preferring: preferring)
        // No date, no path; no baseline year, no path (a path never starts before the target was set); and a path
        // never runs backwards: from a baseline at or after the target year, none.
        guard let targetYear = target.year, let baseline = target.baselineYear, baseline < targetYear else { return plain }
        return history.trajectory(
            basis: basis, preferring: preferring, target: target.share, targetYear: targetYear, baselineYear: target.baselineYear)
    }

    private func explanation(_ path: GlidePath, point: Trajectory.Point) -> [ExplanationItem] {
        var items = [
            ExplanationItem(LocalizedText(english: "Baseline year", french: "Année de référence"), .integer(path.baselineYear)),
            ExplanationItem(LocalizedText(english: "Baseline share", french: "Part de référence"), .share(path.baselineShare)),
            ExplanationItem(LocalizedText(english: "Target", french: "Objectif"), .share(path.target)),
            ExplanationItem(LocalizedText(english: "Target year", french: "Année cible"), .integer(path.targetYear)),
        ]
        if let required = point.required {
            items.append(ExplanationItem(LocalizedText(english: "Required this year", french: "Requis cette année"), .share(required)))
        }
        if let whole = point.figure?.whole {
            items.append(ExplanationItem(LocalizedText(english: "Total of the year", french: "Total de l'année"), .money(whole)))
        }
        return items
    }
}

/// A history of published summaries — (year, whole percent of self-financing) with a budget of 100,000 — for rule
/// examples.
func exampleHistory(
    _ name: String = "Example", founded: Int, _ years: [(Int, Int64)], targets: FundingTargets? = nil
) -> BudgetHistory {
    BudgetHistory(
        cluster: ClusterProfile(name: name, kind: .grappe, founded: founded, targets: targets),
        years: years.map { year, percent in
            .summary(year, BudgetSummary(total: Money(major: 100_000), selfFinancing: Share(percent: percent)))
        })
}
