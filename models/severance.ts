// Statutory severance and the mass-layoff procedure under the PRC Labour Contract Law (劳动合同法,
// 2007, amended 2012, in force 2008-01-01): arts 40, 41, 46, 47 and 87.
// Source: regulations.json › severance_rules (art. 41 verified on a government page; arts 40, 46, 47, 87
// seen quoted verbatim in public repositories; official text at https://flk.npc.gov.cn).
//
// Money is in whole RMB, rounded half up at the end of each figure (per head), never in between.
// Not modelled: service before 2008-01-01 (art. 97 keeps the old rules for it; not verified), and
// local rules on what counts as "wage" (bonuses, allowances): callers pass the 12-month average.

import { addDays, addMonths, isIsoDate } from './dates.ts'

export const LABOUR_CONTRACT_LAW = 'Labour Contract Law'

/** Fixed by art. 47: the cap is 3x the local average monthly wage, and capped years stop at 12. */
export const SEVERANCE_CAP = { wageMultiple: 3, maxYears: 12 } as const

/** Fixed by art. 41: 20 or more people, or fewer than 20 but 10% or more; 30 days' advance explanation. */
export const MASS_LAYOFF = { headcount: 20, workforceShare: 0.1, adviceDays: 30, rehirePriorityMonths: 6 } as const

export interface EconomicCompensationInput {
	monthlyWage: number // average of the last 12 months, RMB
	serviceMonths: number // whole months of service (a fraction is dropped)
	localAverageMonthlyWage: number // the city's published average of the previous year, RMB (0 or less: unknown)
}

export interface EconomicCompensation {
	yearsCounted: number // months of pay owed: whole years plus 0.5 or 1 for the remainder, at most 12 when capped
	monthlyBase: number // RMB: the wage, or 3x the local average when the wage is higher than that
	amount: number // whole RMB
	capped: boolean
}

/**
 * Economic compensation (经济补偿) under art. 47: one month's wage per full year of service; a remainder of
 * 6 months or more counts as a year (六个月以上 includes 6), under 6 months as half a month. When the wage is
 * HIGHER than 3x the local average (equal is not capped), the base is 3x the average and the years stop at 12.
 * A local average of 0 or less is read as unknown and no cap is applied (overstates, never understates).
 */
export function economicCompensation(input: EconomicCompensationInput): EconomicCompensation {
	const wage = nonNegative(input.monthlyWage)
	const years = compensationYears(input.serviceMonths)
	const capWage = nonNegative(input.localAverageMonthlyWage) * SEVERANCE_CAP.wageMultiple
	const capped = capWage > 0 && wage > capWage
	const monthlyBase = capped ? capWage : wage
	const yearsCounted = capped ? Math.min(years, SEVERANCE_CAP.maxYears) : years
	return { yearsCounted, monthlyBase, amount: roundRmb(monthlyBase * yearsCounted), capped }
}

/** Art. 47's count of months owed for a length of service, before any cap: 0, 0.5, 1, 1.5, ... */
export function compensationYears(serviceMonths: number): number {
	const months = Math.floor(nonNegative(serviceMonths))
	const fullYears = Math.floor(months / 12)
	const remainder = months % 12
	if (remainder === 0) return fullYears
	return fullYears + (remainder >= 6 ? 1 : 0.5)
}

/**
 * Art. 40: one month's wage in lieu of 30 days' written notice (额外支付一个月工资), whole RMB. Not capped.
 * The Implementing Regulations (art. 20, not verified) use the previous month's wage; the 12-month
 * average is used here as the nearest figure the inventory holds.
 */
export function noticeInLieu(monthlyWage: number): number {
	return roundRmb(nonNegative(monthlyWage))
}

/**
 * Art. 87: damages for unlawful termination are twice the art. 47 compensation (2N), whole RMB, with the
 * same cap. They replace the compensation rather than add to it (Implementing Regulations art. 25, not verified).
 */
export function unlawfulTerminationDamages(input: EconomicCompensationInput): number {
	return economicCompensation(input).amount * 2
}

/**
 * The base of a negotiated premium (the k of "N+k"): 'wage' is the employee's own monthly wage, uncapped;
 * 'statutory_base' is the art. 47 base, capped at 3x the local average for high earners. Packages are
 * usually written as "k months' salary", so 'wage' is the default: it is also the higher, safer estimate.
 */
export type PremiumBase = 'wage' | 'statutory_base'

export interface SeveranceLineInput {
	headcount: number // people leaving from the line
	avgMonthlyWageRmb: number
	avgTenureMonths: number
	localAverageMonthlyWage: number
	premiumMonths: number // k of N+k; 0 = statutory N only
	includeNoticeInLieu: boolean // art. 40 month in lieu; not used for art. 41 layoffs, which run on the 30-day procedure
	premiumBase?: PremiumBase // default 'wage'
	unlawful?: boolean // art. 87: 2N instead of N (default false)
}

