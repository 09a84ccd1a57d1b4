import { type Kysely } from 'kysely'
import { listDestinations } from '#db/repositories/destinations.ts'
import { type Database } from '#db/schema.ts'
import { type Destination, type StaffFunction } from '#models/domain.ts'
import { DESTINATION_LIST_SPEC, type DestinationSortKey } from '#models/inventory-specs.ts'
import { applyListQuery } from '#models/list-query.ts'
import { requireListQuery } from './list-query.server.ts'

const costOf = (d: Destination, fn: StaffFunction) => d.costs.find(c => c.function === fn)

function sortValue(d: Destination, key: DestinationSortKey) {
	if (key === 'city' || key === 'country') return d[key]
	if (key === 'hiringLeadTimeMonths') return d.hiringLeadTimeMonths
	return costOf(d, key)?.annualCostUsd ?? null
}

/** The destinations table as the URL asks for it (filters, search, sort, page); `all` ignores paging (export). */
export async function destinationView(db: Kysely<Database>, request: Request, all = false) {
	const parsed = requireListQuery(request, DESTINATION_LIST_SPEC)
	const query = all ? { ...parsed, page: 1, pageSize: 100_000 } : parsed
	let rows = await listDestinations(db)
	if (query.filters.country) rows = rows.filter(d => d.country.toLowerCase() === query.filters.country!.toLowerCase())
	if (query.filters.mainland) rows = rows.filter(d => d.isMainlandChina === (query.filters.mainland === 'yes'))
	return { query: parsed, ...applyListQuery(rows, query, sortValue, d => `${d.city} ${d.country} ${d.privacyLaw}`) }
}
