import { describe, expect, test } from 'vitest'
import { formatDate, formatInt, formatRmb, formatUsd } from '#app/utils/format.ts'

describe('numbers for people', () => {
	test.each([
		[19_395_000_000_000, 'RMB 19,395bn'],
		[12_300_000_000, 'RMB 12bn'],
		[1_250_000_000, 'RMB 1.3bn'],
		[48_000_000, 'RMB 48m'],
		[2_500_000, 'RMB 2.5m'],
		[45_000, 'RMB 45k'],
		[950, 'RMB 950'],
	])('compact RMB %d reads %s', (n, text) => expect(formatRmb(n, { compact: true })).toBe(text))

	test('whole figures are grouped in thousands; negatives in USD carry a minus sign', () => {
		expect(formatInt(3_753_755)).toBe('3,753,755')
		expect(formatRmb(1_234_567.4)).toBe('RMB 1,234,567')
		expect(formatUsd(-3_460_000, { compact: true })).toBe('−USD 3.5m')
		expect(formatInt(null)).toBe('—')
	})

	test('dates read day, month, year', () => {
		expect(formatDate('2026-09-30')).toBe('30 Sept 2026')
		expect(formatDate('2026-11-23T10:00:00Z')).toBe('23 Nov 2026')
		expect(formatDate(null)).toBe('—')
		expect(formatDate('not a date')).toBe('not a date')
	})
})
