import { type Kysely, sql } from 'kysely'
import { type DataFlow } from '#models/domain.ts'
import { type FlowFilterKey, type FlowSortKey } from '#models/inventory-specs.ts'
import { type ListQuery, type ListResult } from '#models/list-query.ts'
import { flowFromRow, flowToRow } from '../mappers.ts'
import { type Database } from '../schema.ts'
import { insertChunked } from '../sql/bulk.ts'
import { fetchPage } from '../sql/list.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

export type FlowWithUnit = DataFlow & { unitName: string; unitCode: string }

/**
 * A page of flows. `onlyIds`, when given, restricts the rows to those ids: the filters computed outside SQL (the
 * required mechanism, counted per exporter) arrive as the ids that match them.
 */

export const FLOWS_SORT_COLUMNS: Record<FlowSortKey, string> = {
	code: 'data_flow.code',
	name: 'data_flow.name',
	unit: 'business_unit.name',
	destinationCountry: 'data_flow.destination_country',
	personalInfoIndividuals: 'data_flow.pi_individuals',
	sensitivePersonalInfoIndividuals: 'data_flow.sensitive_pi_individuals',
	mechanismInPlace: 'data_flow.mechanism_in_place',
	mechanismExpiresOn: 'data_flow.mechanism_expires_on',
}

export async function listFlows(
	db: Kysely<Database>,
	query: ListQuery<FlowSortKey, FlowFilterKey>,
	onlyIds?: readonly number[],
): Promise<ListResult<FlowWithUnit>> {
	const f = query.filters
	// A left join (every row has its unit: a foreign key) lets MariaDB read data_flow in the sort's order and stop
	// at the page, and drop the join from the count; with an inner join it sorted all the joined rows per page.
	let base = db
		.selectFrom('data_flow')
		.leftJoin('business_unit', 'business_unit.id', 'data_flow.unit_id')
		.where('business_unit.archived_at', 'is', null) // an archived unit's rows are kept, not listed (decision 032)
	if (f.unit) base = base.where('business_unit.code', '=', f.unit)
	if (f.country) base = base.where('data_flow.destination_country', '=', f.country)
	if (f.mechanism) base = base.where('data_flow.mechanism_in_place', '=', f.mechanism)
	if (f.purpose) base = base.where('data_flow.purpose', '=', f.purpose)
	if (f.remote) base = base.where('data_flow.is_remote_access', '=', f.remote === 'yes' ? 1 : 0)
	if (onlyIds) base = onlyIds.length ? base.where('data_flow.id', 'in', [...onlyIds]) : base.where(sql<boolean>`1 = 0`)
	if (query.q) base = base.where(eb => eb.or([eb('data_flow.name', 'like', `%${query.q}%`), eb('data_flow.code', 'like', `%${query.q}%`)]))
	const page = await fetchPage(
		base,
		qb => qb.selectAll('data_flow').select(['business_unit.name as unit_name', 'business_unit.code as unit_code']),
		query,
		FLOWS_SORT_COLUMNS,
		'data_flow.id',
	)
	return { rows: page.rows.map(r => ({ ...flowFromRow(r), unitName: r.unit_name ?? '', unitCode: r.unit_code ?? '' })), total: page.total }
}

export async function listFlowsByUnit(db: Kysely<Database>, unitIds: number[]): Promise<DataFlow[]> {
	if (!unitIds.length) return []
	const rows = await db.selectFrom('data_flow').selectAll().where('unit_id', 'in', unitIds).orderBy('code').execute()
	return rows.map(flowFromRow)
}

/** Inserts many rows (chunked) and bumps the inventory version once; run inside a transaction. */
export async function insertFlowRows(db: Kysely<Database>, rows: Omit<DataFlow, 'id'>[]) {
	await insertChunked(db, 'data_flow', rows.map(flowToRow))
	await bumpInventoryVersion(
		db,
		rows.map(r => r.unitId),
	)
}
