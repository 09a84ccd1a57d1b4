import { type Kysely } from 'kysely'
import { type GroupFunctionHeadcount, type StaffFunction, type StaffingLine } from '#models/domain.ts'
import { type StaffingFilterKey, type StaffingSortKey } from '#models/inventory-specs.ts'
import { type ListQuery, type ListResult } from '#models/list-query.ts'
import { staffingFromRow, staffingToRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { insertChunked } from '../sql/bulk.ts'
import { fetchPage } from '../sql/list.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

export type StaffingWithUnit = StaffingLine & { unitName: string; unitCode: string }

export const STAFFING_SORT_COLUMNS: Record<StaffingSortKey, string> = {
	code: 'staffing_line.code',
	unit: 'business_unit.name',
	function: 'staffing_line.function',
	city: 'staffing_line.city',
	headcount: 'staffing_line.headcount',
	avgMonthlyWageRmb: 'staffing_line.avg_monthly_wage_rmb',
	avgTenureMonths: 'staffing_line.avg_tenure_months',
}

export async function listStaffing(
	db: Kysely<Database>,
	query: ListQuery<StaffingSortKey, StaffingFilterKey>,
): Promise<ListResult<StaffingWithUnit>> {
	const f = query.filters
	// A left join (every row has its unit: a foreign key) lets MariaDB read staffing_line in the sort's order and stop
	// at the page, and drop the join from the count; with an inner join it sorted all the joined rows per page.
	let base = db
		.selectFrom('staffing_line')
		.leftJoin('business_unit', 'business_unit.id', 'staffing_line.unit_id')
		.where('business_unit.archived_at', 'is', null) // an archived unit's rows are kept, not listed (decision 032)
	if (f.unit) base = base.where('business_unit.code', '=', f.unit)
	if (f.function) base = base.where('staffing_line.function', '=', f.function)
	if (f.city) base = base.where('staffing_line.city', '=', f.city)
	if (query.q) base = base.where('staffing_line.code', 'like', `%${query.q}%`)
	const page = await fetchPage(
		base,
		qb => qb.selectAll('staffing_line').select(['business_unit.name as unit_name', 'business_unit.code as unit_code']),
		query,
		STAFFING_SORT_COLUMNS,
		'staffing_line.id',
	)
	return {
		rows: page.rows.map(r => ({ ...staffingFromRow(r), unitName: r.unit_name ?? '', unitCode: r.unit_code ?? '' })),
		total: page.total,
	}
}

export async function listStaffingByUnit(db: Kysely<Database>, unitIds: number[]): Promise<StaffingLine[]> {
	if (!unitIds.length) return []
	const rows = await db.selectFrom('staffing_line').selectAll().where('unit_id', 'in', unitIds).orderBy('code').execute()
	return rows.map(staffingFromRow)
}

export async function listGroupHeadcount(db: Kysely<Database>): Promise<GroupFunctionHeadcount[]> {
	const rows = await db.selectFrom('group_function_headcount').selectAll().orderBy('function').execute()
	return rows.map(r => ({ function: r.function as StaffFunction, globalHeadcount: r.global_headcount }))
}

export async function setGroupHeadcount(db: Kysely<Database>, rows: GroupFunctionHeadcount[]) {
	await db.deleteFrom('group_function_headcount').execute()
	if (rows.length)
		await db
			.insertInto('group_function_headcount')
			.values(rows.map(r => ({ function: r.function, global_headcount: r.globalHeadcount })))
			.execute()
	await bumpInventoryVersion(db, 'all')
}

/** Inserts many rows (chunked) and bumps the inventory version once; run inside a transaction. */
export async function insertStaffingRows(db: Kysely<Database>, rows: Omit<StaffingLine, 'id'>[]) {
	await insertChunked(db, 'staffing_line', rows.map(staffingToRow))
	await bumpInventoryVersion(
		db,
		rows.map(r => r.unitId),
	)
}

/** code → id for every staffing line. */
export async function mapStaffingIdsByCode(db: Kysely<Database>): Promise<Map<string, number>> {
	const rows = await db.selectFrom('staffing_line').select(['id', 'code']).execute()
	return new Map(rows.map(r => [r.code, r.id]))
}
