// The four inventory tables behind one interface, so the generic edit, import and export paths need
// no per-table branches. Rows are matched by their business `code`, which is stable across CSV round trips.
import { type Kysely } from 'kysely'
import { type BusinessUnit, type DataFlow, type InfoSystem, type StaffingLine } from '#models/domain.ts'
import { type InventoryTableKey } from '#models/inventory-forms.ts'
import { flowFromRow, flowToRow, staffingFromRow, staffingToRow, systemFromRow, systemToRow, unitFromRow, unitToRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { insertChunked } from '../sql/bulk.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

type TableName = 'business_unit' | 'info_system' | 'data_flow' | 'staffing_line'

// The mappers are typed per table; here they meet behind one signature (rows are `any` on purpose).
interface TableOps {
	table: TableName
	fromRow: (r: any) => InventoryRecord
	toRow: (t: any) => Record<string, unknown>
}

const OPS: Record<InventoryTableKey, TableOps> = {
	units: { table: 'business_unit', fromRow: unitFromRow, toRow: unitToRow },
	systems: { table: 'info_system', fromRow: systemFromRow, toRow: systemToRow },
	flows: { table: 'data_flow', fromRow: flowFromRow, toRow: flowToRow },
	staffing: { table: 'staffing_line', fromRow: staffingFromRow, toRow: staffingToRow },
}

export type InventoryRecord = BusinessUnit | InfoSystem | DataFlow | StaffingLine
/** A record before it has an id (each table's own shape: Omit over the union would keep only the common fields). */
export type NewInventoryRecord = Omit<BusinessUnit, 'id'> | Omit<InfoSystem, 'id'> | Omit<DataFlow, 'id'> | Omit<StaffingLine, 'id'>
export const inventoryEntity = (key: InventoryTableKey): TableName => OPS[key].table

export async function findInventoryRecord(db: Kysely<Database>, key: InventoryTableKey, id: number): Promise<InventoryRecord | undefined> {
	const ops = OPS[key]
	const row = await db.selectFrom(ops.table).selectAll().where('id', '=', id).executeTakeFirst()
	return row ? ops.fromRow(row) : undefined
}

export async function insertInventoryRecord(db: Kysely<Database>, key: InventoryTableKey, record: NewInventoryRecord) {
	const ops = OPS[key]
	const result = await db
		.insertInto(ops.table)
		.values(ops.toRow(record) as any)
		.executeTakeFirstOrThrow()
	const id = Number(result.insertId)
	await bumpInventoryVersion(db, [key === 'units' ? id : (record as { unitId: number }).unitId])
	return id
}

/** Rewrites one row; returns how many rows it changed (0: the row is gone). */
export async function updateInventoryRecord(db: Kysely<Database>, key: InventoryTableKey, id: number, record: NewInventoryRecord) {
	const ops = OPS[key]
	const before = await unitsOf(db, key, id) // a row moved to another unit changes both
	const result = await db
		.updateTable(ops.table)
		.set(ops.toRow(record) as any)
		.where('id', '=', id)
		.executeTakeFirst()
	await bumpInventoryVersion(db, key === 'units' ? [id] : [...before, (record as { unitId: number }).unitId])
	return Number(result.numUpdatedRows)
}

/** Deletes one row (a unit takes its systems, flows and staffing lines with it); returns how many rows went. */
export async function deleteInventoryRecord(db: Kysely<Database>, key: InventoryTableKey, id: number) {
	const ops = OPS[key]
	const before = await unitsOf(db, key, id)
	const result = await db.deleteFrom(ops.table).where('id', '=', id).executeTakeFirst()
	await bumpInventoryVersion(db, before)
	return Number(result.numDeletedRows)
}

/** The business unit a row belongs to (a unit: itself), or none when the row is gone. */
async function unitsOf(db: Kysely<Database>, key: InventoryTableKey, id: number): Promise<number[]> {
	if (key === 'units') return [id]
	const row = await db
		.selectFrom(OPS[key].table as 'info_system')
		.select('unit_id')
		.where('id', '=', id)
		.executeTakeFirst()
	return row ? [Number(row.unit_id)] : []
}

export async function findInventoryRecordsByCode(db: Kysely<Database>, key: InventoryTableKey, codes: string[]) {
	const ops = OPS[key]
	const found = new Map<string, InventoryRecord>()
	for (let i = 0; i < codes.length; i += 500) {
		const rows = await db
			.selectFrom(ops.table)
			.selectAll()
			.where('code', 'in', codes.slice(i, i + 500))
			.execute()
		for (const r of rows) found.set(r.code, ops.fromRow(r))
	}
	return found
}

/** A code used by another row of the table (for a clear message instead of a constraint error). */
export async function isCodeTaken(db: Kysely<Database>, key: InventoryTableKey, code: string, exceptId?: number) {
	let q = db.selectFrom(OPS[key].table).select('id').where('code', '=', code)
	if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
	return !!(await q.executeTakeFirst())
}

/** Inserts many rows (chunked) and bumps the inventory version once; returns the new rows' ids by code. Call inside a transaction. */
export async function insertInventoryRecords(db: Kysely<Database>, key: InventoryTableKey, records: NewInventoryRecord[]) {
	if (!records.length) return new Map<string, number>()
	const ops = OPS[key]
	await insertChunked(db, ops.table, records.map(r => ops.toRow(r)) as any)
	const inserted = await findInventoryRecordsByCode(
		db,
		key,
		records.map(r => r.code),
	)
	await bumpInventoryVersion(
		db,
		key === 'units' ? [...inserted.values()].map(r => r.id) : records.map(r => (r as { unitId: number }).unitId),
	)
	return new Map([...inserted].map(([code, r]) => [code, r.id]))
}

/** Every row of a table with its unit's code (export, API). */
export async function listInventoryWithUnitCodes(db: Kysely<Database>, key: InventoryTableKey, ids?: number[]) {
	const ops = OPS[key]
	if (key === 'units') {
		let q = db.selectFrom('business_unit').selectAll().orderBy('code')
		if (ids) q = q.where('id', 'in', ids.length ? ids : [-1])
		return (await q.execute()).map(r => ({ record: unitFromRow(r) as InventoryRecord, unitCode: r.code }))
	}
	let q = db
		.selectFrom(ops.table as 'info_system')
		.innerJoin('business_unit', 'business_unit.id', `${ops.table as 'info_system'}.unit_id`)
		.selectAll(ops.table as 'info_system')
		.select('business_unit.code as unit_code')
		.orderBy(`${ops.table as 'info_system'}.code`)
	if (ids) q = q.where(`${ops.table as 'info_system'}.id`, 'in', ids.length ? ids : [-1])
	return (await q.execute()).map(r => ({ record: ops.fromRow(r), unitCode: (r as { unit_code: string }).unit_code }))
}
