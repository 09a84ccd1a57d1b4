// Threshold forecast per exporter: this year's cumulative individuals provided abroad, projected by month from the
// year-to-date run rate, the date each threshold of the 2024 Provisions is crossed, the mechanism needed then, the
// lead time to obtain it, and whether the work must start now. Pure: the date is an argument.
//
// Counting (2024 Provisions arts 7-8): individuals, cumulative since 1 January of the current year (自当年1月1日起
// 累计), per exporter; flows that an exemption covers (arts 4-6: collected abroad, contract/HR/emergency purpose,
// FTZ outside the negative list) do not count towards the thresholds;
// the exporter's totals are those of the cross-border engine (requiredTransferMechanisms: the distinct counts given for
// the unit, else the sum over its counted flows).
import {
	effectiveMechanismInPlace,
	exporterFlowFacts,
	mechanismSatisfies,
	requiredTransferMechanisms,
	TRANSFER_THRESHOLDS,
	type TransferMechanism,
} from '../transfer-mechanism.ts'
import { addDays, daysBetween, isIsoDate } from '../dates.ts'
import { type DataFlow, type FlowMonthCount, type UnitInventory } from '../domain.ts'
import { shiftWorkingDays, type WorkingDayBasis } from './working-days.ts'

export type ThresholdKey = 'non_sensitive_100k' | 'non_sensitive_1m' | 'sensitive_10k'

export interface LeadTime {
	mechanism: Exclude<TransferMechanism, 'exempt'>
	/** Preparation before filing (self-assessment, documents, contract): an estimate. */
	preparationDays: number
	/** Authority steps counted in working days, each with its source. */
	authorityWorkingDays: number
	steps: Array<{ step: string; days: number; unit: 'calendar' | 'working'; source: string; estimate: boolean }>
}

/** Lead times to hold each mechanism. Preparation figures are estimates; authority periods are the instruments'. */
export const LEAD_TIMES: Record<LeadTime['mechanism'], LeadTime> = {
	security_assessment: {
		mechanism: 'security_assessment',
		preparationDays: 60,
		authorityWorkingDays: 5 + 7 + 45,
		steps: [
			{
				step: 'Self-assessment and application file',
				days: 60,
				unit: 'calendar',
				source: 'ESTIMATE (market practice: 1-3 months)',
				estimate: true,
			},
			{
				step: 'Provincial CAC completeness check',
				days: 5,
				unit: 'working',
				source: '2022 Security Assessment Measures art. 7 (not re-read)',
				estimate: false,
			},
			{
				step: 'CAC decides whether to accept',
				days: 7,
				unit: 'working',
				source: '2022 Security Assessment Measures art. 11 (not re-read)',
				estimate: false,
			},
			{
				step: 'CAC review (extendable)',
				days: 45,
				unit: 'working',
				source: '2022 Security Assessment Measures art. 12 (not re-read)',
				estimate: false,
			},
		],
	},
	standard_contract_or_certification: {
		mechanism: 'standard_contract_or_certification',
		preparationDays: 45,
		authorityWorkingDays: 0,
		steps: [
			{
				step: 'Impact assessment and contract with the recipient',
				days: 45,
				unit: 'calendar',
				source: 'ESTIMATE (market practice: 4-8 weeks)',
				estimate: true,
			},
			{
				step: 'File within 10 working days after the contract takes effect (does not hold the transfer)',
				days: 0,
				unit: 'working',
				source: '2023 Standard Contract Measures art. 7',
				estimate: false,
			},
		],
	},
}

const THRESHOLDS: ReadonlyArray<{
	key: ThresholdKey
	label: string
	value: number
	part: 'nonSensitive' | 'sensitive'
	mechanism: LeadTime['mechanism']
	article: string
}> = [
	{
		key: 'non_sensitive_100k',
		label: '100,000 non-sensitive',
		value: TRANSFER_THRESHOLDS.nonSensitiveStandardContract,
		part: 'nonSensitive',
		mechanism: 'standard_contract_or_certification',
		article: 'Art. 8',
	},
	{
		key: 'non_sensitive_1m',
		label: '1,000,000 non-sensitive',
		value: TRANSFER_THRESHOLDS.nonSensitiveSecurityAssessment,
		part: 'nonSensitive',
		mechanism: 'security_assessment',
		article: 'Art. 7(2)',
	},
	{
		key: 'sensitive_10k',
		label: '10,000 sensitive',
		value: TRANSFER_THRESHOLDS.sensitiveSecurityAssessment,
		part: 'sensitive',
		mechanism: 'security_assessment',
		article: 'Art. 7(2)',
	},
]

