import ClusterKit

/// What the hand-written baseline finds: the figures a diagnostic of the engine carries, without its message.
struct Finding: Hashable, Sendable {
    /// The id of the rule the engine would report it under.
    var rule: String
    /// The severity.
    var severity: Severity
    /// The measured value.
    var measured: Measure?
    /// The threshold it is compared with.
    var threshold: Measure?
    /// The primary remediation amount.
    var remediation: Money?

    /// The figures of an engine's diagnostic.
    init(_ diagnostic: Diagnostic) {
        self.init(
            rule: diagnostic.ruleID.description, severity: diagnostic.severity, measured: diagnostic.measured,
            threshold: diagnostic.threshold, remediation: diagnostic.remediation?.amount)
    }

    init(rule: String, severity: Severity, measured: Measure? = nil, threshold: Measure? = nil, remediation: Money? = nil) {
        self.rule = rule
        self.severity = severity
        self.measured = measured
        self.threshold = threshold
        self.remediation = remediation
    }

    /// Findings in a canonical order (rule, remediation, measured value), to compare the baseline's with the
    /// engine's, which sorts by severity and lines.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        /// Measures of one kind in their order (shares exactly); kinds apart.
        func precedes(_ a: Measure?, _ b: Measure?) -> Bool {
            switch (a, b) {
            case (.share(let x), .share(let y)): x < y
            case (.money(let x), .money(let y)): x < y
            case (.count(let x), .count(let y)): x < y
            default: rank(a) < rank(b)
            }
        }
        func rank(_ measure: Measure?) -> Int {
            switch measure {
            case nil: 0
            case .share: 1
            case .money: 2
            case .count: 3
            }
        }
        return findings.sorted { a, b in
            if a.rule != b.rule { return a.rule < b.rule }
            let x = a.remediation?.minorUnits ?? -1, y = b.remediation?.minorUnits ?? -1
            if x != y { return x < y }
            return precedes(a.measured, b.measured)
        }
    }
}

/// The `recommended` rule set written by hand: one pass over the budget's lines for the figures the rules read
/// (totals, private and cash parts, totals per revenue kind, per funder), then each check of `RULES.md` made directly
/// on them — what a programmer would write for these rules and nothing else.
///
/// It is the yardstick of the engine's price: it validates what the engine's metrics validate (known sources, one
/// currency, unique line ids, earmarks that name an expense) and returns the same findings — rule id, severity,
/// measured value, threshold, remediation amount — with the rules' default parameters; it builds no message, no
/// explanation, no list of lines. `BaselineEquivalenceTests` keeps it equal to the engine on the examples.
enum Baseline {
    /// Why the baseline refused a budget (the engine throws an `InputError` for the same budgets).
    struct Invalid: Error {
        var reason: String
    }

