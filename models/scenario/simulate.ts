// Monte Carlo over the uncertain inputs: wage inflation and attrition are drawn from triangular distributions on
// their low/base/high, independently, with a seeded generator, so the same seed always gives the same answer.
// Only the cash is recomputed per run: the plan (dates, art. 41) and the exposure do not depend on the draws.

import { type Range } from '../domain.ts'
import { mulberry32 } from '../random.ts'
import { computeCash } from './cash.ts'
import { monthLabel } from './calendar.ts'
import { DEFAULT_SIMULATION_RUNS, DEFAULT_SIMULATION_SEED, MAX_SIMULATION_RUNS } from './constants.ts'
import { planScenario } from './plan.ts'
import { type NullablePercentiles, type Percentiles, type ScenarioContext, type ScenarioDraft, type ScenarioUncertainty } from './types.ts'

/** Inverse CDF of the triangular distribution on low <= mode (base) <= high, for u in [0, 1). */
export function triangular(range: Range, u: number): number {
	const { low, base, high } = range
	if (!(high > low)) return base
	const cut = (base - low) / (high - low)
	return u < cut ? low + Math.sqrt(u * (high - low) * (base - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - base))
}

/**
 * The spread of NPV, one-off cost, payback month and the cumulative cash per month over `runs` draws (default
 * 1,000, at most 20,000) with `seed` (default 1). Percentiles interpolate linearly between ranks; a payback
 * percentile that falls among runs that never pay back is null. Pure and deterministic.
 */
export function simulateScenario(
	draft: ScenarioDraft,
	ctx: ScenarioContext,
	opts: { runs?: number; seed?: number } = {},
): ScenarioUncertainty {
	const runs = Math.min(MAX_SIMULATION_RUNS, Math.max(1, Math.floor(finite(opts.runs, DEFAULT_SIMULATION_RUNS))))
	const seed = Math.floor(finite(opts.seed, DEFAULT_SIMULATION_SEED)) >>> 0
	const plan = planScenario(draft, ctx)
	const months = plan.assumptions.horizonMonths
	const random = mulberry32(seed)
	const inflation = safeRange(draft.assumptions?.wageInflation)
	const attrition = safeRange(draft.assumptions?.attrition)
	const npv = new Float64Array(runs)
	const oneOff = new Float64Array(runs)
	const payback = new Float64Array(runs)
	const cumulative = new Float64Array(runs * months) // month-major: [month * runs + run]
	for (let r = 0; r < runs; r++) {
		const pick = { wageInflation: triangular(inflation, random()), attrition: triangular(attrition, random()) }
		const cash = computeCash(plan, pick)
		npv[r] = cash.npv
		oneOff[r] = cash.oneOff.total
		payback[r] = cash.paybackMonth ?? Number.POSITIVE_INFINITY
		for (let i = 0; i < months; i++) cumulative[i * runs + r] = cash.cumulative[i]!
	}
	payback.sort()
	const never = payback.reduce((n, v) => (v === Number.POSITIVE_INFINITY ? n + 1 : n), 0)
	return {
		runs,
		seed,
		npvUsd: rounded(percentiles(npv.sort())),
		oneOffUsd: rounded(percentiles(oneOff.sort())),
		paybackMonth: nullable(percentiles(payback)),
		neverPaysBackShare: never / runs,
		cumulative: Array.from({ length: months }, (_, i) => {
			const p = rounded(percentiles(cumulative.subarray(i * runs, (i + 1) * runs).sort()))
			return { month: i, label: monthLabel(ctx.asOf, i), ...p }
		}),
	}
}

/** p10, p50 and p90 of sorted values, interpolating linearly between ranks (Hyndman-Fan type 7). */
export function percentiles(sorted: ArrayLike<number>): Percentiles {
	return { p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) }
}

function quantile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return Number.NaN
	const position = p * (sorted.length - 1)
	const lower = Math.floor(position)
	const upper = Math.min(sorted.length - 1, lower + 1)
	const a = sorted[lower]!
	const b = sorted[upper]!
	// Exact ranks and equal neighbours return the value itself, which keeps Infinity - Infinity and Infinity x 0 out.
	if (position === lower || a === b) return a
	return a + (b - a) * (position - lower)
}

function rounded(p: Percentiles): Percentiles {
	return { p10: Math.round(p.p10), p50: Math.round(p.p50), p90: Math.round(p.p90) }
}

/** Payback months: whole months rounded up (a month is paid back or not), Infinity (never) as null. */
function nullable(p: Percentiles): NullablePercentiles {
	const month = (v: number) => (Number.isFinite(v) ? Math.ceil(v) : null)
	return { p10: month(p.p10), p50: month(p.p50), p90: month(p.p90) }
}

/** A range usable for draws: a missing or non-numeric value falls back to the base, then to 0; sorted low-high. */
function safeRange(range: Range | undefined): Range {
	const base = finite(range?.base, 0)
	const low = finite(range?.low, base)
	const high = finite(range?.high, base)
	const [l, b, h] = [low, base, high].sort((x, y) => x - y) as [number, number, number]
	return { low: l, base: b, high: h }
}

function finite(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