export interface Crossing {
	threshold: ThresholdKey
	label: string
	value: number
	article: string
	mechanism: LeadTime['mechanism']
	/** Already at or past the threshold on asOf (以上 includes the number). */
	crossed: boolean
	/** The forecast crossing date this year, or null (crossed already, no run rate, or not before 31 December). */
	forecastOn: string | null
	leadTimeDays: number | null
	/** The latest day to start the work to hold the mechanism on the crossing day. */
	startBy: string | null
	/** startBy is today or past: the lead time reaches the forecast crossing. */
	startNow: boolean
	/** The exporter's counted flows already hold a mechanism that satisfies it. */
	covered: boolean
	basis: WorkingDayBasis | null
}

export interface MonthPoint {
	month: string // 'YYYY-MM'
	nonSensitive: number
	sensitive: number
	projected: boolean // after asOf: projected from the run rate
	/** The cumulative count of the recorded monthly counts (false: interpolated or projected). */
	recorded?: boolean
}

/** How the pace was set: the year-to-date run rate, or the recorded monthly counts of the last months. */
export interface ForecastBasis {
	kind: 'run_rate' | 'monthly'
	/** The months whose counts set the pace ('monthly'). */
	months: string[]
	note: string
}

export interface ExporterForecast {
	unitId: number
	unitCode: string
	asOf: string
	year: number
	/** null: a CIIO (any PI needs a security assessment) or no counted flows. */
	applicable: boolean
	reason: string | null
	ytd: { nonSensitive: number; sensitive: number }
	/** Counted flows whose counts are unknown: the figures are lower bounds. */
	unknownFlows: number
	perDay: { nonSensitive: number; sensitive: number }
	basis: ForecastBasis
	months: MonthPoint[]
	crossings: Crossing[]
	resetNote: string
}

/** The months of recorded counts that set the pace: at most this many, the latest complete ones. */
export const PACE_MONTHS = 3

interface MonthlySeries {
	/** Complete months of the year, January first, up to the last month every counted flow has recorded. */
	months: Array<{ month: string; nonSensitive: number; sensitive: number }>
	pace: string[]
	perDay: { nonSensitive: number; sensitive: number }
}

const monthStart = (month: string) => `${month}-01`
const monthEnd = (month: string) => {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1)!
}
const daysIn = (month: string) => daysBetween(monthStart(month), monthEnd(month))! + 1

/**
 * The counted flows' monthly counts of `year`, when they can set the pace: every counted flow has recorded each of
 * the months used, and those months are complete before `asOf`. The pace is the daily rate over the last
 * PACE_MONTHS months every flow recorded (growth and seasons show there, not in a run rate since January).
 * Returns the reason instead when they cannot.
 */
export function monthlySeries(
	counted: readonly DataFlow[],
	flowMonths: readonly FlowMonthCount[] | undefined,
	asOf: string,
): MonthlySeries | { reason: string } {
	const year = asOf.slice(0, 4)
	const current = asOf.slice(0, 7)
	const byFlow = new Map<number, Map<string, FlowMonthCount>>()
	for (const m of flowMonths ?? []) {
		if (!m.month.startsWith(`${year}-`) || m.month >= current) continue // another year, or not complete yet
		if (!byFlow.has(m.flowId)) byFlow.set(m.flowId, new Map())
		byFlow.get(m.flowId)!.set(m.month, m)
	}
	if (!byFlow.size) return { reason: 'no monthly counts recorded for complete months of this year' }
	const missing = counted.filter(f => !byFlow.has(f.id)).map(f => f.code)
	if (missing.length) return { reason: `no monthly counts for ${missing.join(', ')}` }
	const months: MonthlySeries['months'] = []
	for (let m = 1; `${year}-${String(m).padStart(2, '0')}` < current; m++) {
		const month = `${year}-${String(m).padStart(2, '0')}`
		const rows = counted.map(f => byFlow.get(f.id)!.get(month))
		if (rows.some(r => !r)) break // the series ends at the first month a flow has not recorded
		months.push({
			month,
			nonSensitive: rows.reduce((a, r) => a + r!.personalInfoIndividuals, 0),
			sensitive: rows.reduce((a, r) => a + r!.sensitivePersonalInfoIndividuals, 0),
		})
	}
	if (!months.length) return { reason: 'the monthly counts do not start in January for every counted flow' }
	const pace = months.slice(-PACE_MONTHS)
	const days = pace.reduce((a, m) => a + daysIn(m.month), 0)
	return {
		months,
		pace: pace.map(m => m.month),
		perDay: {
			nonSensitive: pace.reduce((a, m) => a + m.nonSensitive, 0) / days,
			sensitive: pace.reduce((a, m) => a + m.sensitive, 0) / days,
		},
	}
}

