// Monthly counts per flow (flow_month_count): optional, they refine the threshold forecast. Every write bumps the
// inventory version, so the forecasts cached with the scored portfolio follow.
import { type Kysely } from 'kysely'
import { type FlowMonthCount } from '#models/domain.ts'
import { type Database } from '../schema.ts'
import { bumpInventoryVersion } from './inventory-version.ts'

export type FlowMonthWithCode = FlowMonthCount & { flowCode: string; unitCode: string }

const toCount = (r: {
	flow_id: number
	month: string
	pi_individuals: number | string
	sensitive_pi_individuals: number | string
}): FlowMonthCount => ({
	flowId: r.flow_id,
	month: r.month,
	personalInfoIndividuals: Number(r.pi_individuals),
	sensitivePersonalInfoIndividuals: Number(r.sensitive_pi_individuals),
})

/** Every monthly count, or those of some units' flows, by flow then month. */
export async function listFlowMonths(db: Kysely<Database>, unitIds?: readonly number[]): Promise<FlowMonthCount[]> {
	if (unitIds && !unitIds.length) return []
	let q = db.selectFrom('flow_month_count as m').selectAll('m')
	if (unitIds) q = q.innerJoin('data_flow as f', 'f.id', 'm.flow_id').where('f.unit_id', 'in', [...unitIds])
	return (await q.orderBy('m.flow_id').orderBy('m.month').execute()).map(toCount)
}

/** Monthly counts with their flow's and unit's codes (the page, the CSV export and the API), optionally of one flow or unit. */
export async function listFlowMonthsWithCodes(
	db: Kysely<Database>,
	filter: { flow?: string; unit?: string } = {},
): Promise<FlowMonthWithCode[]> {
	let q = db
		.selectFrom('flow_month_count as m')
		.innerJoin('data_flow as f', 'f.id', 'm.flow_id')
		.innerJoin('business_unit as u', 'u.id', 'f.unit_id')
		.selectAll('m')
		.select(['f.code as flow_code', 'u.code as unit_code'])
	if (filter.flow) q = q.where('f.code', '=', filter.flow)
	if (filter.unit) q = q.where('u.code', '=', filter.unit)
	const rows = await q.orderBy('f.code').orderBy('m.month').execute()
	return rows.map(r => ({ ...toCount(r), flowCode: r.flow_code, unitCode: r.unit_code }))
}

/** The recorded counts for these (flow id, month) pairs, keyed `${flowId} ${month}`. */
export async function findFlowMonths(db: Kysely<Database>, flowIds: readonly number[]): Promise<Map<string, FlowMonthCount>> {
	if (!flowIds.length) return new Map()
	const rows = await db
		.selectFrom('flow_month_count')
		.selectAll()
		.where('flow_id', 'in', [...new Set(flowIds)])
		.execute()
	return new Map(rows.map(r => [`${r.flow_id} ${r.month}`, toCount(r)]))
}

/** Writes the counts (insert or replace each flow's month) and bumps the inventory version once. */
export async function upsertFlowMonths(
	db: Kysely<Database>,
	inserts: readonly FlowMonthCount[],
	updates: readonly FlowMonthCount[],
): Promise<void> {
	const row = (m: FlowMonthCount) => ({
		flow_id: m.flowId,
		month: m.month,
		pi_individuals: m.personalInfoIndividuals,
		sensitive_pi_individuals: m.sensitivePersonalInfoIndividuals,
	})
	for (const m of updates)
		await db
			.updateTable('flow_month_count')
			.set({ pi_individuals: m.personalInfoIndividuals, sensitive_pi_individuals: m.sensitivePersonalInfoIndividuals })
			.where('flow_id', '=', m.flowId)
			.where('month', '=', m.month)
			.execute()
	for (let i = 0; i < inserts.length; i += 500)
		await db
			.insertInto('flow_month_count')
			.values(inserts.slice(i, i + 500).map(row))
			.execute()
	if (inserts.length || updates.length)
		await bumpInventoryVersion(
			db,
			await unitsOfFlows(
				db,
				[...inserts, ...updates].map(m => m.flowId),
			),
		)
}

/** The units these flows belong to (the units a change of their counts changes). */
async function unitsOfFlows(db: Kysely<Database>, flowIds: number[]): Promise<number[]> {
	if (!flowIds.length) return []
	const rows = await db
		.selectFrom('data_flow')
		.select('unit_id')
		.distinct()
		.where('id', 'in', [...new Set(flowIds)])
		.execute()
	return rows.map(r => Number(r.unit_id))
}

/** Removes one flow's month; returns whether there was one. */
export async function deleteFlowMonth(db: Kysely<Database>, flowId: number, month: string): Promise<boolean> {
	const result = await db.deleteFrom('flow_month_count').where('flow_id', '=', flowId).where('month', '=', month).executeTakeFirst()
	const deleted = Number(result.numDeletedRows) > 0
	if (deleted) await bumpInventoryVersion(db, await unitsOfFlows(db, [flowId]))
	return deleted
}

/** Flow ids by code (lower-cased), for matching an import's rows. */
export async function mapFlowIdsByCode(db: Kysely<Database>): Promise<Map<string, { id: number; code: string }>> {
	const rows = await db.selectFrom('data_flow').select(['id', 'code']).execute()
	return new Map(rows.map(r => [r.code.toLowerCase(), { id: r.id, code: r.code }]))
}