    /// The findings of the `recommended` rules on a budget, in rule order.
    static func check(_ budget: Budget, catalog: Catalog) throws(Invalid) -> [Finding] {
        let currency = budget.currency
        let cluster = budget.cluster
        func money(_ units: Int64) -> Money { Money(minorUnits: units, currency: currency) }

        // Expenses: ids, currency, total.
        var expenseIDs = Set<String>(minimumCapacity: budget.expenses.count)
        var expenses: Int64 = 0
        for line in budget.expenses {
            guard expenseIDs.insert(line.id).inserted else { throw Invalid(reason: "duplicate id \(line.id)") }
            guard line.amount.currency == currency else { throw Invalid(reason: "currency of \(line.id)") }
            if let regime = line.regime, catalog.regime(regime) == nil { throw Invalid(reason: "regime of \(line.id)") }
            expenses = try add(expenses, line.amount.minorUnits)
        }

        // Resources: one pass for every total the rules read.
        var resourceIDs = Set<String>(minimumCapacity: budget.resources.count)
        var total: Int64 = 0, privateAll: Int64 = 0, privateCash: Int64 = 0, inKind: Int64 = 0
        var feesCash: Int64 = 0, byKind: [RevenueKind: Int64] = [:]
        // Lines that hold fees and other revenue in one amount (`includes`): sourced as fees, or as other revenue.
        var mixedAsFees: Int64 = 0, mixedAsOthers: Int64 = 0
        var publicCallFees: Int64 = 0, erdf: Int64 = 0, notFunding: Int64 = 0, passedThrough: Int64 = 0
        var mixedTime: Int64 = 0, servicesGrowth: Int64 = 0
        var funders: [String: Int64] = [:], aggregated: Int64 = 0
        var findings: [Finding] = []
        for line in budget.resources {
            guard !expenseIDs.contains(line.id), resourceIDs.insert(line.id).inserted else {
                throw Invalid(reason: "duplicate id \(line.id)")
            }
            guard let source = catalog.source(line.source) else { throw Invalid(reason: "source of \(line.id)") }
            guard line.amount.currency == currency else { throw Invalid(reason: "currency of \(line.id)") }
            if let action = line.action, !expenseIDs.contains(action) { throw Invalid(reason: "action of \(line.id)") }
            let kind = source.kind
            if line.successFee != nil, kind != .successFees { throw Invalid(reason: "successFee on \(line.id)") }
            if line.sponsor != nil, kind != .sponsorship { throw Invalid(reason: "sponsor on \(line.id)") }
            let amount = line.amount.minorUnits
            let sector = line.sector ?? source.sector
            let isPublic = sector == .public
            let isInKind = line.inKind ?? (source.nature == .inKind)
            total = try add(total, amount)
            // erdf-working-capital carries European funds passed on or not.
            if line.source == .erdf { erdf = try add(erdf, amount) }
            // Money passed on to partners, and lines that are not funding: in R, in no share.
            if line.passThrough {
                guard line.action != nil else { throw Invalid(reason: "pass-through without action \(line.id)") }
                passedThrough = try add(passedThrough, amount)
                continue
            }
            if sector == .notFunding {
                notFunding = try add(notFunding, amount)
                continue
            }
            if !isPublic {
                privateAll = try add(privateAll, amount)
                if !isInKind {
                    privateCash = try add(privateCash, amount)
                    if kind == .membershipFees { feesCash = try add(feesCash, amount) }
                    if line.successFee?.basis == .publicCall { publicCallFees = try add(publicCallFees, amount) }
                }
            }
            if isInKind { inKind = try add(inKind, amount) }
            if !line.includes.isEmpty, Set([line.source] + line.includes).count > 1,
                ([line.source] + line.includes).contains(.membershipFees)
            {
                if line.source == .membershipFees { mixedAsFees = try add(mixedAsFees, amount) } else { mixedAsOthers = try add(mixedAsOthers, amount) }
            }
            byKind[kind] = try add(byKind[kind] ?? 0, amount)
            if kind == .memberTime, line.includes.contains(where: { $0 != .memberTime && $0 != .secondment }) {
                mixedTime = try add(mixedTime, amount)
            }
            if budget.statement == .realised, line.source == .services, let planned = budget.forecast[line.id]?.minorUnits,
                amount > planned
            {
                servicesGrowth = try add(servicesGrowth, amount - planned)
            }
            if isPublic, line.funder == nil, AggregatedPublicLines.isGeneric(line.label ?? line.id) {
                // A public line with no funder and a generic label holds funders the table does not name.
                aggregated = try add(aggregated, amount)
            } else if isPublic || line.funder != nil {
                let funder = line.funderName
                funders[funder] = try add(funders[funder] ?? 0, amount)
            }

            // sponsorship-conflict and success-fee-proportion look at lines one by one: in the same pass.
            if let sponsor = line.sponsor, sponsor.isMember || sponsor.directInterest {
                findings.append(
                    Finding(rule: "sponsorship-conflict", severity: .warning, measured: .money(line.amount), remediation: line.amount))
            }
            if let fixedFee = line.successFee?.fixedFee, amount != 0 {
                let threshold = Share(percent: 25)
                if fixedFee.isZero {
                    findings.append(
                        Finding(
                            rule: "success-fee-proportion", severity: .warning, measured: .money(line.amount),
                            threshold: .share(threshold),
                            remediation: Share.dilutionToReach(threshold, part: line.amount, of: fixedFee)))
                } else if let share = Share(line.amount, of: fixedFee), share > threshold {
                    findings.append(
                        Finding(
                            rule: "success-fee-proportion", severity: .warning, measured: .share(share), threshold: .share(threshold),
                            remediation: Share.transferToReach(threshold, part: line.amount, of: fixedFee)?.magnitude))
                }
            }
        }
        // Every share is on the funding base: R less the lines that are not funding or are passed on.
        let fundingBase = total - notFunding - passedThrough
        let cash = fundingBase - inKind
        // The per-kind totals the rules read (each kind's share of the funding base).
        let fees = byKind[.membershipFees] ?? 0, events = byKind[.events] ?? 0, successFees = byKind[.successFees] ?? 0
        let whole = money(fundingBase)
        let gross = Share(money(privateAll), of: whole), net = Share(money(privateCash), of: money(cash))

        // budget-balance on a forecast; operating-result and forecast-variance on realised accounts.
        let (difference, overflow) = total.subtractingReportingOverflow(expenses)
        guard !overflow else { throw Invalid(reason: "the totals overflow") }
        if budget.statement == .realised {
            if difference != 0 {
                findings.append(
                    Finding(
                        rule: "operating-result", severity: difference < 0 ? .warning : .note, measured: .money(money(difference)),
                        threshold: .money(money(0))))
            }
            let amounts = budget.expenses.map { ($0.id, $0.amount.minorUnits) } + budget.resources.map { ($0.id, $0.amount.minorUnits) }
            for (id, amount) in amounts {
                guard let forecast = budget.forecast[id]?.minorUnits else { continue }
                let gap = (amount - forecast).magnitude
                // More than 10,000 and, when something was forecast, more than 20% of it: gap × 5 > forecast.
                guard gap > 1_000_000, forecast == 0 || Int128(gap) * 5 > Int128(forecast.magnitude) else { continue }
                findings.append(
                    Finding(
                        rule: "forecast-variance", severity: .warning, measured: .money(money(Int64(gap))),
                        threshold: .money(money(1_000_000))))
            }
        } else if difference != 0 {
            let gap = money(Int64(clamping: difference.magnitude))
            findings.append(Finding(rule: "budget-balance", severity: .error, measured: .money(gap), threshold: .money(money(0)), remediation: gap))
        }

        // public-private-balance: the target judged for the year (the nearest at or after it, else one without a
        // year, else the last), else 50%; on the funder's definition when the target gives one, else net where valued
        // time is not allowed or the target says so, else gross. A note under 3 years of age, for a public-service
        // cluster no one set a target (the pôles' contracts set one for 2013–2018), before the target's year, and
        // for a target with no year (unless the cluster serves its members' interests); and a note, with no fix,
        // where a target that states no basis is missed on the memento's basis or on total income but not both.
        let ahead = cluster.targetList.filter { ($0.year ?? Int.min) >= budget.year }.min { $0.year! < $1.year! }
        let own = ahead ?? cluster.targetList.first { $0.year == nil } ?? cluster.targetList.max { ($0.year ?? 0) < ($1.year ?? 0) }
        let target = own?.privateShare ?? Share(percent: 50)
        let onNet = !cluster.valuedTimeAllowed || own?.basis == .net
        let young = budget.age.map { $0 < 3 } ?? false
        let poleContract = cluster.kind == .pole && (2013...2018).contains(budget.year)
        let unset = own == nil && !poleContract
        let due = own != nil ? own?.year : poleContract ? 2016 : nil
        /// The part and the whole on a funder's definition: every line of the whole, or the funding lines only.
        func ownParts(totalIncome: Bool, valuedTime: Bool, own: Set<RevenueSourceID>) -> (Int64, Int64) {
            var part: Int64 = 0, whole: Int64 = 0
            for line in budget.resources {
                guard let source = catalog.source(line.source) else { continue }
                let sector = line.sector ?? source.sector
                if !totalIncome, line.passThrough || sector == .notFunding { continue }
                if !valuedTime, line.inKind ?? (source.nature == .inKind) { continue }
                whole &+= line.amount.minorUnits
                if sector == .private || (sector == .public && own.contains(line.source)) || (sector == .notFunding && totalIncome) {
                    part &+= line.amount.minorUnits
                }
            }
            return (part, whole)
        }
        let (part, base): (Int64, Int64)
        if let definition = own?.definition, cluster.valuedTimeAllowed || !definition.valuedTime {
            (part, base) = ownParts(
                totalIncome: definition.whole == .totalIncome, valuedTime: definition.valuedTime, own: Set(definition.ownResources))
        } else {
            (part, base) = onNet ? (privateCash, cash) : (privateAll, fundingBase)
        }
        let statesBasis = own?.basis != nil || own?.definition != nil
        let share = Share(money(part), of: money(base))
        let other = statesBasis ? nil : ownParts(totalIncome: true, valuedTime: !onNet, own: [])
        let otherShare = other.flatMap { Share(money($0.0), of: money($0.1)) }
        if !young, !(cluster.purpose == .publicService && unset), let share, let otherShare, (share < target) != (otherShare < target) {
            findings.append(
                Finding(
                    rule: "public-private-balance", severity: .note, measured: .share(share < target ? share : otherShare),
                    threshold: .share(target)))
        } else {
            let note = young || (cluster.purpose == .publicService && unset) || due.map { budget.year < $0 }
                ?? (cluster.purpose != .memberInterests)
            floor("public-private-balance", part, of: base, target, severity: note ? .note : .warning)
        }

        // declared-figures
        if let declared = cluster.declared?.selfFinancing,
            let nearest = [gross, net].compactMap({ $0.map { declared.distance(to: $0) } }).min(), nearest > Share(percent: 2)
        {
            findings.append(Finding(rule: "declared-figures", severity: .warning, measured: .share(nearest), threshold: .share(Share(percent: 2))))
        }

        // membership-fee-floor, billed-revenue-floor: a note when lines mixing fees and billing leave the floor
        // between the share's lowest and highest values.
        let mixed = mixedAsFees + mixedAsOthers
        // A note, not a warning, under 3 years of age.
        if !undecided("membership-fee-floor", low: fees - mixedAsFees, mixed: mixed, Share(percent: 15)) {
            floor("membership-fee-floor", fees, of: fundingBase, Share(percent: 15), severity: young ? .note : .warning)
        }
        if !undecided("billed-revenue-floor", low: privateCash - feesCash - mixedAsOthers, mixed: mixed, Share(percent: 20)) {
            floor("billed-revenue-floor", privateCash - feesCash, of: fundingBase, Share(percent: 20), severity: young ? .note : .warning)
        }

        // valued-time-ceiling: members' time only (secondments are a private contribution); an error when valued
        // time is not allowed at all.
        let memberTime = byKind[.memberTime] ?? 0
        if !cluster.valuedTimeAllowed {
            if memberTime != 0 { ceiling("valued-time-ceiling", memberTime, of: fundingBase, .zero, severity: .error) }
        } else if !undecidedCeiling("valued-time-ceiling", low: memberTime - mixedTime, high: memberTime, Share(percent: 15)) {
            ceiling("valued-time-ceiling", memberTime, of: fundingBase, Share(percent: 15))
        }

        // funder-dependency: public lines that do not name their funders, a note with no fix; then each funder, in
        // name order; the fix moves money to other funders.
        if aggregated != 0, let share = Share(money(aggregated), of: whole), share > Share(percent: 50) {
            findings.append(Finding(rule: "funder-dependency", severity: .note, measured: .share(share), threshold: .share(Share(percent: 50))))
        }
        for (_, amount) in funders.sorted(by: { $0.key < $1.key }) {
            let threshold = Share(percent: 50)
            guard let share = Share(money(amount), of: whole), share > threshold else { continue }
            findings.append(
                Finding(
                    rule: "funder-dependency", severity: .note, measured: .share(share), threshold: .share(threshold),
                    remediation: Share.transferToReach(threshold, part: money(amount), of: whole)?.magnitude))
        }

        // erdf-working-capital: European funds (passed on or not), events, services beyond their forecast, of every
        // resource line.
        let carried = try add(try add(erdf, events), servicesGrowth)
        if carried != 0, let share = Share(money(carried), of: money(total)) {
            findings.append(Finding(rule: "erdf-working-capital", severity: .note, measured: .share(share)))
        }

        // service-economics: each declared service's margin, net cost or real cost; those without a cost, counted.
        var servicesWithoutCost = 0
        for service in cluster.services {
            guard let cost = service.cost?.minorUnits else {
                servicesWithoutCost += 1
                continue
            }
            let revenue = service.revenue?.minorUnits ?? 0
            let measured = revenue == 0 ? cost : revenue >= cost ? revenue - cost : cost - revenue
            findings.append(Finding(rule: "service-economics", severity: .note, measured: .money(money(measured))))
        }
        if servicesWithoutCost > 0 {
            findings.append(Finding(rule: "service-economics", severity: .note, measured: .count(servicesWithoutCost)))
        }

        // event-risk
        ceiling("event-risk", events, of: fundingBase, Share(percent: 10), severity: .note)

        // satellite-entity
        for satellite in cluster.satellites where satellite.capturesBillableServices {
            findings.append(Finding(rule: "satellite-entity", severity: .note))
        }

        // service-critical-mass: members × uptake against the minimum, exactly.
        if let members = cluster.members {
            for service in cluster.services {
                let expected = Int128(members) * Int128(service.uptake.numerator)
                let minimum = Int128(service.minimumClients) * Int128(service.uptake.denominator)
                guard expected < minimum else { continue }
                findings.append(
                    Finding(
                        rule: "service-critical-mass", severity: .warning,
                        measured: .count(Int(clamping: expected / Int128(service.uptake.denominator))),
                        threshold: .count(service.minimumClients)))
            }
        }

        // success-fee-reliance
        ceiling("success-fee-reliance", successFees, of: fundingBase, Share(percent: 5))

        // success-fee-requalification: the private share once fees won on public calls count as public.
        if publicCallFees != 0 {
            if let before = Share(money(part), of: money(base)), let after = Share(money(part - publicCallFees), of: money(base)) {
                let flips = before >= target && after < target
                findings.append(
                    Finding(
                        rule: "success-fee-requalification", severity: young ? .note : flips ? .error : .warning, measured: .share(after),
                        threshold: .share(target),
                        remediation: after < target
                            ? Share.additionToReach(target, part: money(part - publicCallFees), of: money(base)) : nil))
            }
        }

        // success-fee-framework
        if successFees != 0, Share(money(successFees), of: whole) != nil {
            findings.append(Finding(rule: "success-fee-framework", severity: .note, measured: .money(money(successFees))))
        }

        // cluster-profile: placed whenever the members and the share are known.
        if cluster.members != nil, let share = cluster.valuedTimeAllowed ? gross : net {
            findings.append(Finding(rule: "cluster-profile", severity: .note, measured: .share(share)))
        }

        // consolidation-factors: more than 3 years, more than 50 members, monitoring tools.
        let age = budget.age.map { $0 > 3 }, enough = cluster.members.map { $0 > 50 }
        let monitoring = cluster.impactReporting ? true : cluster.analyticAccounting
        let held = [age, enough, monitoring].filter { $0 == true }.count
        if held < 3 {
            findings.append(Finding(rule: "consolidation-factors", severity: .note, measured: .count(held), threshold: .count(3)))
        }
        return findings

        /// Whether a floor is undecided because mixed lines put it between `low` and `low + mixed` of the total; if
        /// so, its note is found.
        func undecided(_ rule: String, low: Int64, mixed: Int64, _ threshold: Share) -> Bool {
            guard mixed != 0, let lowShare = Share(money(low), of: whole), let highShare = Share(money(low + mixed), of: whole),
                lowShare < threshold, highShare >= threshold
            else { return false }
            findings.append(Finding(rule: rule, severity: .note, threshold: .share(threshold)))
            return true
        }

        /// Whether a ceiling is undecided because lines that do not split put the share between `low` and `high` of
        /// the funding base; if so, its note is found.
        func undecidedCeiling(_ rule: String, low: Int64, high: Int64, _ threshold: Share) -> Bool {
            guard high != low, let lowShare = Share(money(low), of: money(fundingBase)),
                let highShare = Share(money(high), of: money(fundingBase)), lowShare <= threshold, highShare > threshold
            else { return false }
            findings.append(Finding(rule: rule, severity: .note, threshold: .share(threshold)))
            return true
        }

        /// A part that must be at least `threshold` of a whole; the fix adds to it (the whole grows with it).
        func floor(_ rule: String, _ part: Int64, of whole: Int64, _ threshold: Share, severity: Severity = .warning) {
            guard let share = Share(money(part), of: money(whole)), share < threshold else { return }
            findings.append(
                Finding(
                    rule: rule, severity: severity, measured: .share(share), threshold: .share(threshold),
                    remediation: Share.additionToReach(threshold, part: money(part), of: money(whole))))
        }

        /// A part that must be at most `threshold` of a whole; the fix removes from it (the whole shrinks with it).
        func ceiling(_ rule: String, _ part: Int64, of whole: Int64, _ threshold: Share, severity: Severity = .warning) {
            guard let share = Share(money(part), of: money(whole)), share > threshold else { return }
            findings.append(
                Finding(
                    rule: rule, severity: severity, measured: .share(share), threshold: .share(threshold),
                    remediation: Share.removalToReach(threshold, part: money(part), of: money(whole))))
        }
    }

    /// An overflow-checked sum.
    private static func add(_ a: Int64, _ b: Int64) throws(Invalid) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw Invalid(reason: "the amounts overflow") }
        return sum
    }
}
