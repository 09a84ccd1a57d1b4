// Calendar quarters, written 'YYYY-Qn' (n = 1-4): the one place that knows their arithmetic (snapshots, the
// scenario calendar and the scenario form all use it). Pure: no clock is read; dates come in as arguments.

import { isIsoDate } from './dates.ts'

const QUARTER = /^(\d{4})-Q([1-4])$/
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const

export interface Quarter {
	year: number
	quarter: 1 | 2 | 3 | 4
	start: string // first day, 'YYYY-MM-DD'
	end: string // last day
}

export function isQuarter(value: unknown): value is string {
	return typeof value === 'string' && QUARTER.test(value)
}

/** 'YYYY-Qn' (surrounding spaces ignored) as its first and last days, or null when the text is not a quarter. */
export function parseQuarter(value: string): Quarter | null {
	const match = QUARTER.exec(typeof value === 'string' ? value.trim() : '')
	if (!match) return null
	const year = Number(match[1])
	const quarter = Number(match[2]) as 1 | 2 | 3 | 4
	const text = `${match[1]}-Q${quarter}`
	return { year, quarter, start: quarterStartDate(text), end: quarterEndDate(text) }
}

function parts(quarter: string): { year: number; q: number } {
	const m = QUARTER.exec(quarter)
	if (!m) throw new RangeError(`'${quarter}' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3`)
	return { year: Number(m[1]), q: Number(m[2]) }
}

const label = (year: number, q: number) => `${String(year).padStart(4, '0')}-Q${q}`

/** The quarter of a date: a `Date` (read in UTC), a 'YYYY-MM-DD' date or an ISO instant ('2026-11-23T08:00:00Z'). */
export function quarterOf(date: Date | string): string {
	let year: number
	let month: number
	if (date instanceof Date) {
		if (Number.isNaN(date.getTime())) throw new RangeError('quarterOf: invalid Date')
		year = date.getUTCFullYear()
		month = date.getUTCMonth() + 1
	} else {
		const day = date.slice(0, 10)
		if (!isIsoDate(day)) throw new RangeError(`quarterOf: '${date}' is not a YYYY-MM-DD date`)
		year = Number(day.slice(0, 4))
		month = Number(day.slice(5, 7))
	}
	return label(year, Math.floor((month - 1) / 3) + 1)
}

/** The first day of a quarter: quarterStartDate('2026-Q3') is '2026-07-01'. */
export function quarterStartDate(quarter: string): string {
	const { year, q } = parts(quarter)
	return `${String(year).padStart(4, '0')}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
}

/** The last day of a quarter: quarterEndDate('2026-Q3') is '2026-09-30'. */
export function quarterEndDate(quarter: string): string {
	const { year, q } = parts(quarter)
	return `${String(year).padStart(4, '0')}-${QUARTER_ENDS[q - 1]}`
}

export function previousQuarter(quarter: string): string {
	const { year, q } = parts(quarter)
	return q === 1 ? label(year - 1, 4) : label(year, q - 1)
}

export function nextQuarter(quarter: string): string {
	const { year, q } = parts(quarter)
	return q === 4 ? label(year + 1, 1) : label(year, q + 1)
}

/** Orders quarters (negative when a is earlier). Both must be valid quarters. */
export function compareQuarters(a: string, b: string): number {
	const x = parts(a)
	const y = parts(b)
	return x.year - y.year || x.q - y.q
}

/** The `count` quarters from the one `asOf` ('YYYY-MM-DD') falls in, for the start-quarter picker. */
export function upcomingQuarters(asOf: string, count = 12): string[] {
	const out: string[] = []
	for (let q = quarterOf(asOf); out.length < count; q = nextQuarter(q)) out.push(q)
	return out
}