export interface SeveranceBreakdown {
	statutory: number // N (or 2N when unlawful), whole RMB
	notice: number // art. 40 month in lieu, whole RMB
	premium: number // k months on the premium base, whole RMB
	total: number
}

/** Line totals (perHead x headcount) at the top level, with the per-head figures beside them. */
export interface SeveranceLineResult extends SeveranceBreakdown {
	headcount: number
	perHead: SeveranceBreakdown
	capped: boolean
	yearsCounted: number
	monthlyBase: number
	premiumBase: PremiumBase
	notes: string[]
}

/**
 * Severance cost of a staffing line, per head and in total, in whole RMB, for a group of people with the same
 * average wage and tenure. The average employee stands for the group: art. 47 is a step function, so the cost of
 * the average tenure is not exactly the average cost; use tenure bands as separate lines when precision matters.
 */
export function severanceForLine(input: SeveranceLineInput): SeveranceLineResult {
	const headcount = Math.floor(nonNegative(input.headcount))
	const premiumBase = input.premiumBase ?? 'wage'
	const wage = nonNegative(input.avgMonthlyWageRmb)
	const n = economicCompensation({
		monthlyWage: wage,
		serviceMonths: input.avgTenureMonths,
		localAverageMonthlyWage: input.localAverageMonthlyWage,
	})
	const statutory = input.unlawful ? n.amount * 2 : n.amount
	const notice = input.includeNoticeInLieu ? noticeInLieu(wage) : 0
	const premiumMonthly = premiumBase === 'wage' ? wage : n.monthlyBase
	const premium = roundRmb(premiumMonthly * nonNegative(input.premiumMonths))
	const perHead = { statutory, notice, premium, total: statutory + notice + premium }
	return {
		...scaleBreakdown(perHead, headcount),
		headcount,
		perHead,
		capped: n.capped,
		yearsCounted: n.yearsCounted,
		monthlyBase: n.monthlyBase,
		premiumBase,
		notes: lineNotes(n.capped, input, premiumBase),
	}
}

function lineNotes(capped: boolean, input: SeveranceLineInput, premiumBase: PremiumBase): string[] {
	const notes: string[] = []
	if (capped) {
		notes.push(
			`${LABOUR_CONTRACT_LAW} art. 47: the average wage is higher than 3x the local average, so the base is capped at 3x the average and the years at 12.`,
		)
	}
	if (!(input.localAverageMonthlyWage > 0)) {
		notes.push('No local average wage: the art. 47 cap was not applied, so the figure may be overstated.')
	}
	if (input.unlawful) notes.push(`${LABOUR_CONTRACT_LAW} art. 87: unlawful termination, damages of 2N.`)
	if (input.premiumMonths > 0) {
		const base = premiumBase === 'wage' ? "the employees' own monthly wage (uncapped)" : 'the art. 47 base (capped)'
		notes.push(`Negotiated premium of ${input.premiumMonths} month(s) on ${base}.`)
	}
	return notes
}

function scaleBreakdown(b: SeveranceBreakdown, headcount: number): SeveranceBreakdown {
	return {
		statutory: b.statutory * headcount,
		notice: b.notice * headcount,
		premium: b.premium * headcount,
		total: b.total * headcount,
	}
}

export interface MassLayoffInput {
	layoffCount: number // people to be laid off by the entity
	workforce: number // the entity's total employees (企业职工总数)
	proposedDate: string // 'YYYY-MM-DD': the day the plan would first be explained to the union or all staff
}

export type MassLayoffTrigger = 'twenty_or_more' | 'ten_percent_or_more'

export interface ProcedureStep {
	id: 'explain' | 'hear_opinions' | 'report' | 'protect' | 'retain' | 'terminate' | 'rehire_priority' | 'notice'
	title: string
	article: string // Labour Contract Law article
	from: string | null // 'YYYY-MM-DD', null when the proposed date is invalid or the step has no start
	until: string | null
	verified: boolean // false: from general knowledge, check before relying on it
}

export interface MassLayoffProcedure {
	applies: boolean
	trigger: MassLayoffTrigger | null
	layoffCount: number
	workforce: number
	share: number // layoffCount / workforce, 0-1
	steps: ProcedureStep[]
	earliestEffectiveDate: string | null // null when nobody is laid off or proposedDate is not a valid date
	notes: string[]
}

/**
 * Art. 41 economic layoff (经济性裁员): applies when 20 or more people are laid off, or fewer than 20 but 10% or
 * more of the workforce (以上 includes 20 and 10%). Then the employer must explain the situation to the union or
 * all staff 30 days in advance, hear their opinions, and report the plan to the labour administration; the earliest
 * effective date is proposedDate + 30 days. Below the trigger, individual terminations (art. 40(3), after trying to
 * amend the contract, or mutual agreement under art. 36) can take effect on proposedDate with a month's wage in lieu.
 * A workforce smaller than the layoff (including 0) is read as equal to it.
 */
