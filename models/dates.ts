// Calendar-date arithmetic on 'YYYY-MM-DD' strings, in UTC so that no time zone or daylight
// saving shift can move a deadline by a day. Pure: no clock is read; "today" is always an argument.
// Every function is total: an invalid date gives null, and callers decide what unknown means.
//
// Scoring a large group converts the same few hundred dates hundreds of thousands of times, so the two conversions
// are plain integer arithmetic on the characters (the civil-calendar algorithms of H. Hinnant): no regular
// expression, no Date object, no cache. Measured on the 1,000-unit group they are as fast as the LRU caches they
// replace (docs/decisions/036), and models/ keeps no state.

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (rejects '2025-02-30'). */
export function isIsoDate(value: string | null | undefined): value is string {
	return value != null && toDayNumber(value) !== null
}

/** The number written by `length` ASCII digits of `s` from `start`, or -1 when one is not a digit. */
function digitsAt(s: string, start: number, length: number): number {
	let n = 0
	for (let i = start; i < start + length; i++) {
		const d = s.charCodeAt(i) - 48
		if (d < 0 || d > 9) return -1
		n = n * 10 + d
	}
	return n
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date, or null when the string is not a real date. */
export function toDayNumber(value: string): number | null {
	if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null // 45: '-'
	const y = digitsAt(value, 0, 4)
	const m = digitsAt(value, 5, 2)
	const d = digitsAt(value, 8, 2)
	// Years before 100 were never accepted (Date.UTC reads them as 19xx): kept so.
	if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
	const yy = m <= 2 ? y - 1 : y
	const era = Math.floor(yy / 400)
	const yoe = yy - era * 400
	const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
	return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}

/** '01'…'31': two-digit months and days, written once. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'))

/** The 'YYYY-MM-DD' date of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): string {
	const z = Math.floor(days) + 719_468
	const era = Math.floor(z / 146_097)
	const doe = z - era * 146_097
	const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
	const mp = Math.floor((5 * doy + 2) / 153)
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1
	const m = mp < 10 ? mp + 3 : mp - 9
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
	if (y < 0 || y > 9_999) return new Date(days * MS_PER_DAY).toISOString().slice(0, 10) // the extended years' own form
	return `${y >= 1_000 ? y : String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`
}

/** `date` plus `days` calendar days (negative goes back), or null for an invalid date. */
export function addDays(date: string, days: number): string | null {
	const n = toDayNumber(date)
	return n === null ? null : fromDayNumber(n + Math.trunc(days))
}

/**
 * `date` plus `months` calendar months. The day is clamped to the end of a shorter month
 * ('2024-01-31' + 1 month = '2024-02-29'), the usual reading of a "within N months" period.
 */
export function addMonths(date: string, months: number): string | null {
	const match = ISO_DATE.exec(date)
	if (!match || !isIsoDate(date)) return null
	const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + Math.trunc(months)
	const year = Math.floor(total / 12)
	const month = total - year * 12 // 0-11
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
	const day = Math.min(Number(match[3]), lastDay)
	return fromDayNumber(Date.UTC(year, month, day) / MS_PER_DAY)
}

/**
 * `date` plus `days` working days, counting Monday to Friday only. Public holidays and the
 * make-up working weekends of the PRC calendar are NOT known here, so the result can be a few
 * days early; use it for indications, not for a deadline that decides anything.
 */
export function addWorkingDays(date: string, days: number): string | null {
	let n = toDayNumber(date)
	if (n === null) return null
	let left = Math.max(0, Math.trunc(days))
	while (left > 0) {
		n += 1
		const weekday = (n + 4) % 7 // 1970-01-01 was a Thursday (4); 0 = Sunday, 6 = Saturday
		if (weekday !== 0 && weekday !== 6) left -= 1
	}
	return fromDayNumber(n)
}

/** Whole days from `from` to `to` (positive when `to` is later), or null if either is invalid. */
export function daysBetween(from: string, to: string): number | null {
	const a = toDayNumber(from)
	const b = toDayNumber(to)
	return a === null || b === null ? null : b - a
}

/** 'YYYY-MM-DDTHH:MM:SSZ' from a Date, an ISO instant or the database's 'YYYY-MM-DD HH:MM:SS' (UTC). */
export function toIsoInstant(value: Date | string): string {
	const date = value instanceof Date ? value : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`)
	if (Number.isNaN(date.getTime())) throw new RangeError(`'${String(value)}' is not a date and time`)
	return `${date.toISOString().slice(0, 19)}Z`
}
