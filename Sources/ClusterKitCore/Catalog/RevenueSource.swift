/// A kind of resource a cluster's budget can hold: its identifier, sector, nature and names.
///
/// ClusterKit ships the memento's catalogue (the ``Catalog/sources`` of ``Catalog/builtIn``). A host program adds its own sources by
/// conforming a value type to this protocol and passing a ``Catalog`` that holds them — there is no global
/// registry:
///
/// ```swift
/// struct RegionalVoucher: RevenueSource {
///     var id: RevenueSourceID { "regionalVoucher" }
///     var sector: Sector { .public }
///     var nature: ResourceNature { .cash }
///     var kind: RevenueKind { .subsidy }
///     func name(in language: Language) -> String {
///         language == .french ? "Chèque innovation régional" : "Regional innovation voucher"
///     }
/// }
/// let catalog = try Catalog.builtIn.adding(RegionalVoucher())
/// ```
public protocol RevenueSource: Sendable {
    /// The identifier budget files use in `resources[].source`.
    var id: RevenueSourceID { get }
    /// The sector of the money by default; a resource line may override it.
    var sector: Sector { get }
    /// The nature of the resource by default; a resource line may override it.
    var nature: ResourceNature { get }
    /// The family the memento's rules count this source in.
    var kind: RevenueKind { get }
    /// The source's name in a language, for reports.
    func name(in language: Language) -> String
}
