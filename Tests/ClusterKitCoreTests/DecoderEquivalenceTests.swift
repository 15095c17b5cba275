import ClusterKitCore
import Foundation
import Testing
import TestSupport

/// How a JSON document decodes, through ClusterKit's one-pass decoder or through Foundation's `JSONDecoder` (the
/// path a host's own decoding of a public type takes).
package func decoded<T: Decodable>(_ type: T.Type, _ data: Data, foundation: Bool) -> Result<T, InputError> {
    do throws(InputError) {
        return .success(
            foundation
                ? try JSONInput.decodeWithFoundation(T.self, from: data, file: "x.json")
                : try JSONInput.decode(T.self, from: data, file: "x.json"))
    } catch {
        return .failure(error)
    }
}

/// The difference between two outcomes of decoding `data`, or `nil` when they agree: equal values, or errors of the
/// same path and reason. Where Foundation's `JSONDecoder` says only « not valid JSON » (a syntax error, or a number
/// it cannot hold, which it reports without a place), ClusterKit's decoder must report a syntax error too, with its
/// place. `JSONDecoder` checks a string or a number only when it is read, so that it may first meet another fault
/// (an unknown field) in a document that is not JSON at all: ClusterKit's decoder, which checks the syntax first,
/// reports the syntax error, and `JSONSerialization` must agree that the document is not JSON.
package func difference<T: Equatable>(
    _ ours: Result<T, InputError>, _ foundation: Result<T, InputError>, data: Data
) -> String? {
    switch (ours, foundation) {
    case (.success(let a), .success(let b)):
        return a == b ? nil : "different values:\n\(a)\n\(b)"
    case (.failure(let a), .failure(let b)):
        let syntax = a.path.isEmpty && a.reason.hasPrefix("not valid JSON: ") && a.line != nil && a.column != nil
        if b.reason == "not valid JSON" { return syntax ? nil : "Foundation finds no valid JSON, ClusterKit says \(a)" }
        if syntax {
            return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil
                ? nil : "ClusterKit finds no valid JSON (\(a)) in a document JSONSerialization reads; JSONDecoder says \(b)"
        }
        return a.path == b.path && a.reason == b.reason ? nil : "different errors:\n\(a)\n\(b)"
    case (.success(let a), .failure(let b)):
        return "ClusterKit reads \(a), Foundation fails: \(b)"
    case (.failure(let a), .success(let b)):
        return "ClusterKit fails: \(a), Foundation reads \(b)"
    }
}

/// The difference between the two decoders on one document, read as each of the documents ClusterKit reads.
func differences(_ data: Data) -> [String] {
    func one<T: Decodable & Equatable>(_ type: T.Type) -> String? {
        difference(decoded(T.self, data, foundation: false), decoded(T.self, data, foundation: true), data: data)
            .map { "\(T.self): \($0)" }
    }
    return [one(Budget.self), one(BudgetHistory.self), one(Configuration.Document.self)].compactMap { $0 }
}

/// Every JSON document of the repository's examples and fuzz corpora, by path.
func corpusDocuments() throws -> [(String, Data)] {
    var paths: [String] = []
    let manager = FileManager.default
    for folder in ["Examples", "Fuzz/seeds/budget-decoder", "Fuzz/seeds/configuration", "Fuzz/regressions", "Tests/Fixtures"] {
        guard let walker = manager.enumerator(atPath: repositoryFile(folder).path) else { continue }
        for case let path as String in walker where !path.contains(".build") {
            let full = folder + "/" + path
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: repositoryFile(full).path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // The examples' and fixtures' JSON; every file of the fuzz corpora, whatever its name.
            if full.hasSuffix(".json") || full.hasPrefix("Fuzz/") { paths.append(full) }
        }
    }
    return try paths.sorted().map { ($0, try Data(contentsOf: repositoryFile($0))) }
}

