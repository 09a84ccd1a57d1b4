import { describe, expect, test } from 'vitest'
import { nextQuarter, parseQuarter, previousQuarter, quarterOf, upcomingQuarters } from '#models/quarter.ts'
import { mulberry32 } from '#models/random.ts'

describe('quarters', () => {
	test('parseQuarter gives the first and last days, null for anything else', () => {
		expect(parseQuarter('2028-Q1')).toEqual({ year: 2028, quarter: 1, start: '2028-01-01', end: '2028-03-31' })
		expect(parseQuarter(' 2027-Q4 ')).toEqual({ year: 2027, quarter: 4, start: '2027-10-01', end: '2027-12-31' })
		expect(parseQuarter('2027-Q5')).toBeNull()
		expect(parseQuarter('Q1 2027')).toBeNull()
	})

	test('next and previous cross the year', () => {
		expect(nextQuarter('2026-Q4')).toBe('2027-Q1')
		expect(previousQuarter('2027-Q1')).toBe('2026-Q4')
	})

	test('upcomingQuarters starts with the quarter of the date', () => {
		expect(upcomingQuarters('2026-11-23', 3)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2'])
		expect(upcomingQuarters('2026-01-01', 1)).toEqual([quarterOf('2026-01-01')])
	})
})

describe('seeded random generator', () => {
	test('the same seed gives the same numbers in [0, 1)', () => {
		const a = mulberry32(42)
		const b = mulberry32(42)
		const xs = Array.from({ length: 1000 }, () => a())
		expect(xs).toEqual(Array.from({ length: 1000 }, () => b()))
		expect(xs.every(x => x >= 0 && x < 1)).toBe(true)
	})
})
