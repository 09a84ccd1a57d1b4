import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { listFlows } from '#db/repositories/flows.ts'
import { listStaffing } from '#db/repositories/staffing.ts'
import { listSystems } from '#db/repositories/systems.ts'
import { listAllUnits, listUnits, mapUnitIdsByCode } from '#db/repositories/units.ts'
import { CSV_LIMITS, type CsvCellError, validateCsv } from '#models/csv-import.ts'
import { parseCsvText, toCsv } from '#models/csv.ts'
import { FLOW_LIST_SPEC, STAFFING_LIST_SPEC, SYSTEM_LIST_SPEC, UNIT_LIST_SPEC } from '#models/inventory-specs.ts'
import { type ListQuery, type ListSpec } from '#models/list-query.ts'
import { requireListQuery } from './list-query.server.ts'
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
import { type FlowFilterKey, type FlowSortKey } from '#models/inventory-specs.ts'
import { matchesFlowFilters } from '#models/flow-status.ts'
import { getFlowStatusIndex } from './exposure.server.ts'

/**
 * A page of the flow list with each row's required mechanism (counted per exporter on today's date) and whether
 * what is in place meets it; the `required` and `status` filters select on those, so a link from the overview's
 * "flows lacking their required mechanism" opens exactly the rows it counts.
 */
export async function listFlowsWithStatus(db: Kysely<Database>, query: ListQuery<FlowSortKey, FlowFilterKey>) {
	const index = await getFlowStatusIndex(db)
	const f = query.filters
	const onlyIds = f.required || f.status ? [...index.values()].filter(s => matchesFlowFilters(s, f)).map(s => s.flowId) : undefined
	const { rows, total } = await listFlows(db, query, onlyIds)
	return {
		total,
		rows: rows.map(r => {
			const s = index.get(r.id)
			return { ...r, requiredMechanism: s?.leavesChina ? s.required : null, mechanismSatisfied: s ? s.satisfied : null }
		}),
	}
}

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

// Each table's URL spec and server-side list, so export and the API read a view exactly as the page does.
const TABLE_LISTS: Record<InventoryTableKey, { spec: ListSpec<string, string>; list: (db: Kysely<Database>, q: ListQuery<any, any>) => Promise<{ rows: Array<InventoryRecord & { unitCode?: string }>; total: number }> }> = {
	units: { spec: UNIT_LIST_SPEC, list: listUnits },
	systems: { spec: SYSTEM_LIST_SPEC, list: listSystems },
	flows: { spec: FLOW_LIST_SPEC, list: listFlowsWithStatus },
	staffing: { spec: STAFFING_LIST_SPEC, list: listStaffing },
}

export const csvColumns = (key: InventoryTableKey) => Object.keys(TABLE_SCHEMAS[key].schema.shape)

/** The rows of a table view (filters, search and sort from the URL), every page of it: the CSV export. */
export async function exportInventoryCsv(db: Kysely<Database>, key: InventoryTableKey, request: Request) {
	const { spec, list } = TABLE_LISTS[key]
	const query = { ...requireListQuery(request, spec), page: 1, pageSize: CSV_LIMITS.maxRows }
	const { rows, total } = await list(db, query)
	const fields = rows.map(({ id: _id, ...record }) => {
		const out = recordToFields(key, record, record.unitCode ?? record.code)
		// A computed column the importer ignores: the mechanism the exporter's totals require today.
		if ('requiredMechanism' in record) out.required_mechanism = String(record.requiredMechanism ?? 'not_a_transfer')
		return out
	})
	return { csv: toCsv(csvColumns(key), fields), rows: rows.length, total }
}

/** One page of a table view for the JSON API (the same URL parameters as the page). */
export async function listInventoryPage(db: Kysely<Database>, key: InventoryTableKey, request: Request) {
	const { spec, list } = TABLE_LISTS[key]
	const query = requireListQuery(request, spec)
	const { rows, total } = await list(db, query)
	return { rows, total, page: query.page, pageSize: query.pageSize, sort: `${query.sort}.${query.desc ? 'desc' : 'asc'}` }
}

export type CsvReadResult =
	| { ok: true; records: Array<Omit<InventoryRecord, 'id'>>; rowCount: number }
	| { ok: false; errors: CsvCellError[]; rowCount: number; tooLarge?: boolean }

/** Parses and validates a CSV for a table: every bad row is reported, or every row is ready to write. */
export async function readInventoryCsv(db: Kysely<Database>, key: InventoryTableKey, text: string): Promise<CsvReadResult> {
	const parsed = parseCsvText(text, CSV_LIMITS.maxRows)
	if (!parsed.ok) return { ok: false, errors: [parsed.error], rowCount: 0, tooLarge: parsed.tooLarge }
	if (!parsed.records.length) return { ok: false, errors: [{ line: 2, column: null, columnNumber: null, message: 'the file has a header but no rows' }], rowCount: 0 }
	const { schema, build } = TABLE_SCHEMAS[key]
	const unitIds = key === 'units' ? undefined : await mapUnitIdsByCode(db)
	const { rows, errors } = validateCsv(parsed.header, parsed.records, schema, unitIds ? new Set(unitIds.keys()) : undefined)
	if (errors.length) return { ok: false, errors, rowCount: parsed.records.length }
	const records = rows.map(r => build(r.value, unitIds?.get((r.value as { unit_code?: string }).unit_code ?? '') ?? 0))
	return { ok: true, records, rowCount: rows.length }
}
