// Resolves a draft against the inventory and lays out what does not depend on the uncertain inputs: which lines
// and destinations the moves name, the art. 41 test per unit, and each move's dates. The Monte Carlo runs reuse one
// plan and only redo the cash (./cash.ts).

import { addDays, addMonths, daysBetween, isIsoDate, toDayNumber } from '../dates.ts'
import {
	DATA_HANDLING,
	type DataHandling,
	type Destination,
	type DestinationCost,
	type ScenarioAssumptions,
	type StaffingLine,
	type UnitInventory,
} from '../domain.ts'
import { MASS_LAYOFF, massLayoffProcedure, type MassLayoffProcedure, type PremiumBase } from '../severance.ts'
import { parseQuarter } from '../quarter.ts'
import { laterOf, monthBoundaryIndex, monthIndex, wholeMonthsBetween } from './calendar.ts'
import { ART40_NOTICE_DAYS, CHINA_EMPLOYER_ON_COST_RATE, NOTICE_IN_LIEU_POLICY, PREMIUM_BASE } from './constants.ts'
import { type LayoffRoute, type NoticeInLieuPolicy, type ScenarioContext, type ScenarioDraft, type ScenarioDraftMove } from './types.ts'
import { indexContext } from './validate.ts'

export interface PlannedMove {
	index: number // position in draft.moves
	moveId: number | null
	move: ScenarioDraftMove
	unit: UnitInventory
	line: StaffingLine
	destination: Destination | null
	destinationCost: DestinationCost | null
	kind: 'relocate' | 'cut'
	dataHandling: DataHandling
	headcount: number
	startQuarter: string
	route: LayoffRoute
	noticeInLieuPaid: boolean
	noticeInLieuReason: string
	dates: {
		noticeStart: string
		consultationEnd: string | null
		hiringDone: string | null
		dualRunningEnd: string | null
		effective: string
	}
	/** Month indexes: announcement; destination cost from `hire`; China cost until `stop` (excluded); payments. */
	idx: { announce: number; hire: number | null; recruit: number | null; stop: number; effective: number }
	elapsedMonths: number // whole months from the analysis date to the effective date (added to tenure)
	localAverageWageRmb: number // 0 = unknown: no cap
	chinaMonthlyCostUsd: number // per head, fully loaded, today's prices
	destinationMonthlyCostUsd: number // per head, today's prices; 0 for a cut
	relocationShareUsd: number
}

export interface PlannedUnit {
	unit: UnitInventory
	workforce: number
	plannedLayoffs: number
	announce: string
	procedure: MassLayoffProcedure
	earliestEffectiveDateFromAsOf: string | null
	moveIndexes: number[]
}

/** Assumptions made safe to compute with (the issues report what was wrong with the originals). */
export interface PlanAssumptions {
	discountRate: number
	horizonMonths: number
	premiumMonths: number
	recruitmentCostPerHireUsd: number
	dualRunningMonths: number
	oneOffRelocationCostUsd: number
	usdCny: number
}

export interface ScenarioPlan {
	asOf: string
	assumptions: PlanAssumptions
	onCostRate: number
	premiumBase: PremiumBase
	noticePolicy: NoticeInLieuPolicy
	newFlowMechanism: 'none' | 'required'
	moves: PlannedMove[]
	units: PlannedUnit[]
	notes: string[]
}

/** Resolves and schedules the moves of a draft; moves that cannot be used are left out (validateScenario says why). */
export function planScenario(draft: ScenarioDraft, ctx: ScenarioContext): ScenarioPlan {
	const assumptions = safeAssumptions(draft.assumptions)
	const onCostRate = Math.max(0, finiteOr(ctx.options?.chinaOnCostRate, CHINA_EMPLOYER_ON_COST_RATE))
	const premiumBase = ctx.options?.premiumBase ?? PREMIUM_BASE
	const noticePolicy = ctx.options?.noticeInLieu ?? NOTICE_IN_LIEU_POLICY
	const newFlowMechanism = ctx.options?.newFlowMechanism ?? 'none'
	const notes: string[] = []
	const base = {
		asOf: ctx.asOf,
		assumptions,
		onCostRate,
		premiumBase,
		noticePolicy,
		newFlowMechanism,
		notes,
	}
	if (!isIsoDate(ctx.asOf)) {
		notes.push('The analysis date is not a valid date, so no move could be scheduled.')
		return { ...base, moves: [], units: [] }
	}
	const resolved = resolveMoves(draft, ctx)
	const units = planUnits(resolved, ctx.asOf)
	const sharing = relocationSharing(resolved)
	const moves = resolved.map(r => {
		const planned = units.find(u => u.unit === r.unit)!
		return scheduleMove(r, planned, ctx, { assumptions, onCostRate, noticePolicy, sharing })
	})
	return { ...base, moves, units }
}

