// Calendar-month indexes for the scenario's monthly cash flow (quarters are ../quarter.ts). Month 0 is the calendar month of the
// analysis date; dates are 'YYYY-MM-DD' strings and nothing here reads the clock.

import { toDayNumber } from '../dates.ts'

/** Calendar months from the month of `asOf` to the month of `date` (negative before it). */
export function monthIndex(asOf: string, date: string): number {
	const a = parts(asOf)
	const d = parts(date)
	return d.year * 12 + d.month - (a.year * 12 + a.month)
}

/**
 * The first month that starts on or after `date`: the month of the date when it is the 1st, else the next one.
 * A cost that starts or stops on `date` is counted for whole months from (or up to) this index, so a part month
 * is always counted in full on the costly side (the China cost of a month in which the contracts end).
 */
export function monthBoundaryIndex(asOf: string, date: string): number {
	return monthIndex(asOf, date) + (parts(date).day > 1 ? 1 : 0)
}

/** 'YYYY-MM' of month `index` counted from the month of `asOf`. */
export function monthLabel(asOf: string, index: number): string {
	const a = parts(asOf)
	const total = a.year * 12 + (a.month - 1) + index
	const year = Math.floor(total / 12)
	return `${year}-${String(total - year * 12 + 1).padStart(2, '0')}`
}

/** Whole calendar months from `from` to `to` (0 when `to` is not later): 01-31 to 02-28 is 0, to 03-01 is 1. */
export function wholeMonthsBetween(from: string, to: string): number {
	const a = parts(from)
	const b = parts(to)
	const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0)
	return Math.max(0, months)
}

/** The later of two valid dates. */
export function laterOf(a: string, b: string): string {
	return (toDayNumber(a) ?? 0) >= (toDayNumber(b) ?? 0) ? a : b
}

function parts(date: string): { year: number; month: number; day: number } {
	return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}
