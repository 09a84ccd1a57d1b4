// runScenario: one deterministic run of a scenario for one pick of the uncertain inputs.

import { formatCount } from '../transfer-mechanism.ts'
import { type ScenarioAssumptions } from '../domain.ts'
import { computeCash, roundCosts, safePick, type CashResult } from './cash.ts'
import { monthLabel } from './calendar.ts'
import { SCENARIO_MODEL_NOTES } from './constants.ts'
import { scenarioExposure } from './exposure.ts'
import { planScenario, type PlannedMove, type PlannedUnit, type ScenarioPlan } from './plan.ts'
import { techExportStep } from '../obligations/tech-export.ts'
import { newTransfers } from './transfers.ts'
import {
	type MassLayoffUnit,
	type MonthFlow,
	type MoveTimeline,
	type ScenarioContext,
	type ScenarioDraft,
	type ScenarioLine,
	type ScenarioPick,
	type ScenarioResult,
} from './types.ts'
import { validateScenario } from './validate.ts'

/** The base of each uncertain range (0 where a range is missing). */
export function basePick(assumptions: ScenarioAssumptions | undefined): ScenarioPick {
	return { wageInflation: assumptions?.wageInflation?.base ?? 0, attrition: assumptions?.attrition?.base ?? 0 }
}

/**
 * Runs a scenario on the inventory of `ctx` for one pick of wage inflation and attrition (annual rates, default: the
 * base of each range). Returns per-move severance (RMB) and one-off costs (USD), the run-rate saving, the monthly cash
 * flow over the horizon with NPV and payback, the art. 41 test per unit, each move's dates, the exposure before and
 * after, and the cross-border transfers the moves create. Pure and deterministic; never throws: moves that cannot be
 * used are left out and reported in `issues` (the same as validateScenario's).
 */
export function runScenario(draft: ScenarioDraft, ctx: ScenarioContext, pick?: ScenarioPick): ScenarioResult {
	const issues = validateScenario(draft, ctx)
	const plan = planScenario(draft, ctx)
	const chosen = safePick(pick ?? basePick(draft.assumptions))
	const cash = computeCash(plan, chosen)
	const transfers = newTransfers(plan)
	const exposure = scenarioExposure(plan, transfers, ctx)
	const lines = plan.moves.map((m, i) => lineOf(m, cash, i, plan))
	return {
		asOf: ctx.asOf,
		pick: chosen,
		horizonMonths: plan.assumptions.horizonMonths,
		usdCny: plan.assumptions.usdCny,
		lines,
		oneOff: roundCosts(cash.oneOff),
		annualSavingUsd: lines.reduce((n, l) => n + l.annualSavingUsd, 0),
		annualChinaCostUsd: Math.round(plan.moves.reduce((n, m) => n + m.chinaMonthlyCostUsd * 12 * m.headcount, 0)),
		annualDestinationCostUsd: Math.round(plan.moves.reduce((n, m) => n + m.destinationMonthlyCostUsd * 12 * m.headcount, 0)),
		monthly: monthlyRows(cash, plan),
		npvUsd: Math.round(cash.npv),
		paybackMonth: cash.paybackMonth,
		paybackLabel: cash.paybackMonth === null ? null : monthLabel(ctx.asOf, cash.paybackMonth),
		massLayoff: plan.units.map(u => massLayoffOf(u, plan, cash)),
		timeline: plan.moves.map(timelineOf),
		exposure,
		newTransfers: transfers,
		issues,
		notes: [...SCENARIO_MODEL_NOTES, ...plan.notes, ...runNotes(plan, lines)],
	}
}

function lineOf(m: PlannedMove, cash: CashResult, i: number, plan: ScenarioPlan): ScenarioLine {
	const c = cash.moves[i]!
	const s = c.severance
	const chinaAnnual = m.chinaMonthlyCostUsd * 12
	const destinationAnnual = m.destination ? m.destinationMonthlyCostUsd * 12 : null
	return {
		moveIndex: m.index,
		moveId: m.moveId,
		staffingLineId: m.line.id,
		staffingLineCode: m.line.code,
		unitId: m.unit.unit.id,
		unitCode: m.unit.unit.code,
		city: m.line.city,
		function: m.line.function,
		kind: m.kind,
		destinationId: m.destination?.id ?? null,
		destination: m.destination?.city ?? 'cut',
		destinationCountry: m.destination?.country ?? null,
		isMainlandChina: m.destination ? m.destination.isMainlandChina : null,
		dataHandling: m.dataHandling,
		startQuarter: m.startQuarter,
		headcount: m.headcount,
		leavers: c.leavers,
		terminated: c.terminated,
		route: m.route,
		severance: {
			monthlyWageRmb: Math.round(c.wageRmb),
			localAverageMonthlyWageRmb: Math.round(c.localAverageRmb),
			serviceMonths: c.serviceMonths,
			capped: s.capped,
			yearsCounted: s.yearsCounted,
			monthlyBaseRmb: Math.round(s.monthlyBase),
			premiumMonths: plan.assumptions.premiumMonths,
			premiumBase: s.premiumBase,
			premiumCapped: s.premiumBase === 'statutory_base' && s.capped,
			noticeInLieuPaid: m.noticeInLieuPaid,
			noticeInLieuReason: m.noticeInLieuReason,
			perHeadRmb: {
				statutory: s.perHead.statutory,
				noticeInLieu: s.perHead.notice,
				premium: s.perHead.premium,
				total: s.perHead.total,
			},
			totalRmb: { statutory: s.statutory, noticeInLieu: s.notice, premium: s.premium, total: s.total },
			notes: s.notes,
		},
		oneOffUsd: roundCosts(c.oneOffUsd),
		chinaAnnualCostPerHeadUsd: Math.round(chinaAnnual),
		destinationAnnualCostPerHeadUsd: destinationAnnual === null ? null : Math.round(destinationAnnual),
		destinationCostEvidence: m.destinationCost?.evidence ?? null,
		annualSavingUsd: Math.round((chinaAnnual - (destinationAnnual ?? 0)) * m.headcount),
	}
}

