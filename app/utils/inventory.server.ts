import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { listAllUnits } from '#db/repositories/units.ts'
import { type Database } from '#db/schema.ts'
import { type InventoryTableKey, isInventoryTable } from '#models/inventory-forms.ts'
import {
	flowFieldsSchema,
	flowFromFields,
	staffingFieldsSchema,
	staffingFromFields,
	systemFieldsSchema,
	systemFromFields,
	toFields,
	unitFieldsSchema,
	unitFromFields,
} from '#models/inventory-schemas.ts'
import { type InventoryRecord } from '#db/repositories/inventory.ts'

/** The table named in the URL, or a 404 that says which tables exist. */
export function requireInventoryTable(name: string | undefined): InventoryTableKey {
	if (!isInventoryTable(name)) throw json({ message: `There is no inventory table "${name}".` }, { status: 404 })
	return name
}

// Each table's schema and the mapping from validated fields to a domain record.
export const TABLE_SCHEMAS = {
	units: { schema: unitFieldsSchema, build: (f: any) => unitFromFields(f) },
	systems: { schema: systemFieldsSchema, build: (f: any, unitId: number) => systemFromFields(f, unitId) },
	flows: { schema: flowFieldsSchema, build: (f: any, unitId: number) => flowFromFields(f, unitId) },
	staffing: { schema: staffingFieldsSchema, build: (f: any, unitId: number) => staffingFromFields(f, unitId) },
} as const

export type FieldErrors = Record<string, string[]>

/**
 * Validates posted fields and resolves the unit code. Returns the record to write, or the messages per
 * field (the form shows each beside its input).
 */
export async function parseInventoryForm(
	db: Kysely<Database>,
	key: InventoryTableKey,
	form: FormData,
): Promise<{ ok: true; record: Omit<InventoryRecord, 'id'>; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> }> {
	const values: Record<string, string> = {}
	for (const [k, v] of form.entries()) if (typeof v === 'string' && k !== 'intent') values[k] = k in values ? `${values[k]};${v}` : v
	const { schema, build } = TABLE_SCHEMAS[key]
	const parsed = schema.safeParse(values)
	if (!parsed.success) {
		const errors: FieldErrors = {}
		for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message)
		return { ok: false, errors, values }
	}
	let unitId = 0
	if (key !== 'units') {
		const code = (parsed.data as { unit_code: string }).unit_code
		const unit = (await listAllUnits(db)).find(u => u.code === code)
		if (!unit) return { ok: false, errors: { unit_code: [`No business unit has code "${code}".`] }, values }
		unitId = unit.id
	}
	return { ok: true, record: build(parsed.data, unitId), values }
}

/** A record as form/CSV fields. */
export function recordToFields(key: InventoryTableKey, record: Omit<InventoryRecord, 'id'>, unitCode: string): Record<string, string> {
	switch (key) {
		case 'units':
			return toFields.unit(record as Parameters<typeof toFields.unit>[0])
		case 'systems':
			return toFields.system(record as Parameters<typeof toFields.system>[0], unitCode)
		case 'flows':
			return toFields.flow(record as Parameters<typeof toFields.flow>[0], unitCode)
		case 'staffing':
			return toFields.staffing(record as Parameters<typeof toFields.staffing>[0], unitCode)
	}
}

/** Units for the unit picker. */
export async function unitOptions(db: Kysely<Database>) {
	return (await listAllUnits(db)).map(u => ({ code: u.code, name: u.name }))
}
