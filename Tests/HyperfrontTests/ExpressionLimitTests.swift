import Testing
@testable import Hyperfront

@Test func deepFormulasAreRefusedWithTheirPosition() throws {
    let cases = [
        String(repeating: "(", count: 8000) + "units" + String(repeating: ")", count: 8000),
        String(repeating: "-", count: 100_000) + "units",
        String(repeating: "2^", count: 50_000) + "2",
        String(repeating: "max(", count: 5000) + "1" + String(repeating: ")", count: 5000),
    ]
    for text in cases {
        do {
            _ = try Expression.parse(text)
            Issue.record("accepted \(text.prefix(20))…")
        } catch {
            #expect(error.message.contains("nests more than 200 levels"), "\(error.message)")
            #expect(error.offset > 190 && error.offset < 1000, "\(error.offset)")
        }
    }
    // Within the limit, deep nesting still parses and evaluates.
    let ok = String(repeating: "(", count: 150) + "units" + String(repeating: ")", count: 150)
    #expect(try Expression.parse(ok).evaluate { _ in 3 } == 3)
    #expect(try Expression.parse(String(repeating: "-", count: 150) + "2").evaluate { _ in 0 } == 2)
}

@Test func longChainsAndProductsOfSumsAreBounded() throws {
    let chain = Array(repeating: "units", count: 100_000).joined(separator: " + ")
    do { _ = try Expression.parse(chain); Issue.record("accepted a 100,000-term chain") } catch {
        #expect(error.message.contains("chains more than 2000 operators"))
    }
    let fine = Array(repeating: "units", count: 1000).joined(separator: " + ")
    #expect(try Expression.parse(fine).evaluate { _ in 2 } == 2000)
    // 2^20 terms once multiplied out.
    let product = Array(repeating: "(a + b)", count: 20).joined(separator: "*")
    do { _ = try Expression.parse(product); Issue.record("accepted a product of 20 sums") } catch {
        #expect(error.message.contains("multiplies out to 1048576 additive terms"))
    }
    #expect(try Expression.parse(Array(repeating: "(a + b)", count: 10).joined(separator: "*")).additiveTerms.count == 1024)
}
