import { describe, expect, test } from 'vitest'
import { lastEndedQuarter, planFreeze } from '#models/snapshot/freeze-rules.ts'

describe('which quarter may be frozen', () => {
	test('the current quarter is refused, saying from when it can be frozen; on its last day too', () => {
		for (const now of ['2026-12-01T10:00:00Z', '2026-12-31T23:59:59Z'])
			expect(planFreeze({ quarter: '2026-Q4', now: new Date(now) })).toEqual({
				ok: false,
				code: 'unfinished_quarter',
				message:
					'Quarter 2026-Q4 has not ended (it ends on 2026-12-31); it can be frozen from 2027-01-01. A snapshot is for ever: only an ended quarter is frozen.',
			})
		expect(planFreeze({ quarter: '2027-Q2', now: new Date('2026-12-01T10:00:00Z') })).toMatchObject({
			ok: false,
			code: 'unfinished_quarter',
		})
	})

	test('an ended quarter is frozen on its last day unless told otherwise, inside the quarter', () => {
		const now = new Date('2027-01-01T00:00:01Z')
		expect(planFreeze({ quarter: '2026-Q4', now })).toEqual({ ok: true, quarter: '2026-Q4', asOf: '2026-12-31' })
		expect(planFreeze({ quarter: '2026-Q4', now, asOf: '2026-11-30' })).toEqual({ ok: true, quarter: '2026-Q4', asOf: '2026-11-30' })
		expect(planFreeze({ quarter: '2026-Q4', now, asOf: '2027-01-01' })).toMatchObject({ ok: false, code: 'invalid_as_of' })
	})

	test('the quarter must be typed again, exactly, when confirmation is asked', () => {
		const now = new Date('2027-01-05T09:00:00Z')
		expect(planFreeze({ quarter: '2026-Q4', now, confirmation: ' 2026-Q4 ' })).toMatchObject({ ok: true })
		expect(planFreeze({ quarter: '2026-Q4', now, confirmation: '2026-Q3' })).toMatchObject({ ok: false, code: 'not_confirmed' })
		expect(planFreeze({ quarter: '2026-Q4', now, confirmation: '' })).toMatchObject({ ok: false, code: 'not_confirmed' })
	})

	test('what is not a quarter is named as such', () => {
		expect(planFreeze({ quarter: '2026-Q5', now: new Date() })).toMatchObject({
			ok: false,
			code: 'invalid_quarter',
			message: "'2026-Q5' is not a quarter; write it as YYYY-Qn, e.g. 2026-Q3.",
		})
	})

	test('the form offers the last ended quarter', () => {
		expect(lastEndedQuarter(new Date('2026-12-01T10:00:00Z'))).toBe('2026-Q3')
		expect(lastEndedQuarter(new Date('2027-01-01T00:00:00Z'))).toBe('2026-Q4')
	})
})
