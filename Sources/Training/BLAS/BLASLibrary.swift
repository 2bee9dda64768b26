/// The trainer's matrix products go through `LinearAlgebra` (the one OpenBLAS wrapper); its
/// loader is part of the trainer's interface (`BLASLibrary.load()` before training).
@_exported import enum LinearAlgebra.BLASLibrary
