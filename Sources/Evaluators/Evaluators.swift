// Evaluators
