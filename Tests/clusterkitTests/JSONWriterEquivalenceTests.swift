import Foundation
import Testing
import TestSupport

@testable import clusterkit

/// The JSON and SARIF reports, written by `JSONWriter`, are byte for byte what `JSONEncoder` (`[.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes]`, the renderers' encoder before) writes for the same values: each example's
/// report is read back into plain JSON values and encoded again, and the two texts must be equal — key order,
/// escaping, layout and numbers included. (The recorded reports, `GoldenReportTests`, hold the values themselves.)
@Suite("JSON writer against JSONEncoder, on every example's report")
struct JSONWriterEquivalenceTests {
    /// Any JSON value, numbers kept exact.
    enum Value: Codable, Equatable {
        case null
        case bool(Bool)
        case number(Decimal)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? container.decode(Decimal.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let array = try? container.decode([Value].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: Value].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let bool): try container.encode(bool)
            case .number(let number): try container.encode(number)
            case .string(let string): try container.encode(string)
            case .array(let array): try container.encode(array)
            case .object(let object): try container.encode(object)
            }
        }
    }

    static func reencoded(_ text: String) throws -> String {
        let value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    @Test("Every example's JSON and SARIF report, in both languages, is what JSONEncoder writes for its values",
          arguments: ["json", "sarif"])
    func reports(format: String) throws {
        var compared = 0
        for file in try exampleBudgetFiles() {
            for language in ["en", "fr"] {
                let arguments = ["check", repositoryRoot.appendingPathComponent(file).path, "--format", format,
                                 "--language", language, "--rules", "all", "--show-suppressed"]
                let output = Tool.run(arguments)
                guard output.stdout.hasPrefix("{") else { continue }
                let again = try Self.reencoded(output.stdout)
                #expect(output.stdout == again, "\(format) \(language) of \(file)")
                compared += 1
            }
        }
        #expect(compared > 20)
    }

    @Test("A grouped report (clusters[], trajectories, targets) is what JSONEncoder writes for its values",
          arguments: ["json", "sarif"])
    func groupedReport(format: String) throws {
        let folder = try FunderFolderTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in ["en", "fr"] {
            let output = Tool.run(["check", folder.path, "--format", format, "--language", language])
            #expect(output.stdout.hasPrefix("{"))
            #expect(output.stdout == (try Self.reencoded(output.stdout)), "\(format) \(language)")
            if format == "json" { #expect(output.stdout.contains("\"clusters\" : [")) }
        }
    }

    @Test("A value the encoder writes otherwise is caught: the comparison can fail")
    func comparisonCanFail() throws {
        // Keys out of order, and an escaped slash: the encoder sorts and leaves slashes alone.
        #expect(try Self.reencoded("{\n  \"b\" : 1,\n  \"a\" : \"x\\/y\"\n}\n") != "{\n  \"b\" : 1,\n  \"a\" : \"x\\/y\"\n}\n")
        #expect(try Self.reencoded("{\n  \"a\" : \"x/y\",\n  \"b\" : 1\n}\n") == "{\n  \"a\" : \"x/y\",\n  \"b\" : 1\n}\n")
    }
}
