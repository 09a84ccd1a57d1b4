// Exposure before and after a scenario: the moves are applied to a copy of the units they touch, the units whose
// exposure can change are scored before and after with the exposure engine on the same date and settings, and the
// cells are compared per unit and dimension. Every other unit scores the same before and after, so it is left out:
// a run scores a few units whatever the size of the group, and the editor in the browser, which holds only the units
// a scenario reads (scenarioUnitIds), computes what the server computes with the whole inventory.

import { STAFF_FUNCTIONS, type GroupFunctionHeadcount, type StaffFunction, type StaffingLine, type UnitInventory } from '../domain.ts'
import {
	BANDS,
	DIMENSIONS,
	portfolioPenaltyCeiling,
	scoreUnit,
	workforceImpact,
	type Dimension,
	type FunctionConcentration,
	type ModelSettings,
	type ScoringContext,
	type UnitExposure,
} from '../exposure/index.ts'
import { planScenario, type ScenarioPlan } from './plan.ts'
import {
	type DimensionCell,
	type ExposureDiffRow,
	type ExposureSummary,
	type ExposureTotals,
	type FunctionHeadcounts,
	type NewTransfer,
	type ScenarioContext,
	type ScenarioDraft,
	type ScenarioExposure,
	type UnitExposureSummary,
} from './types.ts'

/** What the moves change: each touched unit's inventory after the moves (by unit id), and the group's headcount. */
export interface InventoryChange {
	units: Map<number, UnitInventory>
	groupHeadcount: GroupFunctionHeadcount[]
}

/**
 * The touched units once every move is done (copies; the inputs are not changed): moved and cut headcount leaves its
 * line (a line left empty is removed); roles moved inside mainland China join a new line of the same unit in the
 * destination city, at the wage the destination cost implies; the synthetic flows of the new transfers join their
 * units; cuts lower the group's global headcount of the function (moves abroad keep it).
 */
export function inventoryAfter(plan: ScenarioPlan, transfers: NewTransfer[], groupHeadcount: GroupFunctionHeadcount[]): InventoryChange {
	const taken = new Map<number, number>()
	const added = new Map<number, StaffingLine[]>()
	for (const m of plan.moves) {
		taken.set(m.line.id, (taken.get(m.line.id) ?? 0) + m.headcount)
		if (m.destination?.isMainlandChina) {
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
			added.set(m.unit.unit.id, [...(added.get(m.unit.unit.id) ?? []), line])
		}
	}
	const flowsByUnit = new Map<number, NewTransfer['flow'][]>()
	for (const t of transfers) flowsByUnit.set(t.unitId, [...(flowsByUnit.get(t.unitId) ?? []), t.flow])
	const units = new Map<number, UnitInventory>()
	for (const { unit: u } of plan.units) {
		const staffing = u.staffing
			.map(l => (taken.has(l.id) ? { ...l, headcount: Math.max(0, l.headcount - taken.get(l.id)!) } : l))
			.filter(l => !taken.has(l.id) || l.headcount > 0)
		const newFlows = flowsByUnit.get(u.unit.id) ?? []
		units.set(u.unit.id, {
			unit: u.unit,
			systems: u.systems,
			flows: newFlows.length > 0 ? [...u.flows, ...newFlows] : u.flows,
			staffing: [...staffing, ...(added.get(u.unit.id) ?? [])],
		})
	}
	return { units, groupHeadcount: groupHeadcountAfter(plan, groupHeadcount) }
}

/** Cuts lower the group's global headcount of their function; relocations keep it. */
function groupHeadcountAfter(plan: ScenarioPlan, groupHeadcount: GroupFunctionHeadcount[]): GroupFunctionHeadcount[] {
	const cut = new Map<StaffFunction, number>()
	for (const m of plan.moves) {
		if (m.destination === null) cut.set(m.line.function, (cut.get(m.line.function) ?? 0) + m.headcount)
	}
	return groupHeadcount.map(g =>
		cut.has(g.function) ? { ...g, globalHeadcount: Math.max(0, g.globalHeadcount - cut.get(g.function)!) } : g,
	)
}

/** Each unit's China headcount per function: its lines with people, added up (as the workforce rule reads them). */
export function functionHeadcountsOf(units: readonly UnitInventory[]): FunctionHeadcounts {
	const out: FunctionHeadcounts = {}
	for (const u of units) {
		const byFunction = new Map<StaffFunction, number>()
		for (const l of u.staffing) {
			if (l.headcount > 0) byFunction.set(l.function, (byFunction.get(l.function) ?? 0) + l.headcount)
		}
		for (const [fn, headcount] of byFunction) (out[fn] ??= []).push([u.unit.id, headcount])
	}
	return out
}

/**
 * The units no move touches whose exposure still changes: a cut lowers the group's headcount of its function, which
 * raises every other unit's share of it. Only the workforce rule reads the group's headcount, and only through the
 * impact level of each function (workforceImpact), so a unit changes only where that level does.
 */
function rippleUnitIds(
	before: GroupFunctionHeadcount[],
	after: GroupFunctionHeadcount[],
	headcounts: FunctionHeadcounts,
	settings: ModelSettings,
	touched: ReadonlySet<number>,
): number[] {
	const global = (list: GroupFunctionHeadcount[], fn: StaffFunction) => list.find(g => g.function === fn)?.globalHeadcount ?? null
	const ids = new Set<number>()
	for (const fn of STAFF_FUNCTIONS) {
		const was = global(before, fn)
		const now = global(after, fn)
		if (was === now) continue
		for (const [unitId, headcount] of headcounts[fn] ?? []) {
			if (touched.has(unitId)) continue
			if (workforceImpact(headcount, was, settings.workforce) !== workforceImpact(headcount, now, settings.workforce)) ids.add(unitId)
		}
	}
	return [...ids]
}

