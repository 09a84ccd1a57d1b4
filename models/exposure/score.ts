// Scores a unit per dimension from the findings the rules raise, and a portfolio from its units.
//
// How a dimension is rated: each finding carries a likelihood and an impact (1-5). The dimension takes the worst
// finding, the one with the highest likelihood x impact (ties: higher band, then higher impact), so the cell shows
// one real risk rather than the likelihood of one item times the impact of another. With `escalation.gapCount` or
// more gaps in a dimension, every likelihood rises by `escalation.likelihoodStep` first. The band is the risk
// matrix cell. Adding a finding or raising one can only keep or raise the score: the scores are monotonic in risk.
//
// The overall score of a unit is the weighted max: the highest weight x score across its dimensions, so one
// critical cell is never averaged away; the weighted mean is returned beside it for context.

import { isIsoDate } from '../dates.ts'
import { STAFF_FUNCTIONS, type PortfolioInventory, type UnitInventory } from '../domain.ts'
import { type DimensionFindings, finding, unitRef, withDecisive } from './finding.ts'
import { penaltyExposure, portfolioPenaltyCeiling } from './penalties.ts'
import { crossBorderFindings } from './rules/cross-border.ts'
import { enforcementFindings } from './rules/enforcement.ts'
import { ipInspectionFindings } from './rules/ip-inspection.ts'
import { localisationFindings } from './rules/localisation.ts'
import { mlpsFindings } from './rules/mlps.ts'
import { workforceFindings } from './rules/workforce.ts'
import { type ModelSettings } from './settings.ts'
import {
	BANDS,
	DIMENSIONS,
	type Band,
	type Dimension,
	type DimensionExposure,
	type DimensionSummary,
	type Finding,
	type FunctionConcentration,
	type OverallExposure,
	type PenaltyRef,
	type PortfolioExposure,
	type ScoringContext,
	type UnitExposure,
} from './types.ts'

const RULES: Record<Dimension, (inv: UnitInventory, ctx: ScoringContext) => DimensionFindings> = {
	cross_border: crossBorderFindings,
	cybersecurity_mlps: mlpsFindings,
	data_localisation: localisationFindings,
	ip_inspection: ipInspectionFindings,
	enforcement: enforcementFindings,
	workforce_concentration: workforceFindings,
}

/** Dimensions whose rules depend on the date. */
const DATED: readonly Dimension[] = ['cross_border', 'cybersecurity_mlps']

/**
 * The exposure of one business unit on `ctx.asOf` under `ctx.settings`: per dimension a likelihood and an impact
 * (1-5, or 0 when the dimension does not apply), a score (1-25, or 0), a band and the findings behind it; an overall
 * weighted-max score (0-25); and the maximum statutory fines the findings point to (whole RMB). A unit with no
 * system, flow or staffing line scores 0 ('none') everywhere, unless it handles consumer data: then its record is
 * incomplete (something that handles consumer data runs somewhere), and it is scored on what is known (the
 * enforcement profile) with a data-quality finding saying so, never 'none' as if it were safe. Pure and deterministic.
 */
export function scoreUnit(inv: UnitInventory, ctx: ScoringContext): UnitExposure {
	const footprint = inv.systems.length + inv.flows.length + inv.staffing.length > 0
	const incomplete = !footprint && inv.unit.handlesConsumerData
	const dimensions = {} as Record<Dimension, DimensionExposure>
	for (const d of DIMENSIONS) {
		let raised: DimensionFindings = footprint ? RULES[d](inv, ctx) : { applicable: false, findings: [] }
		if (incomplete && d === 'enforcement') raised = withNothingRecorded(RULES[d](inv, ctx), inv)
		dimensions[d] = rateDimension(d, withDateCheck(d, raised, inv, ctx), ctx.settings)
	}
	return {
		unitId: inv.unit.id,
		unitCode: inv.unit.code,
		unitName: inv.unit.name,
		modelVersion: ctx.settings.version,
		asOf: ctx.asOf,
		hasChinaFootprint: footprint,
		incomplete,
		dimensions,
		overall: overallOf(dimensions, ctx.settings),
		penalties: penaltyExposure(penaltiesOf(dimensions)),
	}
}

/**
 * The enforcement findings of a unit that handles consumer data with nothing recorded, and a data-quality finding
 * that says the record is incomplete, rated like the profile (the likelihood and impact known from the unit alone).
 */
