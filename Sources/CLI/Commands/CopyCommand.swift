import ArgumentParser
import Foundation
import StudyStorages
import Hyperfront
import Studies

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a study between study files and PostgreSQL databases.",
        discussion: """
        SRC and DST are each a study file or a study URL (postgresql://USER@HOST:5432/DATABASE?study=NAME).
        The copy is exact: every trial as stored, intermediate reports, run settings and the model, so a
        copied study reports the same bytes and resumes the same way. DST must not exist yet. The password
        comes from the URL, PGPASSWORD or ~/.pgpass.
        """)

    @Argument(help: "The study to copy (a file or a study URL); only read.")
    var source: String

    @Argument(help: "Where to copy it (a file or a study URL); must not exist.")
    var destination: String

    func run() throws {
        let from: StudyLocation, to: StudyLocation
        do {
            from = try StudyLocation.parse(source)
            to = try StudyLocation.parse(destination)
        } catch { throw Console.badInput(error.description) }
        let summary: StudyCopy.Summary
        do { summary = try StudyCopy.copy(from: from, to: to) } catch { throw Console.badInput(error.description) }
        Console.note("copied \(summary.trials) trials, \(summary.intermediateReports) intermediate reports and \(summary.settings) settings from \(from) to \(to)")
    }
}
