import { expect, test } from 'vitest'
import { addDays, addMonths, addWorkingDays, daysBetween, isIsoDate } from '#models/dates.ts'

test('a real date is an ISO date', () => {
	expect(isIsoDate('2024-02-29')).toBe(true)
})

test('an impossible date is not an ISO date', () => {
	expect(isIsoDate('2025-02-29')).toBe(false)
})

test('adding days crosses a month end', () => {
	expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
})

test('adding months clamps to the end of a shorter month', () => {
	expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
})

test('adding twelve months to a leap day lands on 28 February', () => {
	expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
})

test('working days skip the weekend', () => {
	// Friday 2026-01-02 + 1 working day = Monday 2026-01-05
	expect(addWorkingDays('2026-01-02', 1)).toBe('2026-01-05')
})

test('days between two dates are signed', () => {
	expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2)
})

test('an invalid date gives null', () => {
	expect(addDays('not a date', 3)).toBe(null)
})
