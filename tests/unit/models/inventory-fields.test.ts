// The inventory fields are declared once (models/inventory-schemas.ts): the schema, the record a row builds, the
// text fields a record is written as, and the form's field list are derived. Every demo record of every table makes
// the round trip record -> text fields -> rule -> record unchanged, and the form lists exactly the editable fields.
import { describe, expect, test } from 'vitest'
import { INVENTORY_META } from '#models/inventory-forms.ts'
import { INVENTORY_TABLES, inventoryFields } from '#models/inventory-schemas.ts'
import { DEMO_FLOWS, DEMO_STAFFING, DEMO_SYSTEMS, DEMO_UNITS } from '#seed/demo/group.ts'

const UNIT_ID = 7
const samples = {
	units: DEMO_UNITS.map(u => ({ record: u as Record<string, unknown>, unitCode: u.code })),
	systems: DEMO_SYSTEMS.map(({ unitCode, ...s }) => ({ record: { ...s, unitId: UNIT_ID }, unitCode })),
	flows: DEMO_FLOWS.map(({ unitCode, ...f }) => ({ record: { ...f, unitId: UNIT_ID }, unitCode })),
	staffing: DEMO_STAFFING.map(({ unitCode, ...s }) => ({ record: { ...s, unitId: UNIT_ID }, unitCode })),
}

describe.each(Object.keys(INVENTORY_TABLES) as Array<keyof typeof INVENTORY_TABLES>)('%s', table => {
	const { fields, schema, build } = INVENTORY_TABLES[table]

	test('the schema, the CSV columns and the form come from the one declaration', () => {
		expect(Object.keys(schema.shape)).toEqual(fields.map(f => f.name))
		expect(INVENTORY_META[table].fields.map(f => f.name)).toEqual(fields.filter(f => !('computed' in f)).map(f => f.name))
	})

	test('every demo record makes the round trip through its text fields unchanged', () => {
		expect(samples[table].length).toBeGreaterThan(0)
		for (const { record, unitCode } of samples[table]) {
			const text = inventoryFields(table, record as never, unitCode)
			expect(Object.keys(text)).toEqual(fields.map(f => f.name))
			const parsed = schema.safeParse(text)
			expect(parsed.success).toBe(true)
			const rebuilt = build(parsed.data as Record<string, unknown>, UNIT_ID)
			const { id: _id, ...rest } = record as Record<string, unknown>
			// An optional property the record leaves out (absent in records written before its field existed) is unknown: null.
			const absent = Object.fromEntries(fields.flatMap(f => ('key' in f && f.key ? [[f.key, null]] : [])))
			expect(rebuilt).toEqual({ ...absent, ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v ?? null])) })
		}
	})
})