export function massLayoffProcedure(input: MassLayoffInput): MassLayoffProcedure {
	const layoffCount = Math.floor(nonNegative(input.layoffCount))
	const workforce = Math.max(Math.floor(nonNegative(input.workforce)), layoffCount)
	const trigger = massLayoffTrigger(layoffCount, workforce)
	const share = workforce === 0 ? 0 : layoffCount / workforce
	const valid = isIsoDate(input.proposedDate)
	const notes = valid ? [] : [`Proposed date '${input.proposedDate}' is not a valid 'YYYY-MM-DD' date.`]
	if (workforce > Math.floor(nonNegative(input.workforce))) {
		notes.push('The workforce given was smaller than the layoff; it was read as equal to the layoff.')
	}
	if (layoffCount === 0) {
		return { applies: false, trigger, layoffCount, workforce, share, steps: [], earliestEffectiveDate: null, notes }
	}
	const start = valid ? input.proposedDate : null
	if (trigger === null) {
		return {
			applies: false,
			trigger,
			layoffCount,
			workforce,
			share,
			steps: individualSteps(start),
			earliestEffectiveDate: start,
			notes,
		}
	}
	const effective = start && addDays(start, MASS_LAYOFF.adviceDays)
	return {
		applies: true,
		trigger,
		layoffCount,
		workforce,
		share,
		steps: massLayoffSteps(start, effective),
		earliestEffectiveDate: effective,
		notes,
	}
}

/** Which limb of art. 41 a layoff meets, or null. Integer arithmetic: count x 10 >= workforce is 10% or more. */
export function massLayoffTrigger(layoffCount: number, workforce: number): MassLayoffTrigger | null {
	if (layoffCount >= MASS_LAYOFF.headcount) return 'twenty_or_more'
	if (layoffCount > 0 && layoffCount * 10 >= workforce) return 'ten_percent_or_more'
	return null
}

const PROTECTED =
	'Exclude protected employees: pregnancy, maternity or nursing, occupational disease or work injury, medical treatment period, 15+ years of service within 5 years of retirement (art. 42; from general knowledge, not in regulations.json).'

function massLayoffSteps(start: string | null, effective: string | null): ProcedureStep[] {
	const rehireUntil = effective && addMonths(effective, MASS_LAYOFF.rehirePriorityMonths)
	return [
		{
			id: 'explain',
			title: `Explain the situation to the trade union or all employees 30 days in advance (${LABOUR_CONTRACT_LAW} art. 41).`,
			article: 'Art. 41',
			from: start,
			until: start,
			verified: true,
		},
		{
			id: 'hear_opinions',
			title: 'Hear the opinions of the union or the employees during the 30 days.',
			article: 'Art. 41',
			from: start,
			until: effective,
			verified: true,
		},
		{
			id: 'report',
			title: 'After hearing the opinions, report the layoff plan to the labour administrative department.',
			article: 'Art. 41',
			from: start,
			until: effective,
			verified: true,
		},
		{ id: 'protect', title: PROTECTED, article: 'Art. 42', from: start, until: effective, verified: false },
		{
			id: 'retain',
			title: 'Retain in priority: longer fixed-term contracts, open-ended contracts, sole earners supporting elderly people or minors.',
			article: 'Art. 41',
			from: start,
			until: effective,
			verified: true,
		},
		{
			id: 'terminate',
			title: 'Terminate from the earliest effective date and pay economic compensation (N).',
			article: 'Art. 46, Art. 47',
			from: effective,
			until: null,
			verified: true,
		},
		{
			id: 'rehire_priority',
			title: 'Re-hiring within 6 months: notify the laid-off employees and give them priority on equal terms.',
			article: 'Art. 41',
			from: effective,
			until: rehireUntil,
			verified: true,
		},
	]
}

function individualSteps(start: string | null): ProcedureStep[] {
	return [
		{
			id: 'notice',
			title: "Give 30 days' written notice or pay one month's wage in lieu; for changed circumstances, first try to agree an amendment.",
			article: 'Art. 40',
			from: start,
			until: start,
			verified: true,
		},
		{ id: 'protect', title: PROTECTED, article: 'Art. 42', from: start, until: start, verified: false },
		{
			id: 'terminate',
			title: 'Terminate and pay economic compensation (N).',
			article: 'Art. 46, Art. 47',
			from: start,
			until: null,
			verified: true,
		},
	]
}

function nonNegative(value: number): number {
	return value > 0 ? value : 0 // NaN and negatives are 0
}

/** Whole RMB, half up. */
function roundRmb(value: number): number {
	return Math.round(value)
}
