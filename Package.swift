// swift-tools-version: 6.0
// Hyperfront: multi-objective hyperparameter search (NSGA-II + exact integer programs).
import PackageDescription

/// Kernels are compiled with checked arithmetic off only where they say so in code (`&+`, `&*`);
/// release builds use the standard `-O`.
let package = Package(
    name: "Hyperfront",
    products: [
        .executable(name: "hyperfront", targets: ["HyperfrontCLI"]),
        .library(name: "Pareto", targets: ["Pareto"]),
        .library(name: "Hyperfront", targets: ["Hyperfront", "Samplers", "IntegerPrograms", "Training", "Evaluators", "Schedulers", "Store", "PostgresStore", "StudyStorages", "Studies", "Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The Pareto toolkit: dominance, sorting, crowding, hypervolume, indicators. No dependencies.
        .target(name: "Pareto"),
        // The one seeded random generator (xoshiro256**), shared by the core, the trainer and the tools. No dependencies.
        .target(name: "Randomness"),
        // Core model: search space, configurations, objectives, constraints, scenarios, RNG.
        .target(name: "Hyperfront", dependencies: ["Pareto", "Randomness", .product(name: "Yams", package: "Yams")]),
        // Samplers: NSGA-II and its operators, random, grid.
        .target(name: "Samplers", dependencies: ["Hyperfront", "Pareto", "LinearAlgebra"]),
        // Early stopping: multi-objective ASHA and Hyperband behind the core's scheduler seam.
        .target(name: "Schedulers", dependencies: ["Hyperfront", "Pareto"]),
        // GLPK: the only module that imports it.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "IntegerPrograms", dependencies: ["CGLPK", "Hyperfront"]),
        // OpenBLAS: the only module that calls it (BLAS products, LAPACK Cholesky).
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
        .target(name: "LinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "Training", dependencies: ["LinearAlgebra", "Randomness"]),
        // Times the trainer on the scikit-learn comparison setting (benchmarks/peers/bench-mlp.sh).
        .executableTarget(name: "mlp-bench", dependencies: ["Training", "Randomness"], path: "Sources/MLPBench"),
        // The supervisor that keeps a command trial's processes from outliving their run (fork/exec).
        .target(name: "CChildProcess"),
        // Evaluators: benchmark problems, the built-in MLP, external commands.
        .target(name: "Evaluators", dependencies: ["Hyperfront", "Training", "Pareto", "CChildProcess"]),
        // The study file (SQLite).
        .target(name: "Store", dependencies: ["Hyperfront", .product(name: "GRDB", package: "GRDB.swift")]),
        // A study in a PostgreSQL database (many studies per database, many machines per study).
        .target(name: "PostgresStore", dependencies: ["Hyperfront", .product(name: "PostgresNIO", package: "postgres-nio")]),
        // Where a study lives (a file or a study URL of a registered storage) and how to open it:
        // one place for every command. URL storages (PostgresStore) are linked by the program only.
        .target(name: "StudyStorages", dependencies: ["Hyperfront", "Store"]),
        // Runs a study: sampler + repair + evaluator + store.
        .target(name: "Studies", dependencies: ["Hyperfront", "Samplers", "IntegerPrograms", "Evaluators", "Schedulers", "Store", "StudyStorages", "Pareto"]),
        // Reports over the study file.
        .target(name: "Reports", dependencies: ["Hyperfront", "Pareto", "Store", "StudyStorages", "IntegerPrograms"]),
        .executableTarget(name: "HyperfrontCLI", dependencies: [
            "Hyperfront", "Pareto", "Samplers", "IntegerPrograms", "Evaluators", "Store", "PostgresStore", "StudyStorages", "Studies", "Reports",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/CLI"),

        // NSGA-II quality and speed on the ZDT/DTLZ benchmarks against pymoo's stored medians.
        .executableTarget(name: "bench-nsga2", dependencies: ["Hyperfront", "Pareto", "Samplers", "Evaluators"]),
        // Cost of the early-stopping schedulers' decisions (see its header).
        .executableTarget(name: "bench-scheduler", dependencies: ["LinearAlgebra", "Hyperfront", "Schedulers", "Samplers", "Evaluators", "Store", "Studies"]),

        // The Bayesian sampler's speed and sample efficiency (benchmarks/peers/bayes-vs-optuna.py).
        .executableTarget(name: "bench-bayes", dependencies: ["LinearAlgebra", "Hyperfront", "Samplers", "Evaluators", "IntegerPrograms", "Store", "Studies"]),

        .testTarget(name: "ParetoTests", dependencies: ["Pareto", "Randomness"]),
        .testTarget(name: "HyperfrontTests", dependencies: ["Hyperfront", "Studies", "Samplers", "Evaluators"]),
        .testTarget(name: "SamplersTests", dependencies: ["Samplers", "Hyperfront", "Pareto", "LinearAlgebra"]),
        .testTarget(name: "IntegerProgramsTests", dependencies: ["IntegerPrograms", "Hyperfront", "Studies"]),
        .testTarget(name: "SchedulersTests", dependencies: ["Schedulers", "Hyperfront", "Pareto"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Randomness"]),
        .testTarget(name: "EvaluatorsTests", dependencies: ["Evaluators", "Hyperfront", "Pareto", "Studies"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Hyperfront", "PostgresStore"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Store", "Hyperfront", "Evaluators", "Samplers"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Store", "Hyperfront", "Studies"], exclude: ["Golden"]),
        .testTarget(name: "CLITests", dependencies: ["HyperfrontCLI", "Randomness"]),
    ],
    swiftLanguageModes: [.v6]
)