function withNothingRecorded(raised: DimensionFindings, inv: UnitInventory): DimensionFindings {
	const profile = raised.findings[0]
	if (!profile) return raised
	const gap = finding({
		ruleId: 'DQ-NOTHING-RECORDED',
		dimension: 'enforcement',
		kind: 'data_quality',
		certainty: 'model',
		entity: unitRef(inv.unit),
		title: 'Incomplete: handles consumer data, but no system, flow or staff is recorded',
		detail:
			'The unit is recorded as handling consumer data, so systems, people and probably transfers exist somewhere; none is in the inventory. Until they are, every dimension that reads them is unknown, not safe: this unit is scored on its enforcement profile alone.',
		remedy:
			'Record the systems that hold the consumer data, the flows that leave China and the staff who handle it (or correct "handles consumer data").',
		inputs: { handlesConsumerData: true, systems: 0, flows: 0, staffingLines: 0 },
		articles: profile.articles,
		likelihood: profile.contribution.likelihood,
		impact: profile.contribution.impact,
	})
	return { applicable: true, findings: [gap, ...raised.findings] }
}

/** Every penalty the findings point to, in dimension order (a loop: flatMap over 28,000 findings is slow). */
function penaltiesOf(dimensions: Record<Dimension, DimensionExposure>): PenaltyRef[] {
	const out: PenaltyRef[] = []
	for (const d of DIMENSIONS) for (const f of dimensions[d].findings) for (const p of f.penalties) out.push(p)
	return out
}

/**
 * Scores every unit of the portfolio on `asOf` ('YYYY-MM-DD') and summarises per dimension, per function (China's
 * share of the group's headcount) and in fines (the sum over units, an upper bound). Units keep their input order.
 */
export function scorePortfolio(p: PortfolioInventory, settings: ModelSettings, asOf: string): PortfolioExposure {
	const ctx: ScoringContext = { settings, asOf, groupHeadcount: p.groupHeadcount }
	return portfolioExposureOf(
		p,
		p.units.map(u => scoreUnit(u, ctx)),
		settings,
		asOf,
	)
}

/**
 * The portfolio's exposure from its units' scores (`units[i]` scores `p.units[i]`, each by `scoreUnit` with the same
 * settings, date and group headcount): what `scorePortfolio` returns, for a caller that re-scored only the units a
 * write changed and kept the others' scores.
 */
export function portfolioExposureOf(
	p: PortfolioInventory,
	units: UnitExposure[],
	settings: ModelSettings,
	asOf: string,
): PortfolioExposure {
	const dimensions = {} as Record<Dimension, DimensionSummary>
	for (const d of DIMENSIONS) dimensions[d] = summarise(d, units)
	return {
		modelVersion: settings.version,
		asOf,
		units,
		dimensions,
		workforce: concentrationByFunction(p),
		penalties: portfolioPenaltyCeiling(units),
	}
}

/** Rates one dimension from its findings; see the header comment for the method. */
export function rateDimension(dimension: Dimension, raised: DimensionFindings, settings: ModelSettings): DimensionExposure {
	const weight = settings.dimensionWeights[dimension]
	if (!raised.applicable || raised.findings.length === 0) {
		return {
			dimension,
			applicable: raised.applicable,
			likelihood: 0,
			impact: 0,
			score: 0,
			band: 'none',
			weight,
			escalated: false,
			findings: [],
		}
	}
	const gaps = raised.findings.filter(f => f.kind === 'gap').length
	const step = gaps >= settings.escalation.gapCount ? settings.escalation.likelihoodStep : 0
	// Each finding is rated once (not once per comparison): a dimension can hold hundreds of findings at scale.
	const rated = raised.findings.map(f => rateFinding(f, step, settings))
	rated.sort(compareRated)
	const worst = rated[0]!
	const findings = rated.map(r => withDecisive(r.finding, r.likelihood === worst.likelihood && r.impact === worst.impact))
	return {
		dimension,
		applicable: true,
		likelihood: worst.likelihood,
		impact: worst.impact,
		score: worst.score,
		band: bandOf(worst.likelihood, worst.impact, settings),
		weight,
		escalated: step > 0 && findings.some(f => f.decisive && f.contribution.likelihood < worst.likelihood),
		findings,
	}
}

interface RatedFinding {
	finding: Finding
	likelihood: number
	impact: number
	score: number
	rank: number
}

function rateFinding(f: Finding, step: number, settings: ModelSettings): RatedFinding {
	const likelihood = Math.min(5, f.contribution.likelihood + step)
	const impact = f.contribution.impact
	return { finding: f, likelihood, impact, score: likelihood * impact, rank: BANDS.indexOf(bandOf(likelihood, impact, settings)) }
}