/** The ids of the units a run scores: those the plan's moves touch, then those its cuts change (rippleUnitIds). */
function affectedUnitIds(
	plan: ScenarioPlan,
	after: GroupFunctionHeadcount[],
	headcounts: FunctionHeadcounts,
	ctx: ScenarioContext,
): number[] {
	const touched = new Set(plan.units.map(u => u.unit.unit.id))
	return [...touched, ...rippleUnitIds(ctx.portfolio.groupHeadcount, after, headcounts, ctx.settings, touched)]
}

const headcountsOf = (ctx: ScenarioContext) => ctx.functionHeadcounts ?? functionHeadcountsOf(ctx.portfolio.units)

/**
 * The units a run of the draft reads in full: those its moves touch and those its cuts change through the group's
 * headcount. A context holding only some units must hold these for the run to equal one on the whole inventory; a
 * unit found only once another arrives (a cut on a line of a unit not yet held) shows on the next call.
 */
export function scenarioUnitIds(draft: ScenarioDraft, ctx: ScenarioContext): number[] {
	const plan = planScenario(draft, ctx)
	return affectedUnitIds(plan, groupHeadcountAfter(plan, ctx.portfolio.groupHeadcount), headcountsOf(ctx), ctx)
}

/**
 * Scores the units the scenario can change, before and after, and compares them. A unit the context does not hold
 * is left out (see scenarioUnitIds).
 */
export function scenarioExposure(plan: ScenarioPlan, transfers: NewTransfer[], ctx: ScenarioContext): ScenarioExposure {
	const change = inventoryAfter(plan, transfers, ctx.portfolio.groupHeadcount)
	const headcounts = headcountsOf(ctx)
	const ids = new Set(affectedUnitIds(plan, change.groupHeadcount, headcounts, ctx))
	const units = ctx.portfolio.units
		.filter(u => ids.has(u.unit.id))
		.sort((a, b) => compareText(a.unit.name, b.unit.name) || a.unit.id - b.unit.id)
	const scoring = (groupHeadcount: GroupFunctionHeadcount[]): ScoringContext => ({
		settings: ctx.settings,
		asOf: ctx.asOf,
		groupHeadcount,
	})
	const before = units.map(u => scoreUnit(u, scoring(ctx.portfolio.groupHeadcount)))
	const after = units.map(u => scoreUnit(change.units.get(u.unit.id) ?? u, scoring(change.groupHeadcount)))
	// China's headcount per function after the moves: the group's, less the touched units' before, plus their after.
	const china = totalByFunction(headcounts)
	const touchedBefore = totalByFunction(functionHeadcountsOf(plan.units.map(u => u.unit)))
	const touchedAfter = totalByFunction(functionHeadcountsOf([...change.units.values()]))
	const chinaAfter = new Map(STAFF_FUNCTIONS.map(fn => [fn, china.get(fn)! - touchedBefore.get(fn)! + touchedAfter.get(fn)!]))
	const beforeSummary = summarise(before, concentration(china, ctx.portfolio.groupHeadcount), ctx)
	const afterSummary = summarise(after, concentration(chinaAfter, change.groupHeadcount), ctx)
	const diff = diffRows(beforeSummary, afterSummary)
	return { before: beforeSummary, after: afterSummary, diff, totals: totals(beforeSummary, afterSummary, diff) }
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}

function totalByFunction(headcounts: FunctionHeadcounts): Map<StaffFunction, number> {
	return new Map(STAFF_FUNCTIONS.map(fn => [fn, (headcounts[fn] ?? []).reduce((n, [, h]) => n + h, 0)]))
}

/** China's share of the group's headcount per function, as the exposure engine's portfolio summary computes it. */
function concentration(china: Map<StaffFunction, number>, groupHeadcount: GroupFunctionHeadcount[]): FunctionConcentration[] {
	return STAFF_FUNCTIONS.map(fn => {
		const chinaHeadcount = china.get(fn) ?? 0
		const globalHeadcount = groupHeadcount.find(g => g.function === fn)?.globalHeadcount ?? null
		const share = globalHeadcount !== null && globalHeadcount > 0 ? Math.min(1, chinaHeadcount / globalHeadcount) : null
		return { function: fn, chinaHeadcount, globalHeadcount, share }
	})
}

function summarise(units: UnitExposure[], workforce: FunctionConcentration[], ctx: ScenarioContext): ExposureSummary {
	return {
		asOf: ctx.asOf,
		modelVersion: ctx.settings.version,
		units: units.map(summariseUnit),
		workforce,
		penaltiesTotalMaxRmb: portfolioPenaltyCeiling(units).totalMaxRmb, // the group turnover counted at most once
	}
}

function summariseUnit(u: UnitExposure): UnitExposureSummary {
	const dimensions = {} as Record<Dimension, DimensionCell>
	for (const d of DIMENSIONS) {
		const c = u.dimensions[d]
		dimensions[d] = { applicable: c.applicable, likelihood: c.likelihood, impact: c.impact, score: c.score, band: c.band }
	}
	return {
		unitId: u.unitId,
		unitCode: u.unitCode,
		unitName: u.unitName,
		overall: { score: u.overall.score, band: u.overall.band },
		dimensions,
		penaltiesMaxRmb: u.penalties.totalMaxRmb,
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
