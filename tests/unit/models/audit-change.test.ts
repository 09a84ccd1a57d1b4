import { expect, test } from 'vitest'
import { actionLabel, describeAuditChange, fieldLabel, valueText } from '#models/audit-change.ts'

test('an update lists the changed field in words', () => {
	expect(describeAuditChange({ id: 4, code: 'SL-1', headcount: 150 }, { code: 'SL-1', headcount: 148 })).toEqual([
		{ field: 'Headcount', before: '150', after: '148' },
	])
})

test('a field the update did not carry is not a removal', () => {
	expect(describeAuditChange({ id: 4, unitId: 2, name: 'A', createdAt: '2026-01-01' }, { name: 'A' })).toEqual([])
})

test('booleans read yes and no, empty values a dash, numbers grouped', () => {
	expect(describeAuditChange({ isCiio: false, chinaRevenueRmb: null }, { isCiio: true, chinaRevenueRmb: 1250000 })).toEqual([
		{ field: 'Is CIIO', before: 'no', after: 'yes' },
		{ field: 'China revenue RMB', before: '—', after: '1,250,000' },
	])
})

test('a create lists what was written, skipping empty fields and bookkeeping', () => {
	expect(describeAuditChange(null, { id: 9, name: 'Shanghai ops', sector: '', headcount: 12 })).toEqual([
		{ field: 'Name', after: 'Shanghai ops' },
		{ field: 'Headcount', after: '12' },
	])
})

test('a delete lists what was there', () => {
	expect(describeAuditChange({ name: 'Old unit' }, null)).toEqual([{ field: 'Name', before: 'Old unit' }])
})

test('nested objects read as parent and child; lists of records as counts', () => {
	expect(
		describeAuditChange(
			{ assumptions: { discountRate: 0.08 }, moves: [{ a: 1 }] },
			{ assumptions: { discountRate: 0.09 }, moves: [{ a: 2 }, { a: 3 }] },
		),
	).toEqual([
		{ field: 'Assumptions · Discount rate', before: '0.08', after: '0.09' },
		{ field: 'Moves', before: '1 item', after: '2 items' },
	])
	expect(describeAuditChange({ moves: [{ a: 1 }] }, { moves: [{ a: 2 }] })).toEqual([
		{ field: 'Moves', before: '1 item', after: '1 item (changed)' },
	])
})

test('labels and values', () => {
	expect(fieldLabel('prior_year_global_turnover_rmb')).toBe('Prior year global turnover RMB')
	expect(fieldLabel('mlpsLevel')).toBe('MLPS level')
	expect(valueText(['cloud', 'iot'])).toBe('cloud, iot')
	expect(valueText([])).toBe('none')
})

test('actions and entities read as words', () => {
	expect(actionLabel('login.failure')).toBe('Sign-in refused')
	expect(actionLabel('scenario.approve')).toBe('Scenario approve')
	expect(fieldLabel('staffing_line')).toBe('Staffing line')
})