interface ResolvedMove {
	index: number
	move: ScenarioDraftMove
	unit: UnitInventory
	line: StaffingLine
	destination: Destination | null
	destinationCost: DestinationCost | null
	headcount: number
	start: string // first day of the start quarter, or the analysis date when that quarter has begun
	startQuarter: string
}

function resolveMoves(draft: ScenarioDraft, ctx: ScenarioContext): ResolvedMove[] {
	const index = indexContext(ctx)
	const allocated = new Map<number, number>()
	const today = toDayNumber(ctx.asOf)!
	const out: ResolvedMove[] = []
	const moves = Array.isArray(draft.moves) ? draft.moves : []
	moves.forEach((move, i) => {
		const found = index.lines.get(move.staffingLineId)
		const quarter = parseQuarter(move.startQuarter)
		if (!found || !quarter || toDayNumber(quarter.end)! < today) return
		const destination = move.destinationId === null ? null : index.destinations.get(move.destinationId)
		if (destination === undefined) return
		const destinationCost = destination?.costs.find(c => c.function === found.line.function) ?? null
		if (destination !== null && destinationCost === null) return
		const left = Math.max(0, found.line.headcount - (allocated.get(found.line.id) ?? 0))
		const headcount = Math.min(left, Math.floor(move.headcount > 0 ? move.headcount : 0))
		if (headcount === 0) return
		allocated.set(found.line.id, (allocated.get(found.line.id) ?? 0) + headcount)
		out.push({
			index: i,
			move,
			unit: found.unit,
			line: found.line,
			destination,
			destinationCost,
			headcount,
			start: laterOf(quarter.start, ctx.asOf),
			startQuarter: move.startQuarter.trim(),
		})
	})
	return out
}

/** Art. 41 is tested per employing unit, on every role the scenario takes out of its China contracts. */
function planUnits(moves: ResolvedMove[], asOf: string): PlannedUnit[] {
	const groups = new Map<UnitInventory, ResolvedMove[]>()
	for (const m of moves) groups.set(m.unit, [...(groups.get(m.unit) ?? []), m])
	return [...groups].map(([unit, ofUnit]) => {
		const workforce = unit.staffing.reduce((n, l) => n + (l.headcount > 0 ? l.headcount : 0), 0)
		const plannedLayoffs = ofUnit.reduce((n, m) => n + m.headcount, 0)
		const announce = ofUnit.reduce((first, m) => (toDayNumber(m.start)! < toDayNumber(first)! ? m.start : first), ofUnit[0]!.start)
		const layoff = { layoffCount: plannedLayoffs, workforce }
		return {
			unit,
			workforce,
			plannedLayoffs,
			announce,
			procedure: massLayoffProcedure({ ...layoff, proposedDate: announce }),
			earliestEffectiveDateFromAsOf: massLayoffProcedure({ ...layoff, proposedDate: asOf }).earliestEffectiveDate,
			moveIndexes: ofUnit.map(m => m.index),
		}
	})
}

/**
 * How the one-off relocation cost is shared: by headcount across the relocation moves, or across every move when
 * the scenario only cuts (so the cost is never dropped).
 */
function relocationSharing(moves: ResolvedMove[]): { base: number; cutsShare: boolean } {
	const relocating = moves.filter(m => m.destination !== null).reduce((n, m) => n + m.headcount, 0)
	if (relocating > 0) return { base: relocating, cutsShare: false }
	return { base: moves.reduce((n, m) => n + m.headcount, 0), cutsShare: true }
}