/**
 * The forecast of one exporter on `asOf`. Run rate = year-to-date count / days elapsed (1 January to asOf,
 * inclusive); a crossing falls on the first day the projection reaches the threshold, if before 1 January.
 */
export function forecastExporter(inv: UnitInventory, asOf: string): ExporterForecast {
	const year = Number(asOf.slice(0, 4))
	const requirements = requiredTransferMechanisms(inv.unit, inv.flows.map(exporterFlowFacts))
	const counted = inv.flows.filter((_, i) => requirements[i]!.counted)
	const totals = requirements[0]?.cumulative
	const engine = { nonSensitive: totals?.personalInfoIndividuals ?? 0, sensitive: totals?.sensitivePersonalInfoIndividuals ?? 0 }
	const unknownFlows = totals?.unknownVolumes ?? 0
	const elapsed = (daysBetween(`${year}-01-01`, asOf) ?? 0) + 1
	const series = counted.length ? monthlySeries(counted, inv.flowMonths, asOf) : { reason: 'no counted flow' }
	let ytd = engine
	let perDay = { nonSensitive: engine.nonSensitive / elapsed, sensitive: engine.sensitive / elapsed }
	let basis: ForecastBasis = {
		kind: 'run_rate',
		months: [],
		note: `Projected at the year-to-date run rate (${'reason' in series ? series.reason : ''}).`,
	}
	if (!('reason' in series)) {
		const recorded = series.months.reduce(
			(a, m) => ({ nonSensitive: a.nonSensitive + m.nonSensitive, sensitive: a.sensitive + m.sensitive }),
			{ nonSensitive: 0, sensitive: 0 },
		)
		// The year-to-date figures decide what is crossed; recorded months above them raise them (unknown is never zero).
		ytd = { nonSensitive: Math.max(engine.nonSensitive, recorded.nonSensitive), sensitive: Math.max(engine.sensitive, recorded.sensitive) }
		perDay = series.perDay
		const distinct = inv.unit.distinctIndividualsAbroad !== null || inv.unit.distinctSensitiveIndividualsAbroad !== null
		basis = {
			kind: 'monthly',
			months: series.pace,
			note: `Projected at the pace of the recorded monthly counts of ${series.pace.join(', ')}${
				ytd.nonSensitive > engine.nonSensitive || ytd.sensitive > engine.sensitive
					? '; the recorded months add up to more than the year-to-date counts, so their sum is used'
					: ''
			}${distinct ? '; the unit gives distinct counts, so the monthly pace (summed over flows) may count people twice and is an upper bound' : ''}.`,
		}
	}
	const base = { unitId: inv.unit.id, unitCode: inv.unit.code, asOf, year, ytd, unknownFlows, perDay, basis, resetNote: resetNote(year) }
	const points = () => ('reason' in series ? months(year, asOf, ytd, perDay) : monthlyPoints(year, asOf, ytd, perDay, series))
	if (inv.unit.isCiio)
		return {
			...base,
			applicable: false,
			reason:
				'A CIIO needs a CAC security assessment for any personal information it provides abroad (art. 7(1)): no volume threshold applies.',
			months: points(),
			crossings: [],
		}
	if (!counted.length)
		return {
			...base,
			applicable: false,
			reason: 'No flow counts towards the thresholds (none, or all covered by an exemption of arts 4-6).',
			months: [],
			crossings: [],
		}
	return {
		...base,
		applicable: true,
		reason: null,
		months: points(),
		crossings: THRESHOLDS.map(t => crossing(t, ytd[t.part], perDay[t.part], asOf, year, counted)),
	}
}

/**
 * Month points from recorded counts: the cumulative recorded sum for each recorded month, then the months up to
 * asOf rising at the pace to the year-to-date figure, then the projection from asOf.
 */
function monthlyPoints(
	year: number,
	asOf: string,
	ytd: ExporterForecast['ytd'],
	perDay: ExporterForecast['perDay'],
	series: MonthlySeries,
): MonthPoint[] {
	const out: MonthPoint[] = []
	const cumulative = { nonSensitive: 0, sensitive: 0 }
	const recorded = new Map(series.months.map(m => [m.month, m]))
	for (let m = 1; m <= 12; m++) {
		const month = `${year}-${String(m).padStart(2, '0')}`
		const end = monthEnd(month)
		const r = recorded.get(month)
		if (r) {
			cumulative.nonSensitive += r.nonSensitive
			cumulative.sensitive += r.sensitive
			out.push({ month, ...cumulative, projected: false, recorded: true })
			continue
		}
		const projected = daysBetween(asOf, end)! > 0
		const at = (part: 'nonSensitive' | 'sensitive') =>
			projected
				? Math.round(ytd[part] + perDay[part] * daysBetween(asOf, end)!)
				: Math.min(ytd[part], Math.round(cumulative[part] + perDay[part] * (daysBetween(monthStart(month), end)! + 1)))
		const point = { month, nonSensitive: at('nonSensitive'), sensitive: at('sensitive'), projected, recorded: false }
		if (!projected) {
			cumulative.nonSensitive = point.nonSensitive
			cumulative.sensitive = point.sensitive
		}
		out.push(point)
	}
	return out
}

