import Foundation

/// Keeps a result alive so that the optimizer cannot drop the work that made it.
@_optimize(none)
func blackHole<T>(_ value: T) {}

/// The timings of one measurement, in nanoseconds per unit of work (a line, a rule, a year, a budget, a call).
struct Timing {
    /// One figure per repetition, sorted.
    var samples: [Double]

    init(_ samples: [Double]) { self.samples = samples.sorted() }

    /// The median repetition.
    var median: Double {
        let count = samples.count
        return count % 2 == 1 ? samples[count / 2] : (samples[count / 2 - 1] + samples[count / 2]) / 2
    }

    /// The fastest repetition.
    var minimum: Double { samples.first ?? 0 }
    /// The slowest repetition.
    var maximum: Double { samples.last ?? 0 }
    /// The spread of the repetitions: (slowest − fastest) / median.
    var spread: Double { median > 0 ? (maximum - minimum) / median : 0 }
}

/// How long to measure, and how many times.
struct Harness {
    /// `--quick`: one repetition, no calibration — checks that every measurement runs, not how fast.
    var quick: Bool

    /// The repetitions of a measurement: 9, fewer (at least 3) when one repetition takes long — a measurement
    /// should not last more than a few seconds.
    func repetitions(lasting duration: Duration) -> Int {
        guard !quick else { return 1 }
        let fit = duration > .zero ? Int(Duration.seconds(4) / duration) : 9
        return min(9, max(3, fit))
    }

    /// The shortest time one repetition should last; the body runs as many times as that takes.
    var sampleTime: Duration { quick ? .zero : .milliseconds(30) }

    /// Measures `body`, which does `units` units of work and returns something to keep: warm-up, calibration of the
    /// iterations per repetition, then the repetitions.
    func measure<R>(units: Int = 1, _ body: () -> R) -> Timing {
        let (iterations, lasting) = calibrate(body)
        return Timing((0..<repetitions(lasting: lasting)).map { _ in time(iterations, units: units, body) })
    }

    /// Measures several bodies — the sizes of a scaling measurement — with their repetitions interleaved: each
    /// repetition runs every body once, in turn, so that a change of the machine's load during the measurement hits
    /// every size alike rather than whichever was being measured. `units[i]` is the units of work of `bodies[i]`.
    func measureTogether<R>(units: [Int]? = nil, _ bodies: [() -> R]) -> [Timing] {
        let calibrations = bodies.map { calibrate($0) }
        let total = calibrations.reduce(Duration.zero) { $0 + $1.lasting }
        var samples = Array(repeating: [Double](), count: bodies.count)
        for _ in 0..<repetitions(lasting: total) {
            for index in bodies.indices {
                samples[index].append(time(calibrations[index].iterations, units: units?[index] ?? 1, bodies[index]))
            }
        }
        return samples.map(Timing.init)
    }

    /// Measures two bodies doing the same work, their repetitions interleaved so that a change of the machine's load
    /// hits both; returns both timings and the median of the per-repetition ratios `a / b`.
    func compare<A, B>(
        units: Int = 1, _ a: () -> A, _ b: () -> B
    ) -> (a: Timing, b: Timing, ratio: Double) {
        let (iterationsA, lastingA) = calibrate(a), (iterationsB, lastingB) = calibrate(b)
        var timesA: [Double] = [], timesB: [Double] = [], ratios: [Double] = []
        for _ in 0..<repetitions(lasting: lastingA + lastingB) {
            let x = time(iterationsA, units: units, a), y = time(iterationsB, units: units, b)
            timesA.append(x)
            timesB.append(y)
            ratios.append(x / y)
        }
        return (Timing(timesA), Timing(timesB), Timing(ratios).median)
    }

