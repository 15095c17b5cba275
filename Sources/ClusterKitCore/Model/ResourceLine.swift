import Foundation

/// What a success fee rewards.
public enum SuccessFeeBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// A market the cluster helped a member win (conquête de marchés).
    case market
    /// A project the cluster helped win in a public call for projects (appel à projets): public money in disguise.
    case publicCall
}

/// The terms of a success fee: what it rewards and the fixed fee of the same engagement.
public struct SuccessFeeTerms: Hashable, Sendable {
    /// What the fee rewards.
    public var basis: SuccessFeeBasis
    /// The fixed engineering fee of the same engagement, against which the variable part should stay marginal.
    public var fixedFee: Money?

    /// Creates success-fee terms.
    public init(basis: SuccessFeeBasis, fixedFee: Money? = nil) {
        self.basis = basis
        self.fixedFee = fixedFee
    }
}

/// Who a sponsor is, for the conflict-of-interest check.
public struct SponsorTerms: Hashable, Sendable, Codable {
    /// Whether the sponsor is a member of the cluster.
    public var isMember: Bool
    /// Whether the sponsor has a direct interest in the cluster.
    public var directInterest: Bool

    /// Creates sponsor terms.
    public init(isMember: Bool = false, directInterest: Bool = false) {
        self.isMember = isMember
        self.directInterest = directInterest
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["isMember", "directInterest"])
        isMember = try fields.optional("isMember") ?? false
        directInterest = try fields.optional("directInterest") ?? false
    }
}

/// One line of the resources side of a plan of financing (ressources).
public struct ResourceLine: Hashable, Sendable, Encodable {
    /// The line's identifier, unique in the budget (default `resources[N]`).
    public var id: String
    /// The label as written in the cluster's own table.
    public var label: String?
    /// The revenue source.
    public var source: RevenueSourceID
    /// The amount.
    public var amount: Money
    /// The body that pays; when absent, the label stands for it.
    public var funder: String?
    /// Overrides the source's sector (e.g. a chamber of commerce's secondment is public).
    public var sector: Sector?
    /// Overrides the source's nature.
    public var inKind: Bool?
    /// The id of the expense (action) this resource is earmarked for.
    public var action: String?
    /// Success-fee terms, on success-fee lines only.
    public var successFee: SuccessFeeTerms?
    /// Sponsor terms, on sponsorship lines only.
    public var sponsor: SponsorTerms?
    /// Other sources the line also holds, in a part its table does not separate (Neopolia's « Contribution des
    /// adhérents (cotisations et facturations des services) »): rules that need the split say they cannot make it.
    public var includes: [RevenueSourceID] = []
    /// Money the cluster receives and passes on to partners (an EU project's partners' shares, co-financing paid to
    /// members): the line, and as much of the expense its ``action`` names, are left out of every share.
    public var passThrough = false
    /// Whether the file says the money is passed on by inference, not by publication (`"passThrough": "inferred"`):
    /// reports then say « inféré ».
    package var passThroughInferred = false

    /// Creates a resource line.
    public init(
        id: String, label: String? = nil, source: RevenueSourceID, amount: Money, funder: String? = nil,
        sector: Sector? = nil, inKind: Bool? = nil, action: String? = nil, successFee: SuccessFeeTerms? = nil,
        sponsor: SponsorTerms? = nil, passThrough: Bool = false
    ) {
        self.passThrough = passThrough
        self.id = id
        self.label = label
        self.source = source
        self.amount = amount
        self.funder = funder
        self.sector = sector
        self.inKind = inKind
        self.action = action
        self.successFee = successFee
        self.sponsor = sponsor
    }

    /// The funder this line counts for: its `funder`, else its label, else its id.
    package var funderName: String { funder ?? label ?? id }

    static let fields = [
        "id", "label", "source", "amount", "funder", "sector", "inKind", "action", "successFee", "sponsor", "includes",
        "passThrough",
    ]

    init(from decoder: any Decoder, index: Int, currency: CurrencyCode) throws {
        let fields = try FieldReader(decoder, allowed: Self.fields)
        id = try fields.optional("id") ?? "resources[\(index)]"
        label = try fields.optional("label")
        source = try fields.required("source")
        amount = try fields.amount("amount", currency: currency)
        funder = try fields.optional("funder")
        sector = try fields.choice("sector")
        inKind = try fields.optional("inKind")
        action = try fields.optional("action")
        if fields.has("successFee") {
            let terms = try FieldReader(try fields.decoder("successFee"), allowed: ["basis", "fixedFee"])
            successFee = SuccessFeeTerms(
                basis: try terms.choice("basis") ?? { throw terms.missing("basis") }(), fixedFee: try terms.optionalAmount("fixedFee", currency: currency))
        }
        sponsor = try fields.optional("sponsor")
        includes = try fields.optional("includes") ?? []
        // `true`, or `"inferred"` where the file infers it (the same amount on both sides of an account).
        if let word = try? fields.optional("passThrough", as: String.self) {
            guard word == "inferred" else {
                throw fields.fail("passThrough", "passThrough is true, false or \"inferred\", not '\(word)'")
            }
            passThrough = true
            passThroughInferred = true
        } else {
            passThrough = try fields.optional("passThrough") ?? false
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var out = FieldWriter(encoder)
        try out.write(id, "id")
        try out.write(label, "label")
        try out.write(source, "source")
        try out.write(amount, "amount")
        try out.write(funder, "funder")
        try out.write(sector, "sector")
        try out.write(inKind, "inKind")
        try out.write(action, "action")
        if let successFee {
            var nested = out.container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey("successFee"))
            try nested.encode(successFee.basis, forKey: AnyCodingKey("basis"))
            if let fixedFee = successFee.fixedFee {
                try nested.encode(fixedFee.decimalValue, forKey: AnyCodingKey("fixedFee"))
            }
        }
        try out.write(sponsor, "sponsor")
        try out.write(includes.isEmpty ? nil : includes, "includes")
        if passThroughInferred {
            try out.write("inferred", "passThrough")
        } else {
            try out.write(passThrough ? true : nil, "passThrough")
        }
    }
}