/// Documents made from one by changing one value: a number, a string, a field, as a careless hand would.
func mutants(of text: String) -> [String] {
    var result: [String] = []
    func replacingFirst(_ pattern: String, with replacements: [String]) {
        guard let range = text.range(of: pattern, options: .regularExpression) else { return }
        for replacement in replacements { result.append(text.replacingCharacters(in: range, with: replacement)) }
    }
    replacingFirst(#""amount": *[0-9.eE+-]+"#, with: [
        #""amount": -5"#, #""amount": 1.234"#, #""amount": "1227000.50""#, #""amount": null"#, #""amount": "12,5""#,
        #""amount": 1e2"#, #""amount": 1E400"#, #""amount": -0"#, #""amount": 12.345"#, #""amount": true"#, #""amount": [1]"#,
        #""amount": 92233720368547758.07"#, #""amount": 92233720368547758.08"#, #""amount": 0e500"#, #""amount": 1.50000000000000000000001"#,
        #""amount": 100000000000000000000000"#, #""amount": "-3""#, #""amount": {}"#,
    ])
    replacingFirst(#""year": *[0-9]+"#, with: [
        #""year": "2013""#, #""year": 1.5"#, #""year": 2.013e3"#, #""year": null"#, #""year": 1700"#, #""year": 2013.0"#,
        #""year": 99999999999999999999"#,
    ])
    replacingFirst(#""source": *"[^"]*""#, with: [#""source": 5"#, #""source": "regoin""#, #""sourc": "region""#, #""source": null"#])
    replacingFirst(#""name": *"[^"]*""#, with: [
        #""name": "\u00e9t\u00E9 \ud83d\ude00""#, #""name": "a\"b\\c\/d\b\f\n\r\t""#, #""name": []"#, #""name": null"#,
    ])
    replacingFirst(#""cluster": *\{"#, with: [#""cluster": null, "x": {"#, #""cluster": [], "x": {"#, #""cluster": {"members": -1, "#])
    replacingFirst(#""resources": *\["#, with: [#""resources": {"a": ["#, #""resources": null, "x": ["#, #""resources": [null, "#])
    replacingFirst(#""format": *"[^"]*""#, with: [#""format": "clusterkit.budget/2""#, #""format": 1"#, #""zformat": 1, "aformat": 2"#])
    replacingFirst(#"\}\s*$"#, with: [#", }"#, #", "forecast": {"x": 1, "x": 2} }"#, #", "reserves": "1.5" }"#])
    return result
}

@Suite("ClusterKit's one-pass JSON decoder and Foundation's JSONDecoder agree")
struct DecoderEquivalenceTests {
    @Test("Every JSON document of Examples/, Tests/Fixtures and the fuzz corpora decodes to the same value or error")
    func corpus() throws {
        let documents = try corpusDocuments()
        #expect(documents.count > 20, "the corpus is read")
        for (path, data) in documents {
            for difference in differences(data) { Issue.record("\(path): \(difference)") }
        }
    }

    @Test("Documents with one value changed give the same errors (path and reason) or values")
    func mutated() throws {
        var count = 0
        for (path, data) in try corpusDocuments() where path.hasPrefix("Examples/") || path.hasPrefix("Fuzz/seeds") {
            guard let text = String(data: data, encoding: .utf8) else { continue }
            for mutant in mutants(of: text) {
                count += 1
                for difference in differences(Data(mutant.utf8)) { Issue.record("\(path), changed: \(difference)\n\(mutant.prefix(300))") }
            }
        }
        #expect(count > 200)
    }

    @Test("Odd documents: scalars, empty objects, nulls, deep nesting, escapes, invalid UTF-8",
          arguments: [
            "", " ", "null", "[]", "{}", "\"x\"", "12", "true", "[1,]", "{\"a\":1,}", "01", "[1 2]", "{\"a\" 1}",
            "{\"cluster\": {\"name\": \"\\ud83d\"}}", "{\"cluster\": {\"name\": \"\\udc00x\"}}", "{\"cluster\": {\"name\": \"a\u{1}\"}}",
            "{\"cluster\": {\"name\": \"\\x\"}}", "{\"cluster\": {\"name\": \"\\u00\"}}", "{\"years\": []}", "{\"years\": [{}]}",
            "{\"years\": [{\"year\": 2013, \"total\": 5, \"private\": 6}]}", "{\"rules\": {\"x\": null}}", "{\"rules\": null}",
            "{\"rules\": {\"a\": {\"parameters\": {\"p\": 1e400}}}}", "{\"suppressions\": {}}", "{\"cluster\": 1, \"cluster\": 2}",
            String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
            String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
            "\u{FEFF}{\"rules\": {}}",
          ])
    func odd(_ text: String) {
        for difference in differences(Data(text.utf8)) { Issue.record("\(text.prefix(80).debugDescription): \(difference)") }
    }

    @Test("Invalid UTF-8 is a syntax error at its byte, never a crash or a repaired string")
    func invalidUTF8() throws {
        for bytes: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
            let data = Data(#"{ "cluster": { "name": "ab"#.utf8) + Data(bytes) + Data(#"" } }"#.utf8)
            let error = try #require(throws: InputError.self) { try JSONInput.decode(Budget.self, from: data, file: "x.json") }
            #expect(error.description == "x.json:1:27: not valid JSON: invalid UTF-8", "\(bytes)")
            #expect(differences(data).isEmpty, "\(bytes)")
        }
    }

    @Test("The comparison finds a difference when there is one")
    func comparisonCanFail() {
        let one = Data(#"{ "cluster": { "name": "A" }, "year": 2013, "resources": [], "expenses": [] }"#.utf8)
        let other = Data(#"{ "cluster": { "name": "B" }, "year": 2013, "resources": [], "expenses": [] }"#.utf8)
        let wrong = Data(#"{ "cluster": { "name": "B" }, "year": 2013, "resources": [], "expenses": [{}] }"#.utf8)
        #expect(difference(decoded(Budget.self, one, foundation: false), decoded(Budget.self, other, foundation: true), data: other) != nil)
        #expect(difference(decoded(Budget.self, wrong, foundation: false), decoded(Budget.self, other, foundation: true), data: other) != nil)
        #expect(difference(decoded(Budget.self, one, foundation: false), decoded(Budget.self, one, foundation: true), data: one) == nil)
    }
}

@Suite("The one-pass JSON decoder: syntax errors at their line and column, exact amounts")
struct OnePassDecoderTests {
    func error(_ text: String) -> InputError? {
        do throws(InputError) {
            _ = try JSONInput.decode(Budget.self, from: Data(text.utf8), file: "budget.json")
            return nil
        } catch {
            return error
        }
    }

    @Test("A syntax error names its line, its column and what is wrong there",
          arguments: [
            ("{\n  \"cluster\": {\"name\": x }\n}", "budget.json:2:23: not valid JSON: expected a value, found 'x'"),
            (#"{ "rules": [ } "#, "budget.json:1:14: not valid JSON: expected a value, found '}'"),
            (#"{ "cluster": "#, "budget.json:1:14: not valid JSON: expected a value, found the end of the document"),
            (#"{ "a": 1 } x"#, "budget.json:1:12: not valid JSON: unexpected 'x' after the end of the document"),
            (#"{ "a" 1 }"#, "budget.json:1:7: not valid JSON: expected ':' after the field name, found '1'"),
            (#"{ a: 1 }"#, "budget.json:1:3: not valid JSON: expected a field name in double quotes, found 'a'"),
            (#"{ "amount": 12,5 }"#,
             "budget.json:1:16: not valid JSON: expected a field name in double quotes, found '5' (a decimal comma? JSON writes decimals with a point: 12.5, not 12,5)"),
            (#"{ "a": 1, 2 }"#, "budget.json:1:11: not valid JSON: expected a field name in double quotes, found '2' (a decimal comma? JSON writes decimals with a point: 12.5, not 12,5)"),
            (#"{ "a": "x", 2 }"#, "budget.json:1:13: not valid JSON: expected a field name in double quotes, found '2'"),
            (#"{ "a": [1 2] }"#, "budget.json:1:11: not valid JSON: expected ',' or ']', found '2'"),
            (#"{ "a": "abc"#, "budget.json:1:8: not valid JSON: a string is not closed"),
            (#"{ "a": "\x" }"#, #"budget.json:1:9: not valid JSON: invalid escape '\x' in a string"#),
            (#"{ "a": "\ud83d" }"#, #"budget.json:1:9: not valid JSON: \u escape of a high surrogate without a low one after it"#),
            (#"{ "a": "\ude00" }"#, #"budget.json:1:9: not valid JSON: \u escape of a low surrogate without a high one before it"#),
            (#"{ "a": "\u12" }"#, #"budget.json:1:9: not valid JSON: a \u escape needs four hexadecimal digits"#),
            ("{ \"a\": \"x\ty\" }", #"budget.json:1:10: not valid JSON: control character U+0009 in a string: write it as an escape (\u0009)"#),
            (#"{ "a": 012 }"#, "budget.json:1:8: not valid JSON: a number does not start with 0 before another digit"),
            (#"{ "a": 1. }"#, "budget.json:1:8: not valid JSON: a number needs a digit after its decimal point"),
            (#"{ "a": -x }"#, "budget.json:1:8: not valid JSON: a number needs a digit after '-'"),
            (#"{ "a": 1e }"#, "budget.json:1:8: not valid JSON: a number needs a digit in its exponent"),
            (#"{ "a": tru }"#, "budget.json:1:8: not valid JSON: expected a value, found 't'"),
            ("", "budget.json:1:1: not valid JSON: expected a value, found the end of the document"),
            (String(repeating: "[", count: 513), "budget.json:1:513: not valid JSON: more than 512 levels of nested arrays and objects"),
            (#"{ "cluster": { "name": "x" }, "year": 2013.5 }"#,
             "budget.json:1:39: not valid JSON: expected a whole number ClusterKit can hold, found 2013.5"),
            (#"{ "cluster": { "name": "x" }, "year": 1e20 }"#,
             "budget.json:1:39: not valid JSON: expected a whole number ClusterKit can hold, found 1e20"),
          ])
    func syntax(_ text: String, _ expected: String) throws {
        let found = try #require(error(text))
        #expect(found.description == expected)
    }

    @Test("Nesting up to 512 levels is read (then refused as no budget), 100,000 levels is a syntax error, not a crash")
    func nesting() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try #require(error(deepest)).description == "budget.json: expected an object")
        let abyss = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try #require(error(abyss)).reason.hasPrefix("not valid JSON: more than 512 levels"))
    }

    func amount(_ written: String) -> Result<Int64, InputError> {
        let text = #"{ "cluster": { "name": "x" }, "year": 2013, "resources": [{ "source": "region", "amount": \#(written) }], "expenses": [] }"#
        do throws(InputError) {
            return .success(try JSONInput.decode(Budget.self, from: Data(text.utf8), file: nil).resources[0].amount.minorUnits)
        } catch {
            return .failure(error)
        }
    }

    @Test("Amounts go from their decimal text to cents exactly, as they always did")
    func amounts() {
        #expect(amount("1e5") == .success(10_000_000))
        #expect(amount("1227000.50") == .success(122_700_050))
        #expect(amount("\"1227000.50\"") == .success(122_700_050))
        #expect(amount("-0") == .success(0))
        #expect(amount("0.10e1") == .success(100))
        #expect(amount("92233720368547758.07") == .success(Int64.max))
        #expect(amount("12.345") == .failure(InputError(path: "resources[0].amount", reason: "amount 12.345 has more than two decimals")))
        #expect(amount("-5") == .failure(InputError(path: "resources[0].amount", reason: "negative amount -5: amounts are written positive")))
        #expect(amount("92233720368547758.08")
            == .failure(InputError(path: "resources[0].amount", reason: "amount 92233720368547758.08 is too large to hold exactly")))
        #expect(amount("1e400")
            == .failure(InputError(path: "resources[0].amount", reason: #"an amount must be a number or a string such as "1227000.50""#)))
    }

    @Test("Escapes and surrogate pairs give the text they stand for; a key given twice keeps its first value")
    func text() throws {
        let text = #"{ "cluster": { "name": "\u00e9t\u00E9 \ud83d\ude00 \"q\" \\ \/ \t", "name": "second" }, "year": 2013, "resources": [], "expenses": [] }"#
        let budget = try JSONInput.decode(Budget.self, from: Data(text.utf8), file: nil)
        #expect(budget.cluster.name == "été 😀 \"q\" \\ / \t")
    }
}

@Suite("The one-pass JSON decoder reads UTF-16 and UTF-32 as Foundation's JSONDecoder does")
struct OnePassDecoderEncodingTests {
    @Test("A budget in UTF-16 (with or without its byte-order mark) or UTF-32 decodes as in UTF-8",
          arguments: [String.Encoding.utf16, .utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian])
    func encodings(_ encoding: String.Encoding) throws {
        let text = try String(contentsOf: repositoryFile("Examples/mecabourg-2013.json"), encoding: .utf8)
        let expected = try JSONInput.decode(Budget.self, from: Data(text.utf8), file: nil)
        let data = try #require(text.data(using: encoding))
        #expect(try JSONInput.decode(Budget.self, from: data, file: nil) == expected)
        #expect(differences(data).isEmpty, "Foundation reads it alike")
        // A syntax error's line and column are those of the text.
        let broken = try #require("{\n  \"cluster\": {\"name\": x }\n}".data(using: encoding))
        let error = try #require(throws: InputError.self) { try JSONInput.decode(Budget.self, from: broken, file: "b.json") }
        #expect(error.description == "b.json:2:23: not valid JSON: expected a value, found 'x'")
    }
}
