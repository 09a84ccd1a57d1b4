// Calendar-date arithmetic on 'YYYY-MM-DD' strings, in UTC so that no time zone or daylight
// saving shift can move a deadline by a day. Pure: no clock is read; "today" is always an argument.
// Every function is total: an invalid date gives null, and callers decide what unknown means.

import { LRUCache } from 'lru-cache'

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (rejects '2025-02-30'). */
export function isIsoDate(value: string | null | undefined): value is string {
	return value != null && toDayNumber(value) !== null
}

// Scoring a large group converts the same few hundred dates hundreds of thousands of times; both directions
// are pure, so they are memoised in bounded LRU caches (the least recently used of 20,000 entries goes first).
// An invalid date is kept as NaN: the cache holds no null.
const toDayCache = new LRUCache<string, number>({ max: 20_000 })
const fromDayCache = new LRUCache<number, string>({ max: 20_000 })

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date, or null when the string is not a real date. */
export function toDayNumber(value: string): number | null {
	const hit = toDayCache.get(value)
	if (hit !== undefined) return Number.isNaN(hit) ? null : hit
	const result = computeDayNumber(value)
	toDayCache.set(value, result ?? Number.NaN)
	return result
}

function computeDayNumber(value: string): number | null {
	const match = ISO_DATE.exec(value)
	if (!match) return null
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
	const ms = Date.UTC(year, month - 1, day)
	// Date.UTC rolls 02-30 over to 03-02; a round trip catches it.
	if (fromDayNumber(ms / MS_PER_DAY) !== value) return null
	return ms / MS_PER_DAY
}

/** The 'YYYY-MM-DD' date of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): string {
	const hit = fromDayCache.get(days)
	if (hit !== undefined) return hit
	const result = new Date(days * MS_PER_DAY).toISOString().slice(0, 10)
	fromDayCache.set(days, result)
	return result
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
