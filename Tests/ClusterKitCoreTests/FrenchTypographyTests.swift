@testable import ClusterKitCore
import Testing

@Suite("French typography")
struct FrenchTypographyTests {
    /// The rules as first written, on characters: the reference the scalar reading is held to.
    static func reference(_ text: String) -> String {
        let noBreakSpace: Character = "\u{00A0}", narrowNoBreakSpace: Character = "\u{202F}"
        guard text.contains(where: { ":;?!«»%€".contains($0) }) else { return text }
        let characters = Array(text)
        func isThousands(after index: Int) -> Bool {
            guard index + 3 < characters.count, characters[(index + 1)...(index + 3)].allSatisfy(\.isNumber) else { return false }
            return index + 4 == characters.count || !(characters[index + 4].isNumber || characters[index + 4].isLetter)
        }
        var out: [Character] = []
        var previous: Character?
        for (index, character) in characters.enumerated() {
            switch character {
            case "%", "€":
                if out.last == " " { out[out.count - 1] = noBreakSpace }
            case ":", ";", "?", "!":
                if out.last == " " { out[out.count - 1] = character == ":" ? noBreakSpace : narrowNoBreakSpace }
            case "»":
                if out.last == " " {
                    out[out.count - 1] = noBreakSpace
                } else if let last = out.last, last != noBreakSpace, last != narrowNoBreakSpace, last != "«" {
                    out.append(noBreakSpace)
                }
            case " " where out.last?.isNumber == true && isThousands(after: index):
                out.append(narrowNoBreakSpace)
                previous = character
                continue
            default:
                if previous == "«" {
                    if character == " " {
                        out.append(noBreakSpace)
                        previous = character
                        continue
                    } else if character != noBreakSpace, character != narrowNoBreakSpace, character != "»" {
                        out.append(noBreakSpace)
                    }
                }
            }
            out.append(character)
            previous = character
        }
        return String(out)
    }

    @Test("Published examples: « : », « % », « € », guillemets and groups of thousands")
    func examples() {
        let nb = "\u{00A0}", nnb = "\u{202F}"
        #expect(FrenchTypography.applied(to: "Source : p. 9 ; 49,8 % de 1 227 000 € !")
            == "Source\(nb): p. 9\(nnb); 49,8\(nb)% de 1\(nnb)227\(nnb)000\(nb)€\(nnb)!")
        #expect(FrenchTypography.applied(to: "«Autofinancement»") == "«\(nb)Autofinancement\(nb)»")
        #expect(FrenchTypography.applied(to: "2012 2013 : 12 1234") == "2012 2013\(nb): 12 1234")
        #expect(FrenchTypography.applied(to: "https://example.org 1 000") == "https://example.org 1\(nnb)000", "no space added before the colon")
        #expect(FrenchTypography.applied(to: "1 000 et 2 500") == "1 000 et 2 500", "no mark: left as it is")
    }

    @Test("The scalar reading gives what the character reading gave, on 20,000 texts of the marks, digits and letters")
    func sameAsCharacters() {
        let alphabet: [String] = [
            " ", " ", " ", ":", ";", "?", "!", "«", "»", "%", "€", "0", "1", "2", "9", "a", "Z", "é", "\u{00A0}", "\u{202F}",
            "٣", "½", "x", ".", ",", "\n",
        ]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let text = (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(FrenchTypography.applied(to: text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
