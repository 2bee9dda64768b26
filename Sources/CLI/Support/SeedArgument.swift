import ArgumentParser

/// Reads a `--seed` value: a whole number from 0 to 2^64−1, with a message that says so.
///
/// The option is parsed unconditionally, so `--seed -1` reaches this function instead of
/// being taken for a flag (which ArgumentParser reported as a missing value).
func parseSeed(_ text: String) throws -> UInt64 {
    if let seed = UInt64(text) { return seed }
    throw ValidationError("a seed is a whole number from 0 to 2^64−1 (18446744073709551615); write e.g. --seed 1")
}
