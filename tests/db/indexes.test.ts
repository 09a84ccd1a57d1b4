// Every column the inventory tables sort or filter on has an index whose first column it is, on both dialects:
// server-side paging at 20,000 rows must not sort or scan the whole table per page.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type DbContext } from '#db/client.server.ts'
import { FLOWS_SORT_COLUMNS } from '#db/repositories/flows.ts'
import { STAFFING_SORT_COLUMNS } from '#db/repositories/staffing.ts'
import { SYSTEMS_SORT_COLUMNS } from '#db/repositories/systems.ts'
import { UNITS_SORT_COLUMNS } from '#db/repositories/units.ts'
import { createTestDb, testDialects } from './setup.ts'

// The filters of each list (models/inventory-specs.ts), as the repositories apply them.
const FILTER_COLUMNS = [
	'business_unit.segment',
	'business_unit.city',
	'business_unit.sector',
	'business_unit.legal_entity_type',
	'business_unit.is_ciio',
	'business_unit.code', // the `unit` filter of systems, flows and staffing
	'info_system.mlps_level',
	'info_system.filed_on',
	'data_flow.destination_country',
	'data_flow.mechanism_in_place',
	'data_flow.purpose',
	'data_flow.is_remote_access',
	'staffing_line.function',
	'staffing_line.city',
]

const SORT_COLUMNS = [UNITS_SORT_COLUMNS, SYSTEMS_SORT_COLUMNS, FLOWS_SORT_COLUMNS, STAFFING_SORT_COLUMNS].flatMap(m => Object.values(m))

async function leadingIndexColumns(ctx: DbContext): Promise<Set<string>> {
	if (ctx.dialect === 'mysql') {
		const { rows } = await sql<{ t: string; c: string }>`
			select table_name as t, column_name as c from information_schema.statistics
			where table_schema = database() and seq_in_index = 1`.execute(ctx.db)
		return new Set(rows.map(r => `${r.t}.${r.c}`))
	}
	const { rows } = await sql<{ t: string; c: string }>`
		select m.name as t, ii.name as c from sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii
		where m.type = 'table' and ii.seqno = 0`.execute(ctx.db)
	return new Set(rows.map(r => `${r.t}.${r.c}`))
}

describe.each(testDialects())('indexes ($name)', dialect => {
	let ctx: DbContext
	beforeAll(async () => {
		ctx = await createTestDb(dialect)
	})
	afterAll(async () => ctx?.db.destroy())

	test('every sort and filter column of the inventory lists leads an index', async () => {
		const indexed = await leadingIndexColumns(ctx)
		const missing = [...new Set([...SORT_COLUMNS, ...FILTER_COLUMNS])].filter(c => !indexed.has(c))
		expect(missing).toEqual([])
	})
})
