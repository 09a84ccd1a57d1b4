import { type Kysely, sql } from 'kysely'
import { type InfoSystem } from '#models/domain.ts'
import { type SystemFilterKey, type SystemSortKey } from '#models/inventory-specs.ts'
import { type ListQuery, type ListResult } from '#models/list-query.ts'
import { systemFromRow, systemToRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { insertChunked } from '../sql/bulk.ts'
import { fetchPage } from '../sql/list.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

export type SystemWithUnit = InfoSystem & { unitName: string; unitCode: string }

export const SYSTEMS_SORT_COLUMNS: Record<SystemSortKey, string> = {
	code: 'info_system.code',
	name: 'info_system.name',
	unit: 'business_unit.name',
	mlpsLevel: 'info_system.mlps_level',
	filedOn: 'info_system.filed_on',
	lastAssessedOn: 'info_system.last_assessed_on',
}

/**
 * A page of systems. `ids`, when given, keeps only those ids or leaves those out: the filters computed outside SQL
 * (MLPS overdue on the day) arrive as the ids that match them.
 */
export async function listSystems(
	db: Kysely<Database>,
	query: ListQuery<SystemSortKey, SystemFilterKey>,
	ids?: { only: readonly number[] } | { except: readonly number[] },
): Promise<ListResult<SystemWithUnit>> {
	const f = query.filters
	// A left join (every row has its unit: a foreign key) lets MariaDB read info_system in the sort's order and stop
	// at the page, and drop the join from the count; with an inner join it sorted all the joined rows per page.
	let base = db
		.selectFrom('info_system')
		.leftJoin('business_unit', 'business_unit.id', 'info_system.unit_id')
		.where('business_unit.archived_at', 'is', null) // an archived unit's rows are kept, not listed (decision 032)
	if (f.unit) base = base.where('business_unit.code', '=', f.unit)
	if (f.level === 'ungraded') base = base.where('info_system.mlps_level', 'is', null)
	else if (f.level) base = base.where('info_system.mlps_level', '=', Number(f.level))
	if (f.filed) base = base.where('info_system.filed_on', f.filed === 'yes' ? 'is not' : 'is', null)
	if (ids && 'only' in ids) base = ids.only.length ? base.where('info_system.id', 'in', [...ids.only]) : base.where(sql<boolean>`1 = 0`)
	if (ids && 'except' in ids && ids.except.length) base = base.where('info_system.id', 'not in', [...ids.except])
	if (query.q)
		base = base.where(eb => eb.or([eb('info_system.name', 'like', `%${query.q}%`), eb('info_system.code', 'like', `%${query.q}%`)]))
	const page = await fetchPage(
		base,
		qb => qb.selectAll('info_system').select(['business_unit.name as unit_name', 'business_unit.code as unit_code']),
		query,
		SYSTEMS_SORT_COLUMNS,
		'info_system.id',
	)
	return {
		rows: page.rows.map(r => ({ ...systemFromRow(r), unitName: r.unit_name ?? '', unitCode: r.unit_code ?? '' })),
		total: page.total,
	}
}

export async function listSystemsByUnit(db: Kysely<Database>, unitIds: number[]): Promise<InfoSystem[]> {
	if (!unitIds.length) return []
	const rows = await db.selectFrom('info_system').selectAll().where('unit_id', 'in', unitIds).orderBy('code').execute()
	return rows.map(systemFromRow)
}

/** Inserts many rows (chunked) and bumps the inventory version once; run inside a transaction. */
export async function insertSystemRows(db: Kysely<Database>, rows: Omit<InfoSystem, 'id'>[]) {
	await insertChunked(db, 'info_system', rows.map(systemToRow))
	await bumpInventoryVersion(
		db,
		rows.map(r => r.unitId),
	)
}
