// The one seeded random generator. Models never call Math.random(): a seed comes in, so the same seed gives the
// same numbers (Monte Carlo bands, scale data, generated test cases) and a run can be replayed.

/** mulberry32: a small, fast 32-bit generator; returns numbers in [0, 1). Deterministic for a seed. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
	}
}
