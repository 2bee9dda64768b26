// Times the built-in trainer on the scikit-learn comparison setting and prints figures.
//
// Usage: mlp-bench DIGITS_CSV TRAIN_IDX_CSV TEST_IDX_CSV [REPEATS]
// Setting: digits, the given 80/20 split, standardised on the training rows, hidden (128, 64),
// relu, Adam 1e-3, batch 32, 50 epochs, L2 1e-4, one BLAS thread. Prints one JSON line.
import Foundation
import Randomness
import Training

func readIndices(_ path: String) -> [Int] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
        exit(2)
    }
    return text.split(whereSeparator: \.isNewline).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
}

let args = CommandLine.arguments
guard args.count >= 4 else {
    FileHandle.standardError.write("usage: mlp-bench DIGITS_CSV TRAIN_IDX_CSV TEST_IDX_CSV [REPEATS]\n".data(using: .utf8)!)
    exit(2)
}
let repeats = args.count > 4 ? Int(args[4]) ?? 3 : 3
let all: Dataset
do { all = try Dataset.load(csv: args[1]) } catch {
    FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
    exit(2)
}
let rawTrain = all.subset(readIndices(args[2])), rawTest = all.subset(readIndices(args[3]))
let scaler = Standardizer(fitting: rawTrain)
let train = scaler.apply(to: rawTrain), test = scaler.apply(to: rawTest)
let config = TrainingConfiguration(hidden: [128, 64], activation: .relu, initializer: .glorotUniform, optimizer: .adam,
                                   learningRate: 1e-3, batchSize: 32, epochs: 50, l2: 1e-4)
var times: [Double] = []
var accuracies: [Double] = []
var last: TrainingResult? = nil
for r in 0..<repeats {
    var seeded = RandomSource(seed: UInt64(r))
    let result = try Trainer.train(config, train: train, validation: test, monitorValidation: false, using: &seeded)
    times.append(result.seconds)
    accuracies.append(result.validation.accuracy)
    last = result
}
let sortedTimes = times.sorted()
let median = sortedTimes[sortedTimes.count / 2]
let meanAccuracy = accuracies.reduce(0, +) / Double(accuracies.count)
let r = last!
print("{\"fit_seconds_median\": \(median), \"ms_per_epoch\": \(median / Double(r.epochsRun) * 1000), "
      + "\"accuracy_seed0\": \(accuracies[0]), \"accuracy_mean\": \(meanAccuracy), \"accuracies\": \(accuracies), "
      + "\"macro_f1_last\": \(r.validation.f1), \"params\": \(r.parameterCount), \"train_loss_last\": \(r.trainLoss), "
      + "\"n_train\": \(train.rows), \"n_validation\": \(test.rows)}")
