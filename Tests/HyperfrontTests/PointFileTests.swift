import Foundation
import Testing
@testable import Hyperfront

private func parse(_ text: [UInt8]) throws(PointFileError) -> [Double] {
    try PointFile.parse(Data(text), name: "p.csv").values
}

@Test func aByteOrderMarkBeforeTheFirstValueIsSkipped() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(try parse(bom + Array("1,2\n3,4\n".utf8)) == [1, 2, 3, 4])
    // Columns still count from the first value.
    do { _ = try parse(bom + Array("1,x\n".utf8)); Issue.record("expected an error") } catch {
        #expect(error.line == 1 && error.column == 3)
    }
}

@Test func onlyDecimalNumbersAreRead() throws {
    for (text, column) in [("0x10,1", 1), ("1,inf", 3), ("nan,1", 1), ("1, infinity", 4), ("0X1p3,2", 1), ("1e5,-2.5E-3", 0)] {
        do {
            let v = try parse(Array((text + "\n").utf8))
            #expect(column == 0, "\(text) read as \(v)")
        } catch {
            #expect(error.line == 1 && error.column == column, "\(text): \(error)")
            #expect(error.message.contains("is not a number") || error.message.contains("is not a finite number"), "\(text): \(error)")
        }
    }
    #expect(throws: PointFileError.self) { try PointFile.parseList("0x10,1", option: "--ref") }
    #expect(throws: PointFileError.self) { try PointFile.parseList("1,nan", option: "--ref") }
    #expect(try PointFile.parseList("1.5,-2e1", option: "--ref") == [1.5, -20])
}
