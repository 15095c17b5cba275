/// One storage for a value's fields and its copies, copied when a copy is changed — as an array's buffer is.
///
/// A value type whose copies travel a lot (a diagnostic sorted and reported, a budget's report gathered with a
/// portfolio's) holds its fields in one of these: a copy costs one reference count rather than one per string and
/// list it holds, and a change through a copy that shares the storage copies it first. For that reason it is safe to
/// share between threads: the storage is changed only through the one value that holds the only reference to it.
///
/// ```swift
/// public struct Diagnostic {
///     private var storage: CopyOnWrite<DiagnosticFields>
///     public var lines: [String] { get { storage.fields.lines } _modify { yield &storage.fields.lines } }
/// }
/// ```
struct CopyOnWrite<Fields: Sendable>: Sendable {
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    /// The fields; changing them gives this value a storage of its own first, when another copy shares it.
    var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// Whether two values share one storage (their fields are then equal without comparing them).
    func isShared(with other: CopyOnWrite) -> Bool { box === other.box }
}
