import Foundation

/// A for-profit entity the cluster created (SAS, SEM, …), which may take its billable services.
public struct Satellite: Hashable, Sendable, Codable {
    /// The entity's name (e.g. `"AinGIL"`).
    public var name: String
    /// Its legal form (e.g. `"SAS"`, `"SEM"`).
    public var form: String?
    /// Whether it sells the services the cluster could bill itself.
    public var capturesBillableServices: Bool

    /// Creates a satellite description.
    public init(name: String, form: String? = nil, capturesBillableServices: Bool = false) {
        self.name = name
        self.form = form
        self.capturesBillableServices = capturesBillableServices
    }

    public init(from decoder: any Decoder) throws {
        let fields = try FieldReader(decoder, allowed: ["name", "form", "capturesBillableServices"])
        name = try fields.required("name")
        form = try fields.optional("form")
        capturesBillableServices = try fields.optional("capturesBillableServices") ?? false
    }
}
