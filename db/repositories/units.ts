import { type Kysely } from 'kysely'
import { type BusinessUnit } from '#models/domain.ts'
import { type UnitFilterKey, type UnitSortKey } from '#models/inventory-specs.ts'
import { type ListQuery, type ListResult } from '#models/list-query.ts'
import { unitFromRow, unitToRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { insertChunked } from '../sql/bulk.ts'
import { fetchPage } from '../sql/list.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

export const UNITS_SORT_COLUMNS: Record<UnitSortKey, string> = {
	code: 'business_unit.code',
	name: 'business_unit.name',
	segment: 'business_unit.segment',
	legalEntityType: 'business_unit.legal_entity_type',
	city: 'business_unit.city',
	sector: 'business_unit.sector',
	chinaRevenueRmb: 'business_unit.china_revenue_rmb',
}

export async function listUnits(db: Kysely<Database>, query: ListQuery<UnitSortKey, UnitFilterKey>): Promise<ListResult<BusinessUnit>> {
	const f = query.filters
	// Archived units (decision 032) are kept for the record and listed apart: /units/archived.
	let base = db.selectFrom('business_unit').where('archived_at', 'is', null)
	if (f.segment) base = base.where('segment', '=', f.segment)
	if (f.city) base = base.where('city', '=', f.city)
	if (f.sector) base = base.where('sector', '=', f.sector)
	if (f.legalEntityType) base = base.where('legal_entity_type', '=', f.legalEntityType)
	if (f.ciio) base = base.where('is_ciio', '=', f.ciio === 'yes' ? 1 : 0)
	if (query.q) base = base.where(eb => eb.or([eb('name', 'like', `%${query.q}%`), eb('code', 'like', `%${query.q}%`)]))
	const page = await fetchPage(base, qb => qb.selectAll('business_unit'), query, UNITS_SORT_COLUMNS, 'business_unit.id')
	return { rows: page.rows.map(unitFromRow), total: page.total }
}

/** Every unit in use (archived ones are left out: they are not scored, counted or offered in pickers). */
export async function listAllUnits(db: Kysely<Database>): Promise<BusinessUnit[]> {
	const rows = await db.selectFrom('business_unit').selectAll().where('archived_at', 'is', null).orderBy('name').orderBy('id').execute()
	return rows.map(unitFromRow)
}

/** Inserts many rows (chunked) and bumps the inventory version once; run inside a transaction. */
export async function insertUnitRows(db: Kysely<Database>, rows: Omit<BusinessUnit, 'id'>[]) {
	await insertChunked(db, 'business_unit', rows.map(unitToRow))
	await bumpInventoryVersion(db, 'all')
}

/** code → id for every unit (imports and the seed resolve child rows by unit code); `inUse` leaves archived ones out. */
export async function mapUnitIdsByCode(db: Kysely<Database>, options: { inUse?: boolean } = {}): Promise<Map<string, number>> {
	let q = db.selectFrom('business_unit').select(['id', 'code'])
	if (options.inUse) q = q.where('archived_at', 'is', null)
	const rows = await q.execute()
	return new Map(rows.map(r => [r.code, r.id]))
}
