// A flow's dates are checked together, the same way on the form and in a CSV row: the mechanism's start is before its
// expiry, and an expiry needs a mechanism.
import { describe, expect, test } from 'vitest'
import { describeCsvError, validateCsv } from '#models/csv-import.ts'
import { parseFields } from '#models/form-errors.ts'
import { flowFieldsSchema } from '#models/inventory-schemas.ts'
import { flowFormFields } from './fixtures.ts'

const FLOW = flowFormFields()
const errorsOf = (patch: Record<string, string>) => {
	const r = parseFields(flowFieldsSchema, { ...FLOW, ...patch })
	return r.ok ? {} : r.fieldErrors
}

describe('flow dates together', () => {
	test('a start before the expiry with a mechanism is accepted', () => {
		expect(errorsOf({})).toEqual({})
		expect(errorsOf({ mechanism_since: '', mechanism_expires_on: '' })).toEqual({})
		expect(errorsOf({ mechanism_in_place: 'none', mechanism_since: '', mechanism_expires_on: '' })).toEqual({})
	})

	test('an expiry on or before the start is refused on the expiry, naming both dates', () => {
		expect(errorsOf({ mechanism_expires_on: '2024-12-31' }).mechanism_expires_on).toEqual([
			'Mechanism expires on (2024-12-31) must be after Mechanism since (2025-01-10)',
		])
		expect(errorsOf({ mechanism_expires_on: '2025-01-10' }).mechanism_expires_on).toHaveLength(1)
	})

	test('an expiry without a mechanism is refused', () => {
		expect(errorsOf({ mechanism_in_place: 'none', mechanism_since: '' }).mechanism_expires_on![0]).toMatch(/needs a mechanism in place/)
	})

	test('a CSV row gets the line and the column', () => {
		const header = Object.keys(FLOW)
		const row = (patch: Record<string, string>) => Object.values({ ...FLOW, ...patch })
		const v = validateCsv(
			header,
			[
				{ line: 2, cells: row({}) },
				{ line: 3, cells: row({ code: 'FL-2', mechanism_expires_on: '2024-01-01' }) },
				{ line: 4, cells: row({ code: 'FL-3', mechanism_in_place: 'none', mechanism_since: '' }) },
			],
			flowFieldsSchema,
			{ unitCodes: new Set(['BU-1']) },
		)
		expect(v.rows.map(r => r.line)).toEqual([2])
		expect(v.errors.map(describeCsvError)).toEqual([
			'line 3, column 15 (mechanism_expires_on): Mechanism expires on (2024-01-01) must be after Mechanism since (2025-01-10)',
			'line 4, column 15 (mechanism_expires_on): Mechanism expires on (2028-01-10) needs a mechanism in place: choose the mechanism or leave the expiry empty',
		])
	})
})
