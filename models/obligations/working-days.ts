// Working days on the PRC calendar: Monday to Friday, less the public holidays, plus the make-up working
// weekends (调休上班) that the State Council's notice fixes for each year. Only years whose notice was read are
// known; a count that runs through an unknown year falls back to Monday-Friday and says so (`basis`).
//
// Source per year (the notice, as published by Xinhua and reprinted):
// - 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), Xinhua wire reprinted at
//   http://www.gbitcoin.cn/20241113/eef049eea4e94ef591c5bde42aec1c87/c.html (verified: read in full; a second reprint
//   agrees). Needed for due dates counted from days in 2025 (the PI protection officer's report).
// - 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), https://politics.gmw.cn/2025-11/04/content_38391083.htm
//   (Xinhua wire of 2025-11-04; verified: read in full).
import { fromDayNumber, toDayNumber } from '../dates.ts'

export interface HolidayCalendar {
	year: number
	/** Days off that fall on a weekday or weekend (the whole 放假 span, as the notice lists it). */
	daysOff: readonly string[]
	/** Weekend days worked instead (上班). */
	makeUpWorkdays: readonly string[]
	notice: string
	source: string
	asOf: string
	verified: boolean
}

const span = (from: string, to: string): string[] => {
	const a = toDayNumber(from)!
	const b = toDayNumber(to)!
	return Array.from({ length: b - a + 1 }, (_, i) => fromDayNumber(a + i))
}

export const PRC_HOLIDAY_CALENDARS: readonly HolidayCalendar[] = [
	{
		year: 2025,
		daysOff: [
			'2025-01-01', // 元旦
			...span('2025-01-28', '2025-02-04'), // 春节
			...span('2025-04-04', '2025-04-06'), // 清明节
			...span('2025-05-01', '2025-05-05'), // 劳动节
			...span('2025-05-31', '2025-06-02'), // 端午节
			...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
		],
		makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
		notice: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)',
		source: 'http://www.gbitcoin.cn/20241113/eef049eea4e94ef591c5bde42aec1c87/c.html',
		asOf: '2024-11-12',
		verified: true,
	},
	{
		year: 2026,
		daysOff: [
			...span('2026-01-01', '2026-01-03'), // 元旦
			...span('2026-02-15', '2026-02-23'), // 春节
			...span('2026-04-04', '2026-04-06'), // 清明节
			...span('2026-05-01', '2026-05-05'), // 劳动节
			...span('2026-06-19', '2026-06-21'), // 端午节
			...span('2026-09-25', '2026-09-27'), // 中秋节
			...span('2026-10-01', '2026-10-07'), // 国庆节
		],
		makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
		notice: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
		source: 'https://politics.gmw.cn/2025-11/04/content_38391083.htm',
		asOf: '2025-11-04',
		verified: true,
	},
]

/** 'calendar': every day counted was in a year whose holiday notice is known; 'weekdays_only': some were not. */
export type WorkingDayBasis = 'holiday_calendar' | 'weekdays_only'

export interface WorkingDayResult {
	date: string
	basis: WorkingDayBasis
	/** Years counted through without a known holiday notice (Monday-Friday assumed there). */
	unknownYears: number[]
}

interface Index {
	years: Set<number>
	off: Set<string>
	on: Set<string>
}

function indexOf(calendars: readonly HolidayCalendar[]): Index {
	return {
		years: new Set(calendars.map(c => c.year)),
		off: new Set(calendars.flatMap(c => c.daysOff)),
		on: new Set(calendars.flatMap(c => c.makeUpWorkdays)),
	}
}

const DEFAULT_INDEX = indexOf(PRC_HOLIDAY_CALENDARS)

/** True when `date` is a working day: a make-up weekend day counts, a public holiday does not. */
function isWorkingDay(day: number, index: Index): boolean {
	const date = fromDayNumber(day)
	if (index.on.has(date)) return true
	if (index.off.has(date)) return false
	const weekday = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
	return weekday !== 0 && weekday !== 6
}

/**
 * `date` moved by `days` PRC working days (negative goes back): the day on which the count of working days
 * strictly after (or before) `date` reaches |days|. Returns null for an invalid date. Years without a known holiday
 * notice are counted Monday-Friday and listed in `unknownYears`.
 */
export function shiftWorkingDays(date: string, days: number, calendars?: readonly HolidayCalendar[]): WorkingDayResult | null {
	let n = toDayNumber(date)
	if (n === null) return null
	const index = calendars ? indexOf(calendars) : DEFAULT_INDEX
	const step = days < 0 ? -1 : 1
	let left = Math.abs(Math.trunc(days))
	const unknown = new Set<number>()
	while (left > 0) {
		n += step
		const year = Number(fromDayNumber(n).slice(0, 4))
		if (!index.years.has(year)) unknown.add(year)
		if (isWorkingDay(n, index)) left -= 1
	}
	const unknownYears = [...unknown].sort()
	return { date: fromDayNumber(n), basis: unknownYears.length ? 'weekdays_only' : 'holiday_calendar', unknownYears }
}

/** Words for a result's basis, for notes next to a date. */
export function basisNote(result: WorkingDayResult): string {
	return result.basis === 'holiday_calendar'
		? 'working days counted on the State Council holiday calendar'
		: `working days counted Monday-Friday for ${result.unknownYears.join(', ')} (no holiday notice held for that year): the date may be off by the holidays of that year`
}