    /// As ``compare(units:_:_:)``, but each call's result is kept until the clock stops: the time of the calls
    /// alone, and apart from it the time their results take to free once dropped (on the calling thread), per unit.
    func compareKeeping<A, B>(
        units: Int = 1, _ a: () -> A, _ b: () -> B
    ) -> (a: Timing, b: Timing, ratio: Double, freeingA: Timing, freeingB: Timing) {
        let (iterationsA, lastingA) = calibrate(a), (iterationsB, lastingB) = calibrate(b)
        var timesA: [Double] = [], timesB: [Double] = [], ratios: [Double] = []
        var freeingA: [Double] = [], freeingB: [Double] = []
        for _ in 0..<repetitions(lasting: lastingA + lastingB) {
            let x = timeKeeping(iterationsA, units: units, a), y = timeKeeping(iterationsB, units: units, b)
            timesA.append(x.calls)
            timesB.append(y.calls)
            freeingA.append(x.freeing)
            freeingB.append(y.freeing)
            ratios.append(x.calls / y.calls)
        }
        return (Timing(timesA), Timing(timesB), Timing(ratios).median, Timing(freeingA), Timing(freeingB))
    }

    /// The time of `iterations` calls, their results kept, then the time the results take to free; per unit.
    private func timeKeeping<R>(_ iterations: Int, units: Int, _ body: () -> R) -> (calls: Double, freeing: Double) {
        var kept: [R] = []
        kept.reserveCapacity(iterations)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { kept.append(body()) }
        let called = clock.now
        kept.removeAll()
        let freed = clock.now
        let count = Double(iterations * max(units, 1))
        return (nanoseconds(called - start) / count, nanoseconds(freed - called) / count)
    }

    /// Warms the body up and returns how many runs one repetition needs to last `sampleTime`, and how long that
    /// repetition lasted.
    private func calibrate<R>(_ body: () -> R) -> (iterations: Int, lasting: Duration) {
        let clock = ContinuousClock()
        var iterations = 1
        while true {
            let elapsed = clock.measure { for _ in 0..<iterations { blackHole(body()) } }
            if quick || elapsed >= sampleTime { return (iterations, elapsed) }
            // Aim a little past the sample time; at least double, so that calibration ends quickly.
            let scale = elapsed > .zero ? sampleTime / elapsed * 1.2 : 10
            iterations = max(iterations * 2, Int(Double(iterations) * scale.rounded(.up)))
        }
    }

    /// One repetition: nanoseconds per unit.
    private func time<R>(_ iterations: Int, units: Int, _ body: () -> R) -> Double {
        let elapsed = ContinuousClock().measure { for _ in 0..<iterations { blackHole(body()) } }
        return nanoseconds(elapsed) / Double(iterations * max(units, 1))
    }
}

/// A duration in nanoseconds.
func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

/// A time in nanoseconds, with a unit that keeps 3 significant digits: `812 ns`, `12.4 µs`, `3.10 ms`, `1.25 s`.
func formatTime(_ nanoseconds: Double) -> String {
    let (value, unit): (Double, String) =
        switch nanoseconds {
        case ..<1e3: (nanoseconds, "ns")
        case ..<1e6: (nanoseconds / 1e3, "µs")
        case ..<1e9: (nanoseconds / 1e6, "ms")
        default: (nanoseconds / 1e9, "s")
        }
    return "\(significant(value)) \(unit)"
}

/// A number with 3 significant digits (no exponent).
func significant(_ value: Double) -> String {
    let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
    return String(format: "%.\(decimals)f", value)
}

/// A rate per second from nanoseconds per unit: `48.2 k/s`.
func formatRate(_ nanosecondsPerUnit: Double) -> String {
    let perSecond = 1e9 / nanosecondsPerUnit
    switch perSecond {
    case ..<1e3: return "\(significant(perSecond)) /s"
    case ..<1e6: return "\(significant(perSecond / 1e3)) k/s"
    default: return "\(significant(perSecond / 1e6)) M/s"
    }
}

/// A spread as a percentage: `±3%` is a 6% span between the fastest and slowest repetition.
func formatSpread(_ timing: Timing) -> String { "±\(String(format: "%.0f", timing.spread * 50))%" }

/// A ratio: `1.43×`.
func formatRatio(_ ratio: Double) -> String { String(format: "%.2f×", ratio) }

/// A plain-text table: a title, a header row and rows, columns padded; numbers right-aligned.
struct Table {
    var title: String
    var header: [String]
    var rows: [[String]] = []

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([title, line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