function monthlyRows(cash: CashResult, plan: ScenarioPlan): MonthFlow[] {
	const rows: MonthFlow[] = []
	let discounted = 0
	for (let i = 0; i < cash.net.length; i++) {
		const discountedNet = cash.net[i]! * cash.discountFactor[i]!
		discounted += discountedNet
		rows.push({
			month: i,
			label: monthLabel(plan.asOf, i),
			chinaCostAvoidedUsd: Math.round(cash.chinaAvoided[i]!),
			destinationRunRateUsd: Math.round(cash.destinationRunRate[i]!),
			oneOffUsd: Math.round(cash.oneOffMonthly[i]!),
			netUsd: Math.round(cash.net[i]!),
			cumulativeUsd: Math.round(cash.cumulative[i]!),
			discountFactor: Math.round(cash.discountFactor[i]! * 1e6) / 1e6,
			discountedNetUsd: Math.round(discountedNet),
			cumulativeDiscountedUsd: Math.round(discounted),
		})
	}
	return rows
}

function massLayoffOf(u: PlannedUnit, plan: ScenarioPlan, cash: CashResult): MassLayoffUnit {
	const expected = plan.moves.reduce((n, m, i) => (m.unit === u.unit ? n + cash.moves[i]!.terminated : n), 0)
	return {
		unitId: u.unit.unit.id,
		unitCode: u.unit.unit.code,
		unitName: u.unit.unit.name,
		workforce: u.procedure.workforce,
		plannedLayoffs: u.plannedLayoffs,
		expectedTerminations: expected,
		applies: u.procedure.applies,
		trigger: u.procedure.trigger,
		why: whyOf(u),
		procedure: u.procedure,
		earliestEffectiveDateFromAsOf: u.earliestEffectiveDateFromAsOf,
		moveIndexes: u.moveIndexes,
	}
}

function whyOf(u: PlannedUnit): string {
	const p = u.procedure
	const share = `${formatCount(p.layoffCount)} of the unit's ${formatCount(p.workforce)} employees (${(Math.round(p.share * 1000) / 10).toFixed(1)}%)`
	const planned = `${share} leave its China contracts under the plan`
	if (p.trigger === 'twenty_or_more') {
		return `${planned}: 20 or more people, so the art. 41 mass-layoff procedure applies (explain to the union or all staff 30 days ahead, hear opinions, report to the labour bureau).`
	}
	if (p.trigger === 'ten_percent_or_more') {
		return `${planned}: fewer than 20 people but 10% or more of the workforce, so the art. 41 mass-layoff procedure applies.`
	}
	return `${planned}: fewer than 20 people and under 10% of the workforce, so art. 41 does not apply; the contracts end one by one under art. 40 (30 days' notice or a month's wage in lieu).`
}

function timelineOf(m: PlannedMove): MoveTimeline {
	return {
		moveIndex: m.index,
		staffingLineCode: m.line.code,
		unitCode: m.unit.unit.code,
		kind: m.kind,
		route: m.route,
		startQuarter: m.startQuarter,
		noticeStart: m.dates.noticeStart,
		consultationEnd: m.dates.consultationEnd,
		unionNotifiedBy: m.route === 'art41_mass_layoff' ? null : m.dates.noticeStart,
		hiringStart: m.destination ? m.dates.noticeStart : null,
		hiringDone: m.dates.hiringDone,
		dualRunningEnd: m.dates.dualRunningEnd,
		effective: m.dates.effective,
		months: { noticeStart: m.idx.announce, hiringDone: m.idx.recruit, effective: m.idx.effective },
		techExport: techExportStep({
			kind: m.kind,
			lineFunction: m.line.function,
			destinationIsMainland: m.destination?.isMainlandChina ?? true,
			systems: m.unit.systems,
			neededBy: m.dates.hiringDone ?? m.dates.noticeStart,
		}),
	}
}

function runNotes(plan: ScenarioPlan, lines: ScenarioLine[]): string[] {
	const notes: string[] = []
	for (const m of plan.moves) {
		if (m.idx.effective >= plan.assumptions.horizonMonths) {
			notes.push(
				`Move ${m.index + 1} (${m.line.code}): the contracts end after the horizon, so its severance is in the one-off total but not in the monthly cash or the NPV.`,
			)
		}
	}
	const uncapped = [...new Set(plan.moves.filter(m => m.localAverageWageRmb === 0).map(m => m.line.city))]
	if (uncapped.length > 0) {
		notes.push(`No average wage for ${uncapped.join(', ')}: the art. 47 cap was not applied there (severance may be overstated).`)
	}
	const estimates = lines.filter(l => l.destinationCostEvidence === 'estimate').map(l => l.destination)
	if (estimates.length > 0) {
		notes.push(
			`Destination costs marked ESTIMATE are used for ${[...new Set(estimates)].join(', ')}: check them against a salary survey before deciding.`,
		)
	}
	return notes
}
