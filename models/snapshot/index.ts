// Quarterly snapshots: a frozen copy of the inventory, the model settings and the results of one quarter, sealed
// with a SHA-256 hash that also covers the previous quarter's hash, so the snapshots form a chain. Pure code: the
// caller hands in the rows, the scorer (`rescore`) and the SHA-256 function, so the same functions serve the repository, the verify
// command line and the tests.
//
// Split by concern: canonical JSON, content (order, texts, parsing), hash, verification, inventory changes in
// words, and attribution of score changes. Quarters are models/quarter.ts.
export * from './canonical-json.ts'
export * from './content.ts'
export * from './hash.ts'
export * from './verification.ts'
export * from './inventory-changes.ts'
export * from './attribution.ts'
