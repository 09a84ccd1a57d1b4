import { json } from '@remix-run/node'
import { type Kysely } from 'kysely'
import { listFlows } from '#db/repositories/flows.ts'
import { listStaffing } from '#db/repositories/staffing.ts'
import { listSystems } from '#db/repositories/systems.ts'
import { listAllUnits, listUnits } from '#db/repositories/units.ts'
import { CSV_LIMITS } from '#models/csv-import.ts'
import { toCsv } from '#models/csv.ts'
import { FLOW_LIST_SPEC, STAFFING_LIST_SPEC, SYSTEM_LIST_SPEC, UNIT_LIST_SPEC } from '#models/inventory-specs.ts'
import { type ListQuery, type ListSpec } from '#models/list-query.ts'
import { requireListQuery } from './list-query.server.ts'
import { type Database } from '#db/schema.ts'
import { type InventoryTableKey, isInventoryTable } from '#models/inventory-forms.ts'
import { INVENTORY_TABLES, inventoryFields } from '#models/inventory-schemas.ts'
import { type InventoryRecord } from '#db/repositories/inventory.ts'
import { type FlowFilterKey, type FlowSortKey } from '#models/inventory-specs.ts'
import { matchesFlowFilters } from '#models/flow-status.ts'
import { getFlowStatusIndex, getOverdueSystemIds } from './exposure.server.ts'
import { type SystemFilterKey, type SystemSortKey } from '#models/inventory-specs.ts'

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

/**
 * A page of the system list with each row's MLPS state on today's date (overdue for filing or assessment); the
 * `overdue` filter selects on it, so the overview's "Systems overdue for MLPS" figure opens exactly the rows it counts.
 */
export async function listSystemsWithStatus(db: Kysely<Database>, query: ListQuery<SystemSortKey, SystemFilterKey>) {
	const overdue = await getOverdueSystemIds(db)
	const f = query.filters.overdue
	const ids = f === 'yes' ? { only: [...overdue] } : f === 'no' ? { except: [...overdue] } : undefined
	const { rows, total } = await listSystems(db, query, ids)
	return { total, rows: rows.map(r => ({ ...r, mlpsOverdue: overdue.has(r.id) })) }
}

/** The table named in the URL, or a 404 that says which tables exist. */
export function requireInventoryTable(name: string | undefined): InventoryTableKey {
	if (!isInventoryTable(name)) throw json({ message: `There is no inventory table "${name}".` }, { status: 404 })
	return name
}

/** Units for the unit picker. */
export async function unitOptions(db: Kysely<Database>) {
	return (await listAllUnits(db)).map(u => ({ code: u.code, name: u.name }))
}

// Each table's URL spec and server-side list, so export and the API read a view exactly as the page does.
const TABLE_LISTS: Record<
	InventoryTableKey,
	{
		spec: ListSpec<string, string>
		list: (db: Kysely<Database>, q: ListQuery<any, any>) => Promise<{ rows: Array<InventoryRecord & { unitCode?: string }>; total: number }>
	}
> = {
	units: { spec: UNIT_LIST_SPEC, list: listUnits },
	systems: { spec: SYSTEM_LIST_SPEC, list: listSystemsWithStatus },
	flows: { spec: FLOW_LIST_SPEC, list: listFlowsWithStatus },
	staffing: { spec: STAFFING_LIST_SPEC, list: listStaffing },
}

export const csvColumns = (key: InventoryTableKey) => Object.keys(INVENTORY_TABLES[key].schema.shape)

/** The rows of a table view (filters, search and sort from the URL), every page of it: the CSV export. */
export async function exportInventoryCsv(db: Kysely<Database>, key: InventoryTableKey, request: Request) {
	const { spec, list } = TABLE_LISTS[key]
	const query = { ...requireListQuery(request, spec), page: 1, pageSize: CSV_LIMITS.maxRows }
	const { rows, total } = await list(db, query)
	const fields = rows.map(({ id: _id, ...record }) => {
		const out = inventoryFields(key, record, record.unitCode ?? record.code)
		// A computed column the importer ignores: the mechanism the exporter's totals require today.
		if ('requiredMechanism' in record) out.required_mechanism = String(record.requiredMechanism ?? 'not_a_transfer')
		// Likewise: whether the system is overdue for MLPS filing or assessment today.
		if ('mlpsOverdue' in record) out.mlps_overdue = record.mlpsOverdue ? 'yes' : 'no'
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
