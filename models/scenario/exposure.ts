// Exposure before and after a scenario: the moves are applied to a copy of the inventory, both are scored with the
// exposure engine on the same date and settings, and the cells are compared per unit and dimension.

import { STAFF_FUNCTIONS, type PortfolioInventory, type StaffingLine, type UnitInventory } from '../domain.ts'
import {
	BANDS,
	DIMENSIONS,
	scorePortfolio,
	scoreUnit,
	type Dimension,
	type FunctionConcentration,
	type PortfolioExposure,
	type ScoringContext,
} from '../exposure/index.ts'
import { type ScenarioPlan } from './plan.ts'
import {
	type DimensionCell,
	type ExposureDiffRow,
	type ExposureSummary,
	type ExposureTotals,
	type NewTransfer,
	type ScenarioContext,
	type ScenarioExposure,
} from './types.ts'

/**
 * The inventory once every move is done (a copy; the input is not changed): moved and cut headcount leaves its
 * line (a line left empty is removed); roles moved inside mainland China join a new line of the same unit in the
 * destination city, at the wage the destination cost implies; cuts lower the group's global headcount of the
 * function (moves abroad keep it); the synthetic flows of the new transfers join their units.
 */
export function inventoryAfter(
	plan: ScenarioPlan,
	transfers: NewTransfer[],
	p: PortfolioInventory,
): PortfolioInventory {
	const taken = new Map<number, number>()
	const added = new Map<UnitInventory, StaffingLine[]>()
	const cutByFunction = new Map<string, number>()
	for (const m of plan.moves) {
		taken.set(m.line.id, (taken.get(m.line.id) ?? 0) + m.headcount)
		if (m.destination === null) {
			cutByFunction.set(m.line.function, (cutByFunction.get(m.line.function) ?? 0) + m.headcount)
		} else if (m.destination.isMainlandChina) {
			const annualUsd = m.destinationCost?.annualCostUsd ?? 0
			const line: StaffingLine = {
				id: -(m.index + 1), // negative: not a stored line
				unitId: m.unit.unit.id,
				code: `${m.line.code}-TO-${m.destination.city.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}`,
				function: m.line.function,
				city: m.destination.city,
				headcount: m.headcount,
				avgMonthlyWageRmb: Math.round((annualUsd * plan.assumptions.usdCny) / 12 / (1 + plan.onCostRate)),
				avgTenureMonths: 0,
				accessToPersonalData: m.line.accessToPersonalData,
			}
			added.set(m.unit, [...(added.get(m.unit) ?? []), line])
		}
	}
	const flowsByUnit = new Map<number, NewTransfer['flow'][]>()
	for (const t of transfers) flowsByUnit.set(t.unitId, [...(flowsByUnit.get(t.unitId) ?? []), t.flow])
	const units = p.units.map(u => {
		const staffing = u.staffing
			.map(l => (taken.has(l.id) ? { ...l, headcount: Math.max(0, l.headcount - taken.get(l.id)!) } : l))
			.filter(l => !taken.has(l.id) || l.headcount > 0)
		const newFlows = flowsByUnit.get(u.unit.id) ?? []
		return {
			unit: u.unit,
			systems: u.systems,
			flows: newFlows.length > 0 ? [...u.flows, ...newFlows] : u.flows,
			staffing: [...staffing, ...(added.get(u) ?? [])],
		}
	})
	const groupHeadcount = p.groupHeadcount.map(g =>
		cutByFunction.has(g.function)
			? { ...g, globalHeadcount: Math.max(0, g.globalHeadcount - cutByFunction.get(g.function)!) }
			: g,
	)
	return { units, groupHeadcount }
}

/**
 * Scores the inventory before (unless ctx.baseline has it) and after, and compares them. Only the units the moves
 * change are scored again: a unit whose inventory is the same object and whose functions kept their group headcount
 * scores exactly as before (scoreUnit reads nothing else), which keeps a run fast enough to repeat as the analyst types.
 */
export function scenarioExposure(after: PortfolioInventory, ctx: ScenarioContext): ScenarioExposure {
	const baseline = ctx.baseline ?? scorePortfolio(ctx.portfolio, ctx.settings, ctx.asOf)
	const before = summarise(baseline)
	const afterSummary = summarise(scoreAfter(after, baseline, ctx))
	const diff = diffRows(before, afterSummary)
	return { before, after: afterSummary, diff, totals: totals(before, afterSummary, diff) }
}

type Scored = Pick<PortfolioExposure, 'asOf' | 'modelVersion' | 'units' | 'workforce' | 'penalties'>