function crossing(t: (typeof THRESHOLDS)[number], count: number, rate: number, asOf: string, year: number, flows: DataFlow[]): Crossing {
	const covered = flows.every(f => mechanismSatisfies(t.mechanism, effectiveMechanismInPlace(f, asOf)))
	const lead = LEAD_TIMES[t.mechanism]
	const none = { forecastOn: null, leadTimeDays: null, startBy: null, startNow: false, basis: null }
	const head = { threshold: t.key, label: t.label, value: t.value, article: t.article, mechanism: t.mechanism, covered }
	if (count >= t.value) return { ...head, crossed: true, ...none }
	if (rate <= 0) return { ...head, crossed: false, ...none }
	const forecastOn = addDays(asOf, Math.ceil((t.value - count) / rate))!
	if (forecastOn > `${year}-12-31`) return { ...head, crossed: false, ...none }
	const start = startByFor(lead, forecastOn)
	return {
		...head,
		crossed: false,
		forecastOn,
		leadTimeDays: daysBetween(start.date, forecastOn),
		startBy: start.date,
		startNow: !covered && daysBetween(start.date, asOf)! >= 0,
		basis: start.basis,
	}
}

/** The latest start date: the authority's working days counted back from the crossing, then the preparation. */
export function startByFor(lead: LeadTime, readyOn: string): { date: string; basis: WorkingDayBasis } {
	const shifted = shiftWorkingDays(readyOn, -lead.authorityWorkingDays)!
	return { date: addDays(shifted.date, -lead.preparationDays)!, basis: shifted.basis }
}

function months(year: number, asOf: string, ytd: ExporterForecast['ytd'], perDay: ExporterForecast['perDay']): MonthPoint[] {
	const out: MonthPoint[] = []
	for (let m = 1; m <= 12; m++) {
		const month = `${year}-${String(m).padStart(2, '0')}`
		const end = addDays(m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`, -1)!
		const days = daysBetween(`${year}-01-01`, end)! + 1
		const projected = daysBetween(asOf, end)! > 0
		const at = (total: number, rate: number) => (projected ? Math.round(rate * days) : Math.min(total, Math.round(rate * days)))
		out.push({
			month,
			nonSensitive: Math.max(at(ytd.nonSensitive, perDay.nonSensitive), projected ? ytd.nonSensitive : 0),
			sensitive: Math.max(at(ytd.sensitive, perDay.sensitive), projected ? ytd.sensitive : 0),
			projected,
		})
	}
	return out
}

function resetNote(year: number): string {
	return `Counters reset on ${year + 1}-01-01: the thresholds are counted again from zero, so an exporter may fall back below 100,000 (art. 5(4), exempt) or below 1,000,000; a security assessment passed stays valid for its 3 years, a certificate for its 3 years, and a filed standard contract stays filed.`
}

/** True when `value` is an ISO date in the forecast's year (used by the overview's "this year" panel). */
export const inYear = (value: string | null, year: number) => isIsoDate(value) && value.startsWith(`${year}-`)

const MECHANISM_WORDS: Record<LeadTime['mechanism'], string> = {
	security_assessment: 'security assessment needed',
	standard_contract_or_certification: 'standard contract or certification needed',
}

/** Every not-yet-made crossing forecast before 31 December, soonest first, skipping those already covered. */
export function forecastCrossingsThisYear(forecasts: readonly ExporterForecast[]) {
	return forecasts
		.flatMap(f =>
			f.crossings
				.filter(c => c.forecastOn && !c.covered)
				.map(c => ({
					unitId: f.unitId,
					unitCode: f.unitCode,
					...c,
					forecastOn: c.forecastOn!,
					mechanismLabel: MECHANISM_WORDS[c.mechanism],
				})),
		)
		.sort((a, b) => (a.forecastOn < b.forecastOn ? -1 : a.forecastOn > b.forecastOn ? 1 : a.unitCode.localeCompare(b.unitCode)))
}
