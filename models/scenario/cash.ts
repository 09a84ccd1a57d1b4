// The money of a plan for one pick of the uncertain inputs (wage inflation, attrition): severance per line, the
// one-off costs, the monthly cash flow against doing nothing, NPV and payback. Kept allocation-light because the
// Monte Carlo calls it a thousand times.

import { severanceForLine, type SeveranceLineResult } from '../severance.ts'
import { type PlannedMove, type ScenarioPlan } from './plan.ts'
import { type OneOffCosts, type ScenarioPick } from './types.ts'

export interface MoveCash {
	leavers: number
	terminated: number
	wageRmb: number // at the effective date
	localAverageRmb: number // at the effective date
	serviceMonths: number
	severance: SeveranceLineResult // RMB, for the terminated headcount
	oneOffUsd: OneOffCosts // unrounded
}

export interface CashResult {
	moves: MoveCash[]
	oneOff: OneOffCosts // unrounded, whatever the horizon
	chinaAvoided: Float64Array // per month of the horizon, USD
	destinationRunRate: Float64Array
	oneOffMonthly: Float64Array
	net: Float64Array
	cumulative: Float64Array
	discountFactor: Float64Array
	npv: number
	paybackMonth: number | null
}

/** Clamps a pick to rates the formulas can take (attrition 0-0.99, inflation above -99%). */
export function safePick(pick: ScenarioPick): ScenarioPick {
	const finite = (v: number) => (Number.isFinite(v) ? v : 0)
	return {
		wageInflation: Math.max(-0.99, finite(pick.wageInflation)),
		attrition: Math.min(0.99, Math.max(0, finite(pick.attrition))),
	}
}

export function computeCash(plan: ScenarioPlan, rawPick: ScenarioPick): CashResult {
	const pick = safePick(rawPick)
	const a = plan.assumptions
	const n = a.horizonMonths
	const growth = 1 + pick.wageInflation
	const inflation = (month: number) => Math.pow(growth, Math.floor(Math.max(0, month) / 12))
	const chinaAvoided = new Float64Array(n)
	const destinationRunRate = new Float64Array(n)
	const oneOffMonthly = new Float64Array(n)
	const moves: MoveCash[] = []
	const oneOff = zeroCosts()
	const logSurvival = Math.log(1 - pick.attrition) / 12 // ln of the share still there after one month
	for (const m of plan.moves) {
		const cash = moveCash(m, plan, inflation, logSurvival)
		moves.push(cash)
		addCosts(oneOff, cash.oneOffUsd)
		const { announce, stop, hire } = m.idx
		const chinaMonthly = m.chinaMonthlyCostUsd * m.headcount
		const destinationMonthly = m.destinationMonthlyCostUsd * m.headcount
		for (let i = Math.max(0, announce); i < n; i++) {
			const price = inflation(i)
			// Before the contracts end only the voluntary leavers (not replaced) save money; after, the whole line.
			const gone = i < stop ? 1 - Math.exp(logSurvival * (i - announce)) : 1
			chinaAvoided[i]! += chinaMonthly * price * gone
			if (hire !== null && i >= hire) {
				if (i < stop) oneOffMonthly[i]! += destinationMonthly * price
				else destinationRunRate[i]! += destinationMonthly * price
			}
		}
		const at = (month: number | null, usd: number) => {
			if (month !== null && month >= 0 && month < n) oneOffMonthly[month]! += usd
		}
		at(announce, cash.oneOffUsd.relocation)
		at(m.idx.recruit, cash.oneOffUsd.recruitment)
		at(m.idx.effective, cash.oneOffUsd.severance + cash.oneOffUsd.noticeInLieu + cash.oneOffUsd.premium)
	}
	const net = new Float64Array(n)
	const cumulative = new Float64Array(n)
	const discountFactor = new Float64Array(n)
	let running = 0
	let npv = 0
	for (let i = 0; i < n; i++) {
		net[i] = chinaAvoided[i]! - destinationRunRate[i]! - oneOffMonthly[i]!
		running += net[i]!
		cumulative[i] = running
		discountFactor[i] = Math.pow(1 + a.discountRate, -i / 12)
		npv += net[i]! * discountFactor[i]!
	}
	return {
		moves,
		oneOff,
		chinaAvoided,
		destinationRunRate,
		oneOffMonthly,
		net,
		cumulative,
		discountFactor,
		npv,
		paybackMonth: paybackMonth(net, cumulative),
	}
}