/** Worst first, then a fixed order of rule, entity and id so the output never depends on the input order. */
function compareRated(ra: RatedFinding, rb: RatedFinding): number {
	const a = ra.finding
	const b = rb.finding
	return (
		rb.score - ra.score ||
		rb.rank - ra.rank ||
		rb.impact - ra.impact ||
		compareText(a.ruleId, b.ruleId) ||
		compareText(a.entity.kind, b.entity.kind) ||
		a.entity.id - b.entity.id ||
		compareText(a.id, b.id)
	)
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}

function bandOf(likelihood: number, impact: number, settings: ModelSettings): Band {
	return settings.riskMatrix[likelihood - 1]?.[impact - 1] ?? 'none'
}

function overallOf(dimensions: Record<Dimension, DimensionExposure>, settings: ModelSettings): OverallExposure {
	const rated = DIMENSIONS.map(d => dimensions[d]).filter(d => d.applicable && d.score > 0)
	let best: { dimension: Dimension; score: number } | null = null
	for (const d of rated) {
		const score = round2(d.weight * d.score)
		if (best === null || score > best.score) best = { dimension: d.dimension, score }
	}
	const totalWeight = rated.reduce((n, d) => n + d.weight, 0)
	const weightedMean = totalWeight > 0 ? round2(rated.reduce((n, d) => n + d.weight * d.score, 0) / totalWeight) : 0
	const score = best?.score ?? 0
	return {
		method: 'weighted_max',
		score,
		band: overallBand(score, settings),
		dimension: best?.dimension ?? null,
		weightedMean,
	}
}

/** The overall band from `settings.overallBands`; any score above 0 is at least 'low'. */
export function overallBand(score: number, settings: ModelSettings): Band {
	const b = settings.overallBands
	if (!(score > 0)) return 'none'
	if (score >= b.critical) return 'critical'
	if (score >= b.high) return 'high'
	if (score >= b.medium) return 'medium'
	return 'low'
}

/**
 * The date drives expiries and due dates: an unreadable `asOf` cannot show anything as overdue, so say so in the
 * dimensions that depend on it rather than return a clean bill.
 */
function withDateCheck(d: Dimension, raised: DimensionFindings, inv: UnitInventory, ctx: ScoringContext): DimensionFindings {
	if (!raised.applicable || !DATED.includes(d) || isIsoDate(ctx.asOf)) return raised
	const likelihood = d === 'cross_border' ? ctx.settings.crossBorder.likelihood.invalidDate : ctx.settings.mlps.likelihood.invalidDate
	const impact = Math.max(...raised.findings.map(f => f.contribution.impact), 1)
	const dq = finding({
		ruleId: 'DQ-AS-OF-INVALID',
		dimension: d,
		kind: 'data_quality',
		certainty: 'model',
		entity: unitRef(inv.unit),
		title: 'Scoring date unreadable',
		detail: `The scoring date '${ctx.asOf}' is not a 'YYYY-MM-DD' date, so expiries and due dates could not be checked.`,
		remedy: 'Score again with a valid date.',
		inputs: { asOf: ctx.asOf },
		articles: [],
		likelihood,
		impact,
	})
	return { applicable: true, findings: [...raised.findings, dq] }
}

function summarise(dimension: Dimension, units: readonly UnitExposure[]): DimensionSummary {
	const cells = units.map(u => u.dimensions[dimension])
	const applicable = cells.filter(c => c.applicable)
	const bandCounts = Object.fromEntries(BANDS.map(b => [b, 0])) as Record<Band, number>
	for (const c of cells) bandCounts[c.band] += 1
	return {
		dimension,
		applicableUnits: applicable.length,
		maxScore: Math.max(0, ...cells.map(c => c.score)),
		meanScore: applicable.length > 0 ? round2(applicable.reduce((n, c) => n + c.score, 0) / applicable.length) : 0,
		bandCounts,
	}
}

function concentrationByFunction(p: PortfolioInventory): FunctionConcentration[] {
	const china = new Map<string, number>()
	for (const u of p.units)
		for (const l of u.staffing) if (l.headcount > 0) china.set(l.function, (china.get(l.function) ?? 0) + l.headcount)
	return STAFF_FUNCTIONS.map(fn => {
		const chinaHeadcount = china.get(fn) ?? 0
		const globalHeadcount = p.groupHeadcount.find(g => g.function === fn)?.globalHeadcount ?? null
		const share = globalHeadcount !== null && globalHeadcount > 0 ? Math.min(1, chinaHeadcount / globalHeadcount) : null
		return { function: fn, chinaHeadcount, globalHeadcount, share }
	})
}

function round2(value: number): number {
	return Math.round(value * 100) / 100
}
