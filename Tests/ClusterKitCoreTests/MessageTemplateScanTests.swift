@testable import ClusterKitCore
import Testing

@Suite("Reading templates")
struct MessageTemplateScanTests {
    /// A template's pieces: literal text as `L…`, placeholders as `P…`, runs of literal text joined.
    static func pieces(_ text: String) -> [String] {
        var out: [String] = []
        MessageTemplate.scan(
            text,
            literal: { if let last = out.last, last.hasPrefix("L") { out[out.count - 1] += $0 } else { out.append("L" + $0) } },
            placeholder: { out.append("P" + $0) })
        return out
    }

    /// The reading as first written, a character at a time: the reference.
    static func reference(_ text: String) -> [String] {
        var out: [String] = []
        var name: String?
        for character in text {
            if character == "{" {
                name = ""
            } else if character == "}", let current = name {
                out.append("P" + current)
                name = nil
            } else if name != nil {
                name!.append(character)
            } else if let last = out.last, last.hasPrefix("L") {
                out[out.count - 1].append(character)
            } else {
                out.append("L" + String(character))
            }
        }
        return out
    }

    @Test("Placeholders, words chosen by a number, stray and unclosed braces")
    func examples() {
        #expect(Self.pieces("{count} {count|ligne|lignes} à {share} €") == ["Pcount", "L ", "Pcount|ligne|lignes", "L à ", "Pshare", "L €"])
        #expect(Self.pieces("a}b{c") == ["La}b"], "a stray } is text; an unclosed { is dropped")
        #expect(Self.pieces("{{x}y") == ["Px", "Ly"], "a second { starts the name again")
        #expect(Self.pieces("") == [])
    }

    @Test("Reading by bytes gives what reading by characters gave, on 20,000 texts of braces and letters")
    func sameAsCharacters() {
        let alphabet = ["{", "}", "|", "a", "é", "«", " ", "€", "\u{00A0}", "x"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let text = (0..<next(16)).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(Self.pieces(text) == Self.reference(text), "\(text)")
        }
    }
}
