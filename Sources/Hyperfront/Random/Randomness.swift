// The seeded generator lives in its own dependency-free module so the trainer and the
// benchmark tools share it; every module that imports the core sees it without a second import.
@_exported import Randomness