function moveCash(m: PlannedMove, plan: ScenarioPlan, inflation: (month: number) => number, logSurvival: number): MoveCash {
	const a = plan.assumptions
	const window = Math.max(0, m.idx.stop - m.idx.announce)
	const terminated = Math.round(m.headcount * Math.exp(logSurvival * window))
	const price = inflation(m.idx.effective)
	const wageRmb = m.line.avgMonthlyWageRmb * price
	const localAverageRmb = m.localAverageWageRmb * price
	const serviceMonths = Math.max(0, m.line.avgTenureMonths) + m.elapsedMonths
	const severance = severanceForLine({
		headcount: terminated,
		avgMonthlyWageRmb: wageRmb,
		avgTenureMonths: serviceMonths,
		localAverageMonthlyWage: localAverageRmb,
		premiumMonths: a.premiumMonths,
		includeNoticeInLieu: m.noticeInLieuPaid,
		premiumBase: plan.premiumBase,
	})
	const usd = (rmb: number) => rmb / a.usdCny
	const costs: OneOffCosts = {
		severance: usd(severance.statutory),
		noticeInLieu: usd(severance.notice),
		premium: usd(severance.premium),
		recruitment: m.kind === 'relocate' ? m.headcount * a.recruitmentCostPerHireUsd : 0,
		dualRunning: dualRunning(m, inflation),
		relocation: m.relocationShareUsd,
		total: 0,
	}
	costs.total = sumCosts(costs)
	return {
		leavers: m.headcount - terminated,
		terminated,
		wageRmb,
		localAverageRmb,
		serviceMonths,
		severance,
		oneOffUsd: costs,
	}
}

/** The destination team's cost while the China roles still run (whatever the horizon). */
function dualRunning(m: PlannedMove, inflation: (month: number) => number): number {
	if (m.idx.hire === null) return 0
	let total = 0
	for (let i = Math.max(0, m.idx.hire); i < m.idx.stop; i++) total += m.destinationMonthlyCostUsd * m.headcount * inflation(i)
	return total
}

/**
 * The first month from which the cumulative cash stays at or above zero (whole USD) to the end of the horizon.
 * A scenario that never goes below zero pays back in its first month with any cash; one with no cash at all, or
 * still below zero in the last month, has no payback (null).
 */
export function paybackMonth(net: ArrayLike<number>, cumulative: ArrayLike<number>): number | null {
	let lastNegative = -1
	for (let i = 0; i < cumulative.length; i++) if (Math.round(cumulative[i]!) < 0) lastNegative = i
	if (lastNegative === cumulative.length - 1) return null
	if (lastNegative >= 0) return lastNegative + 1
	for (let i = 0; i < net.length; i++) if (Math.round(net[i]!) !== 0) return i
	return null
}

export function zeroCosts(): OneOffCosts {
	return { severance: 0, noticeInLieu: 0, premium: 0, recruitment: 0, dualRunning: 0, relocation: 0, total: 0 }
}

function addCosts(into: OneOffCosts, more: OneOffCosts): void {
	into.severance += more.severance
	into.noticeInLieu += more.noticeInLieu
	into.premium += more.premium
	into.recruitment += more.recruitment
	into.dualRunning += more.dualRunning
	into.relocation += more.relocation
	into.total += more.total
}

function sumCosts(c: OneOffCosts): number {
	return c.severance + c.noticeInLieu + c.premium + c.recruitment + c.dualRunning + c.relocation
}

/** Whole USD per component; the total is the sum of the rounded parts so a table adds up. */
export function roundCosts(c: OneOffCosts): OneOffCosts {
	const r = {
		severance: Math.round(c.severance),
		noticeInLieu: Math.round(c.noticeInLieu),
		premium: Math.round(c.premium),
		recruitment: Math.round(c.recruitment),
		dualRunning: Math.round(c.dualRunning),
		relocation: Math.round(c.relocation),
		total: 0,
	}
	r.total = sumCosts(r)
	return r
}
