extension Dictionary {
    /// The value of `key`, after storing `value` under it when it had none (one lookup).
    mutating func value(for key: Key, insertingIfAbsent value: @autoclosure () -> Value) -> Value {
        func read(_ v: inout Value) -> Value { v }
        return read(&self[key, default: value()])
    }
}
