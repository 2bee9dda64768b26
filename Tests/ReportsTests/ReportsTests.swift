import Foundation
import Testing
@testable import Reports
import Store

@Test func printFixture() throws {
    let path = try FixtureStudy.write()
    let r = try StudyReport(store: try StudyStore.open(path: path))
    print(TableFormat.render(r, all: false))
    print(MarkdownFormat.render(r, all: false))
    try HTMLFormat.render(r, all: false).write(toFile: "/tmp/fx2.html", atomically: true, encoding: .utf8)
    let p3 = try FixtureStudy.write(objectives: 3, count: 200)
    let r3 = try StudyReport(store: try StudyStore.open(path: p3))
    print(TableFormat.render(r3, all: false))
    try HTMLFormat.render(r3, all: false).write(toFile: "/tmp/fx3.html", atomically: true, encoding: .utf8)
}