function scoreAfter(after: PortfolioInventory, baseline: PortfolioExposure, ctx: ScenarioContext): Scored {
	const scoring: ScoringContext = { settings: ctx.settings, asOf: ctx.asOf, groupHeadcount: after.groupHeadcount }
	const headcountOf = (p: PortfolioInventory, fn: string) =>
		p.groupHeadcount.find(g => g.function === fn)?.globalHeadcount
	const changedFunctions = new Set(
		after.groupHeadcount.filter(g => headcountOf(ctx.portfolio, g.function) !== g.globalHeadcount).map(g => g.function),
	)
	const units = after.units.map((u, i) => {
		const original = ctx.portfolio.units[i]
		const scored = baseline.units[i]
		const unchanged =
			original !== undefined &&
			scored?.unitId === u.unit.id &&
			u.systems === original.systems &&
			u.flows === original.flows &&
			u.staffing.length === original.staffing.length &&
			u.staffing.every((l, j) => l === original.staffing[j]) &&
			!u.staffing.some(l => changedFunctions.has(l.function))
		return unchanged ? scored : scoreUnit(u, scoring)
	})
	return {
		asOf: baseline.asOf,
		modelVersion: baseline.modelVersion,
		units,
		workforce: concentration(after),
		penalties: {
			totalMaxRmb: units.reduce((n, u) => n + u.penalties.totalMaxRmb, 0),
			unverified: units.some(u => u.penalties.unverified),
		},
	}
}

/** China's share of the group's headcount per function, as the exposure engine's portfolio summary computes it. */
function concentration(p: PortfolioInventory): FunctionConcentration[] {
	return STAFF_FUNCTIONS.map(fn => {
		const chinaHeadcount = p.units
			.flatMap(u => u.staffing)
			.filter(l => l.function === fn && l.headcount > 0)
			.reduce((n, l) => n + l.headcount, 0)
		const globalHeadcount = p.groupHeadcount.find(g => g.function === fn)?.globalHeadcount ?? null
		const share = globalHeadcount !== null && globalHeadcount > 0 ? Math.min(1, chinaHeadcount / globalHeadcount) : null
		return { function: fn, chinaHeadcount, globalHeadcount, share }
	})
}

export function summarise(e: Scored): ExposureSummary {
	return {
		asOf: e.asOf,
		modelVersion: e.modelVersion,
		units: e.units.map(u => {
			const dimensions = {} as Record<Dimension, DimensionCell>
			for (const d of DIMENSIONS) {
				const c = u.dimensions[d]
				dimensions[d] = {
					applicable: c.applicable,
					likelihood: c.likelihood,
					impact: c.impact,
					score: c.score,
					band: c.band,
				}
			}
			return {
				unitId: u.unitId,
				unitCode: u.unitCode,
				unitName: u.unitName,
				overall: { score: u.overall.score, band: u.overall.band },
				dimensions,
				penaltiesMaxRmb: u.penalties.totalMaxRmb,
			}
		}),
		workforce: e.workforce,
		penaltiesTotalMaxRmb: e.penalties.totalMaxRmb,
	}
}

function diffRows(before: ExposureSummary, after: ExposureSummary): ExposureDiffRow[] {
	const afterById = new Map(after.units.map(u => [u.unitId, u]))
	return before.units.flatMap(b => {
		const a = afterById.get(b.unitId)
		return DIMENSIONS.map(d => {
			const was = b.dimensions[d]
			const now = a?.dimensions[d] ?? { score: 0, band: 'none' as const }
			const rankBefore = BANDS.indexOf(was.band)
			const rankAfter = BANDS.indexOf(now.band)
			return {
				unitId: b.unitId,
				unitCode: b.unitCode,
				unitName: b.unitName,
				dimension: d,
				beforeScore: was.score,
				afterScore: now.score,
				delta: now.score - was.score,
				beforeBand: was.band,
				afterBand: now.band,
				change: rankAfter < rankBefore ? 'improved' : rankAfter > rankBefore ? 'worsened' : 'unchanged',
			}
		})
	})
}

function totals(before: ExposureSummary, after: ExposureSummary, diff: ExposureDiffRow[]): ExposureTotals {
	const overall = (s: ExposureSummary) => s.units.reduce((n, u) => n + u.overall.score, 0)
	return {
		scoreDelta: diff.reduce((n, r) => n + r.delta, 0),
		overallScoreDelta: Math.round((overall(after) - overall(before)) * 100) / 100,
		bandsImproved: diff.filter(r => r.change === 'improved').length,
		bandsWorsened: diff.filter(r => r.change === 'worsened').length,
		penaltiesDeltaRmb: after.penaltiesTotalMaxRmb - before.penaltiesTotalMaxRmb,
	}
}