function scheduleMove(
	r: ResolvedMove,
	unit: PlannedUnit,
	ctx: ScenarioContext,
	o: {
		assumptions: PlanAssumptions
		onCostRate: number
		noticePolicy: NoticeInLieuPolicy
		sharing: { base: number; cutsShare: boolean }
	},
): PlannedMove {
	const { asOf } = ctx
	const a = o.assumptions
	const kind = r.destination === null ? 'cut' : 'relocate'
	const route: LayoffRoute = unit.procedure.applies ? 'art41_mass_layoff' : 'art40_individual'
	const noticeStart = r.start
	const hiringDone = r.destination ? addMonths(noticeStart, Math.max(0, Math.trunc(r.destination.hiringLeadTimeMonths)))! : null
	const dualRunningEnd = hiringDone ? addMonths(hiringDone, a.dualRunningMonths)! : null
	const consultationEnd = route === 'art41_mass_layoff' ? addDays(noticeStart, MASS_LAYOFF.adviceDays)! : null
	const planned = dualRunningEnd ?? noticeStart
	const effective = consultationEnd ? laterOf(planned, consultationEnd) : planned
	const notice = noticeInLieu(o.noticePolicy, route, daysBetween(noticeStart, effective) ?? 0)
	const shares = kind === 'relocate' || o.sharing.cutsShare
	return {
		index: r.index,
		moveId: typeof r.move.id === 'number' ? r.move.id : null,
		move: r.move,
		unit: r.unit,
		line: r.line,
		destination: r.destination,
		destinationCost: r.destinationCost,
		kind,
		dataHandling: kind === 'cut' || !DATA_HANDLING.includes(r.move.dataHandling) ? 'not_needed' : r.move.dataHandling,
		headcount: r.headcount,
		startQuarter: r.startQuarter,
		route,
		noticeInLieuPaid: notice.paid,
		noticeInLieuReason: notice.reason,
		dates: { noticeStart, consultationEnd, hiringDone, dualRunningEnd, effective },
		idx: {
			announce: monthIndex(asOf, noticeStart),
			hire: hiringDone ? monthBoundaryIndex(asOf, hiringDone) : null,
			recruit: hiringDone ? monthIndex(asOf, hiringDone) : null,
			stop: monthBoundaryIndex(asOf, effective),
			effective: monthIndex(asOf, effective),
		},
		elapsedMonths: wholeMonthsBetween(asOf, effective),
		localAverageWageRmb: positive(ctx.cityAverageWages[r.line.city]),
		chinaMonthlyCostUsd: (positive(r.line.avgMonthlyWageRmb) * (1 + o.onCostRate)) / a.usdCny,
		destinationMonthlyCostUsd: r.destinationCost ? positive(r.destinationCost.annualCostUsd) / 12 : 0,
		relocationShareUsd: shares && o.sharing.base > 0 ? (a.oneOffRelocationCostUsd * r.headcount) / o.sharing.base : 0,
	}
}

function noticeInLieu(policy: NoticeInLieuPolicy, route: LayoffRoute, noticeDays: number): { paid: boolean; reason: string } {
	if (policy === 'always') return { paid: true, reason: 'Paid to every terminated employee (policy: always).' }
	if (policy === 'never') return { paid: false, reason: 'Not paid (policy: never).' }
	if (route === 'art41_mass_layoff') {
		return {
			paid: false,
			reason: 'Art. 41 layoff: the 30-day explanation to the union or all staff is the procedure; the art. 40 month in lieu is not due.',
		}
	}
	if (noticeDays >= ART40_NOTICE_DAYS) {
		return {
			paid: false,
			reason: `Art. 40: written notice is given ${noticeDays} days before the contracts end (30 needed), so no month in lieu.`,
		}
	}
	return {
		paid: true,
		reason: "Art. 40: the contracts end less than 30 days after notice, so one month's wage is paid in lieu (uncapped).",
	}
}

function safeAssumptions(a: ScenarioAssumptions | undefined): PlanAssumptions {
	const horizonYears = Math.min(30, Math.max(1, Math.round(finiteOr(a?.horizonYears, 1))))
	const usdCny = finiteOr(a?.usdCny, 0)
	return {
		discountRate: Math.max(0, finiteOr(a?.discountRate, 0)),
		horizonMonths: horizonYears * 12,
		premiumMonths: positive(a?.severancePremiumMonths),
		recruitmentCostPerHireUsd: positive(a?.recruitmentCostPerHireUsd),
		dualRunningMonths: Math.min(36, Math.trunc(positive(a?.dualRunningMonths))),
		oneOffRelocationCostUsd: positive(a?.oneOffRelocationCostUsd),
		usdCny: usdCny > 0 ? usdCny : 1,
	}
}

function finiteOr(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

function positive(value: number | undefined): number {
	return typeof value === 'number' && value > 0 ? value : 0 // NaN, negatives and undefined are 0
}
